package org.deskcrm.lead.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.crm.CrmServices;
import org.deskcrm.crm.DuplicateFinder;
import org.deskcrm.crm.DuplicateMatch;
import org.deskcrm.lead.ConversionResult;
import org.deskcrm.lead.Lead;
import org.deskcrm.lead.LeadConversion;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Resource;
import org.deskcrm.ui.task.BackgroundTask;
import org.deskcrm.ui.task.TaskRunner;

/**
 * Converting a lead: into a new or an existing company (similar companies are suggested), as a
 * new contact or onto an existing one (same e-mail/phone), with an optional deal. One service
 * call, one transaction.
 */
public final class ConversionViewModel {
    private final CrmServices crm;
    private final CurrentUser user;
    private final TaskRunner tasks;
    private final Lead lead;

    private final BooleanProperty newCompany = new SimpleBooleanProperty(true);
    private final StringProperty companyName = new SimpleStringProperty("");
    private final ObjectProperty<DuplicateMatch> existingCompany = new SimpleObjectProperty<>();
    private final ObservableList<DuplicateMatch> companySuggestions = FXCollections.observableArrayList();
    private final ObjectProperty<DuplicateMatch> existingContact = new SimpleObjectProperty<>();
    private final ObservableList<DuplicateMatch> contactMatches = FXCollections.observableArrayList();
    private final BooleanProperty createDeal = new SimpleBooleanProperty(true);
    private final StringProperty dealName = new SimpleStringProperty("");
    private final ObjectProperty<BigDecimal> dealValue = new SimpleObjectProperty<>();
    private final StringProperty currency = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> closeDate = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public ConversionViewModel(CrmServices crm, CurrentUser user, TaskRunner tasks, Lead lead) {
        this.crm = crm;
        this.user = user;
        this.tasks = tasks;
        this.lead = lead;
        companyName.set(lead.fields().companyName() == null ? "" : lead.fields().companyName());
        dealName.set((lead.fields().companyName() != null ? lead.fields().companyName() : lead.fullName()) + " – "
                + (lead.fields().jobTitle() != null ? lead.fields().jobTitle() : "opportunity"));
        dealValue.set(lead.fields().estimatedValue());
        currency.set(lead.fields().currency() == null ? "" : lead.fields().currency());
        closeDate.set(lead.fields().expectedCloseDate());
        createDeal.set(user.can(Resource.DEALS, Action.CREATE));
        newCompany.set(user.can(Resource.COMPANIES, Action.CREATE));
    }

    /** Looks for similar companies and contacts that already hold the lead's e-mail or phone. */
    public void loadSuggestions() {
        var f = lead.fields();
        BackgroundTask.of("Looking for matches", p -> new Suggestions(
                        f.companyName() == null ? List.of()
                                : crm.duplicates.companies(user, new DuplicateFinder.Organization(f.companyName(), null, null), null),
                        crm.duplicates.contacts(user, new DuplicateFinder.Person(f.firstName(), f.lastName(), f.email(), f.phone(),
                                null, null, f.companyName()), null)))
                .onSuccess(s -> {
                    companySuggestions.setAll(s.companies());
                    contactMatches.setAll(s.contacts());
                    if (!s.companies().isEmpty()) {
                        existingCompany.set(s.companies().getFirst());
                        newCompany.set(false);
                    }
                    if (!s.contacts().isEmpty()) {
                        existingContact.set(s.contacts().getFirst());
                    }
                })
                .onFailure(e -> error.set(e.getMessage()))
                .runOn(tasks);
    }

    private record Suggestions(List<DuplicateMatch> companies, List<DuplicateMatch> contacts) {}

    public boolean canCreateDeals() {
        return user.can(Resource.DEALS, Action.CREATE);
    }

    public boolean canCreateCompanies() {
        return user.can(Resource.COMPANIES, Action.CREATE);
    }

    public void convert(Consumer<ConversionResult> done) {
        UUID company = newCompany.get() || existingCompany.get() == null ? null : existingCompany.get().id();
        UUID contact = existingContact.get() == null ? null : existingContact.get().id();
        var req = new LeadConversion(company, newCompany.get() ? companyName.get() : null, contact, createDeal.get(),
                dealName.get(), dealValue.get(), currency.get() == null || currency.get().isBlank() ? null : currency.get().strip(),
                closeDate.get(), null);
        if (!newCompany.get() && company == null) {
            error.set("Pick the company the lead belongs to, or create a new one.");
            return;
        }
        busy.set(true);
        error.set("");
        BackgroundTask.of("Converting lead", p -> crm.leads.convert(user, lead.id(), lead.version(), req))
                .onSuccess(done)
                .onFailure(e -> error.set(e instanceof ValidationException v ? String.join(" ", v.messages()) : e.getMessage()))
                .onFinally(() -> busy.set(false))
                .runOn(tasks);
    }

    public Lead lead() {
        return lead;
    }

    public BooleanProperty newCompanyProperty() {
        return newCompany;
    }

    public StringProperty companyNameProperty() {
        return companyName;
    }

    public ObjectProperty<DuplicateMatch> existingCompanyProperty() {
        return existingCompany;
    }

    public ObservableList<DuplicateMatch> companySuggestions() {
        return companySuggestions;
    }

    public ObjectProperty<DuplicateMatch> existingContactProperty() {
        return existingContact;
    }

    public ObservableList<DuplicateMatch> contactMatches() {
        return contactMatches;
    }

    public BooleanProperty createDealProperty() {
        return createDeal;
    }

    public StringProperty dealNameProperty() {
        return dealName;
    }

    public ObjectProperty<BigDecimal> dealValueProperty() {
        return dealValue;
    }

    public StringProperty currencyProperty() {
        return currency;
    }

    public ObjectProperty<LocalDate> closeDateProperty() {
        return closeDate;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
