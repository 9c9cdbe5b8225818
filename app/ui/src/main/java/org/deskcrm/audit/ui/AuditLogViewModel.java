package org.deskcrm.audit.ui;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.audit.AuditEntry;
import org.deskcrm.audit.AuditQuery;
import org.deskcrm.audit.AuditTrail;
import org.deskcrm.security.UserAdminService;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.shell.Workspace;
import org.deskcrm.ui.task.BackgroundTask;

/**
 * Settings > Audit log: filters (user, entity, dates in the user's zone, record id), pages of
 * {@value #PAGE} rows loaded with keyset paging ("Load more"), and the selected row's details.
 */
public final class AuditLogViewModel {
    static final int PAGE = 100;

    private final Workspace ws;
    private final AuditTrail audit;
    private final UserAdminService users;
    private final Messages messages;
    private final AuditFormat format;

    private final ObjectProperty<UUID> userFilter = new SimpleObjectProperty<>();
    private final StringProperty tableFilter = new SimpleStringProperty();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final StringProperty recordId = new SimpleStringProperty("");
    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<AuditEntry> selected = new SimpleObjectProperty<>();
    private final BooleanProperty hasMore = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final ObservableList<UUID> userChoices = FXCollections.observableArrayList();
    private final ObservableList<String> tableChoices = FXCollections.observableArrayList();
    private final Map<UUID, String> userNames = new LinkedHashMap<>();
    /** Results of an older search that arrive late are dropped (no cancel: interrupting a JDBC call can harm H2). */
    private long generation;

    public AuditLogViewModel(Workspace ws, AuditTrail audit, UserAdminService users) {
        this.ws = ws;
        this.audit = audit;
        this.users = users;
        this.messages = ws.messages();
        this.format = new AuditFormat(messages, ws.zone());
    }

    public ObjectProperty<UUID> userFilterProperty() { return userFilter; }
    public StringProperty tableFilterProperty() { return tableFilter; }
    public ObjectProperty<LocalDate> fromProperty() { return from; }
    public ObjectProperty<LocalDate> toProperty() { return to; }
    public StringProperty recordIdProperty() { return recordId; }
    public ObservableList<AuditEntry> entries() { return entries; }
    public ObjectProperty<AuditEntry> selectedProperty() { return selected; }
    public BooleanProperty hasMoreProperty() { return hasMore; }
    public BooleanProperty busyProperty() { return busy; }
    public StringProperty errorProperty() { return error; }
    public StringProperty summaryProperty() { return summary; }
    public ObservableList<UUID> userChoices() { return userChoices; }
    public ObservableList<String> tableChoices() { return tableChoices; }
    public AuditFormat format() { return format; }
    public Messages messages() { return messages; }

    public String userName(UUID id) {
        return id == null ? messages.get("audit.filter.allUsers") : userNames.getOrDefault(id, id.toString());
    }

    /** A stored value for the changes table: a colleague's id reads as their name. */
    public String displayValue(String value) {
        if (value != null && value.length() == 36) {
            try {
                String name = userNames.get(UUID.fromString(value));
                if (name != null) {
                    return name;
                }
            } catch (IllegalArgumentException notAnId) {
                // shown as it is
            }
        }
        return value;
    }

    public String tableName(String table) {
        return table == null ? messages.get("audit.filter.allEntities") : format.entity(table);
    }

    /** Loads the filter choices (members and the tables that occur in the log), then the first page. */
    public void load() {
        BackgroundTask.of(messages.get("audit.loading"), p -> new Choices(users.colleagues(ws.user()), audit.tableNames(ws.user())))
                .onSuccess(c -> {
                    userNames.clear();
                    userNames.putAll(c.users());
                    UUID keepUser = userFilter.get();
                    userChoices.setAll(new java.util.ArrayList<UUID>(java.util.Collections.singletonList(null)));
                    userChoices.addAll(c.users().keySet());
                    userFilter.set(keepUser);
                    String keepTable = tableFilter.get();
                    tableChoices.setAll(new java.util.ArrayList<String>(java.util.Collections.singletonList(null)));
                    tableChoices.addAll(c.tables());
                    tableFilter.set(keepTable);
                })
                .onFailure(e -> error.set(e.getMessage()))
                .runOn(ws.tasks());
        search();
    }

    private record Choices(Map<UUID, String> users, List<String> tables) {}

    /** Runs the filters from the first page (a slower earlier search that finishes later is ignored). */
    public void search() {
        AuditQuery q;
        try {
            q = query(null);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        fetch(q, true);
    }

    public void loadMore() {
        if (entries.isEmpty() || busy.get()) {
            return;
        }
        fetch(query(entries.getLast()), false);
    }

    public void clearFilters() {
        userFilter.set(null);
        tableFilter.set(null);
        from.set(null);
        to.set(null);
        recordId.set("");
        search();
    }

    private AuditQuery query(AuditEntry before) {
        UUID record = null;
        String text = recordId.get() == null ? "" : recordId.get().strip();
        if (!text.isEmpty()) {
            try {
                record = UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(messages.get("audit.filter.badRecordId"));
            }
        }
        OffsetDateTime start = from.get() == null ? null
                : from.get().atStartOfDay(ws.zone()).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime end = to.get() == null ? null
                : to.get().plusDays(1).atStartOfDay(ws.zone()).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        return new AuditQuery(userFilter.get(), tableFilter.get(), record, start, end, before, PAGE);
    }

    private void fetch(AuditQuery q, boolean first) {
        long gen = ++generation;
        busy.set(true);
        error.set("");
        BackgroundTask.of(messages.get("audit.loading"), p -> audit.search(ws.user(), q))
                .onSuccess(page -> {
                    if (gen != generation) {
                        return;
                    }
                    if (first) {
                        entries.setAll(page);
                        selected.set(page.isEmpty() ? null : page.getFirst());
                    } else {
                        entries.addAll(page);
                    }
                    hasMore.set(page.size() == PAGE);
                    summary.set(messages.get(hasMore.get() ? "audit.count.more" : "audit.count", entries.size()));
                })
                .onFailure(e -> {
                    if (gen == generation) {
                        error.set(e.getMessage());
                    }
                })
                .onFinally(() -> {
                    if (gen == generation) {
                        busy.set(false);
                    }
                })
                .runOn(ws.tasks());
    }
}
