package org.deskcrm.importexport.ui;

import ezvcard.VCardVersion;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.deskcrm.crm.ListQuery;
import org.deskcrm.crm.RecordFilter;
import org.deskcrm.importexport.CompanyExportQuery;
import org.deskcrm.importexport.ContactExportQuery;
import org.deskcrm.importexport.ExportResult;
import org.deskcrm.importexport.LeadExportQuery;
import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Resource;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.task.BackgroundTask;
import org.deskcrm.ui.task.TaskHandle;
import org.deskcrm.ui.task.TaskRunner;

/**
 * Export of a company, contact or lead list: what the list shows (its search and filters, the
 * user's record rule always on top: the core puts it in the query) or the selected rows, as CSV
 * or (contacts) vCard 3.0/4.0, in the background with progress and cancel. The file appears only
 * when the export is complete.
 */
public final class ExportViewModel {
    public enum Format { CSV, VCARD_3, VCARD_4 }

    public enum Scope { LIST, SELECTED }

    private final ImportExportServices services;
    private final CurrentUser user;
    private final String entity;
    private final TaskRunner tasks;
    private final Messages messages;
    private final ZoneId zone;

    private final ObjectProperty<Format> format = new SimpleObjectProperty<>(Format.CSV);
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(Scope.LIST);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty cancelling = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final StringProperty resultText = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final ObjectProperty<ExportResult> result = new SimpleObjectProperty<>();
    private final AtomicBoolean cancelRequested = new AtomicBoolean();

    /** @param entity the list: "companies", "contacts" or "leads" */
    public ExportViewModel(ImportExportServices services, CurrentUser user, String entity, TaskRunner tasks, Messages messages,
            ZoneId zone) {
        this.services = services;
        this.user = user;
        this.entity = entity;
        this.tasks = tasks;
        this.messages = messages;
        this.zone = zone;
    }

    public static Resource resource(String entity) {
        return switch (entity) {
            case "companies" -> Resource.COMPANIES;
            case "contacts" -> Resource.CONTACTS;
            case "leads" -> Resource.LEADS;
            default -> throw new IllegalArgumentException("No export for " + entity);
        };
    }

    public static boolean mayExport(CurrentUser user, String entity) {
        return user.can(resource(entity), Action.EXPORT);
    }

    public String entity() {
        return entity;
    }

    /** vCard is offered for contacts only. */
    public boolean offersVCard() {
        return entity.equals("contacts");
    }

    public ObjectProperty<Format> formatProperty() {
        return format;
    }

    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty cancellingProperty() {
        return cancelling;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }

    public StringProperty resultTextProperty() {
        return resultText;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public ObjectProperty<ExportResult> resultProperty() {
        return result;
    }

    /** "contacts-2025-03-01.csv" */
    public String suggestedName(LocalDate today) {
        return entity + "-" + today + (format.get() == Format.CSV ? ".csv" : ".vcf");
    }

    /**
     * Writes the list (its query) or the selected ids to {@code target}.
     *
     * @param query the list's search and filters (its sort does not matter: exports are ordered by name)
     * @param selected the selected ids, used when the scope is {@link Scope#SELECTED}
     */
    public void export(ListQuery query, List<UUID> selected, Path target) {
        if (busy.get()) {
            return;
        }
        boolean sel = scope.get() == Scope.SELECTED && selected != null && !selected.isEmpty();
        String search = sel ? null : query.search();
        RecordFilter filter = sel ? RecordFilter.NONE : query.filter();
        List<UUID> ids = sel ? List.copyOf(selected) : null;
        Format f = format.get();
        if (f != Format.CSV && !offersVCard()) {
            error.set(messages.get("export.vcard.contactsOnly"));
            return;
        }
        busy.set(true);
        cancelRequested.set(false);
        cancelling.set(false);
        error.set("");
        resultText.set("");
        result.set(null);
        progress.set(-1);
        progressText.set("");
        TaskHandle h = BackgroundTask.of(messages.get("export.task", target.getFileName().toString()), p -> {
                    ProgressSink sink = new ProgressSink() {
                        @Override
                        public void update(long done, long total, String message) {
                            p.update(done, total, message);
                        }

                        @Override
                        public boolean isCancelled() {
                            return cancelRequested.get() || p.isCancelled();
                        }
                    };
                    return switch (entity) {
                        case "contacts" -> f == Format.CSV
                                ? services.exports().exportContacts(user, new ContactExportQuery(search, filter, ids), zone, target, sink)
                                : services.vcards().exportContacts(user, new ContactExportQuery(search, filter, ids),
                                        f == Format.VCARD_4 ? VCardVersion.V4_0 : VCardVersion.V3_0, target, sink);
                        case "companies" -> services.exports().exportCompanies(user, new CompanyExportQuery(search, filter, ids), zone,
                                target, sink);
                        default -> services.exports().exportLeads(user, new LeadExportQuery(search, filter, ids), zone, target, sink);
                    };
                })
                .onSuccess(r -> {
                    result.set(r);
                    resultText.set(messages.get("export.done." + entity, r.rows(), r.file().getFileName().toString()));
                })
                .onCancelled(() -> error.set(messages.get("export.cancelled")))
                .onFailure(e -> error.set(e instanceof CancellationException ? messages.get("export.cancelled")
                        : e.getMessage() == null ? messages.get("common.error") : e.getMessage()))
                .onFinally(() -> {
                    busy.set(false);
                    cancelling.set(false);
                    progress.unbind();
                    progressText.unbind();
                })
                .runOn(tasks);
        if (busy.get()) {
            progress.bind(h.progressProperty());
            progressText.bind(h.messageProperty());
        }
    }

    /** Stops the running export; no file is left behind. */
    public void cancel() {
        if (busy.get()) {
            cancelRequested.set(true);
            cancelling.set(true);
        }
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
