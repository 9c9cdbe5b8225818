package org.deskcrm.lead.ui;

import java.math.BigDecimal;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.deskcrm.crm.DuplicateMatch;
import org.deskcrm.crm.ui.Sheet;
import org.deskcrm.lead.ConversionResult;
import org.deskcrm.ui.i18n.Messages;

/** The "Convert lead" sheet over the lead's record. */
final class ConvertSheet {
    private ConvertSheet() {}

    static void show(StackPane host, Messages m, ConversionViewModel vm, Consumer<ConversionResult> converted) {
        // Company
        var companyGroup = new ToggleGroup();
        var createCompany = new RadioButton(m.get("lead.convert.newCompany"));
        createCompany.setId("convert-new-company");
        createCompany.setToggleGroup(companyGroup);
        createCompany.setDisable(!vm.canCreateCompanies());
        var companyName = new TextField();
        companyName.setId("convert-company-name");
        companyName.textProperty().bindBidirectional(vm.companyNameProperty());
        companyName.disableProperty().bind(createCompany.selectedProperty().not());
        var useCompany = new RadioButton(m.get("lead.convert.existingCompany"));
        useCompany.setId("convert-existing-company");
        useCompany.setToggleGroup(companyGroup);
        var companies = new ComboBox<DuplicateMatch>();
        companies.setId("convert-company-choice");
        companies.setItems(vm.companySuggestions());
        companies.setMaxWidth(Double.MAX_VALUE);
        companies.setConverter(converter());
        companies.valueProperty().bindBidirectional(vm.existingCompanyProperty());
        companies.disableProperty().bind(useCompany.selectedProperty().not());
        useCompany.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.companySuggestions()));
        Runnable syncCompany = () -> (vm.newCompanyProperty().get() ? createCompany : useCompany).setSelected(true);
        // Select the initial choice before listening to the toggles: an empty selection would read as "existing company".
        syncCompany.run();
        vm.newCompanyProperty().subscribe(syncCompany);
        companyGroup.selectedToggleProperty().subscribe(t -> vm.newCompanyProperty().set(t == createCompany));

        // Contact
        var contactGroup = new ToggleGroup();
        var newContact = new RadioButton(m.get("lead.convert.newContact"));
        newContact.setId("convert-new-contact");
        newContact.setToggleGroup(contactGroup);
        newContact.setSelected(true);
        var useContact = new RadioButton(m.get("lead.convert.existingContact"));
        useContact.setId("convert-existing-contact");
        useContact.setToggleGroup(contactGroup);
        var contacts = new ComboBox<DuplicateMatch>();
        contacts.setItems(vm.contactMatches());
        contacts.setConverter(converter());
        contacts.setMaxWidth(Double.MAX_VALUE);
        contacts.disableProperty().bind(useContact.selectedProperty().not());
        var contactBox = new VBox(6, newContact, useContact, contacts);
        contactBox.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.contactMatches()));
        contactBox.managedProperty().bind(contactBox.visibleProperty());
        vm.contactMatches().addListener((ListChangeListener<DuplicateMatch>) c -> {
            if (!vm.contactMatches().isEmpty()) {
                contacts.setValue(vm.contactMatches().getFirst());
                useContact.setSelected(true);
            }
        });
        contactGroup.selectedToggleProperty().subscribe(t -> vm.existingContactProperty().set(t == useContact ? contacts.getValue() : null));
        contacts.valueProperty().subscribe(v -> {
            if (useContact.isSelected()) {
                vm.existingContactProperty().set(v);
            }
        });

        // Deal
        var deal = new CheckBox(m.get("lead.convert.createDeal"));
        deal.setId("convert-create-deal");
        deal.selectedProperty().bindBidirectional(vm.createDealProperty());
        deal.setDisable(!vm.canCreateDeals());
        var dealName = new TextField();
        dealName.setId("convert-deal-name");
        dealName.textProperty().bindBidirectional(vm.dealNameProperty());
        var dealValue = new TextField(vm.dealValueProperty().get() == null ? "" : vm.dealValueProperty().get().toPlainString());
        dealValue.setId("convert-deal-value");
        dealValue.textProperty().addListener((o, a, b) -> {
            try {
                vm.dealValueProperty().set(b == null || b.isBlank() ? null : new BigDecimal(b.strip().replace(",", "")));
            } catch (NumberFormatException e) {
                vm.dealValueProperty().set(null);
            }
        });
        var currency = new TextField();
        currency.setPrefColumnCount(4);
        currency.setId("convert-currency");
        currency.textProperty().bindBidirectional(vm.currencyProperty());
        var close = new DatePicker();
        close.valueProperty().bindBidirectional(vm.closeDateProperty());
        var dealGrid = new GridPane();
        dealGrid.setHgap(10);
        dealGrid.setVgap(6);
        dealGrid.addRow(0, new Label(m.get("lead.convert.dealName")), dealName);
        dealGrid.addRow(1, new Label(m.get("lead.convert.dealValue")), dealValue);
        dealGrid.addRow(2, new Label(m.get("company.currency")), currency);
        dealGrid.addRow(3, new Label(m.get("lead.expected_close_date")), close);
        GridPane.setHgrow(dealName, Priority.ALWAYS);
        dealGrid.disableProperty().bind(deal.selectedProperty().not());

        var companyTitle = section(m.get("lead.convert.company"));
        var contactTitle = section(m.get("lead.convert.contact"));
        var dealTitle = section(m.get("lead.convert.deal"));
        var intro = new Label(m.get("lead.convert.intro", vm.lead().fullName()));
        intro.setWrapText(true);
        intro.getStyleClass().add("muted");
        var content = new VBox(10, intro, companyTitle, createCompany, companyName, useCompany, companies, contactTitle,
                new Label(m.get("lead.convert.contactText", vm.lead().fullName())), contactBox, dealTitle, deal, dealGrid);
        var sheet = new Sheet(host, m.get("lead.convert.title"), content, 560);
        sheet.addCancel(m.get("common.cancel"));
        var convert = sheet.addButton(m.get("lead.convert.button"), "lead-convert-confirm", true, () -> vm.convert(r -> {
            sheet.close();
            converted.accept(r);
        }));
        convert.disableProperty().bind(vm.busyProperty());
        vm.errorProperty().subscribe(sheet::showError);
        sheet.show();
        vm.loadSuggestions();
    }

    private static Label section(String text) {
        var l = new Label(text);
        l.getStyleClass().add("form-section-title");
        return l;
    }

    private static javafx.util.StringConverter<DuplicateMatch> converter() {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(DuplicateMatch d) {
                return d == null ? "" : d.detail().isBlank() ? d.title() : d.title() + " · " + d.detail();
            }

            @Override
            public DuplicateMatch fromString(String s) {
                return null;
            }
        };
    }
}
