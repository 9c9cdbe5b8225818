package org.deskcrm.audit.ui;

import java.util.List;
import java.util.UUID;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.deskcrm.audit.AuditEntry;
import org.deskcrm.audit.AuditTrail;
import org.deskcrm.ui.fx.View;
import org.deskcrm.ui.shell.Workspace;
import org.deskcrm.ui.task.BackgroundTask;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/**
 * A record's history for its detail view: who changed what and when, newest first, with the
 * before and after values of each change. Any feature embeds it:
 *
 * <pre>{@code
 * var history = new RecordHistoryPanel(workspace, context.auditTrail);
 * detailBox.getChildren().add(history.root());
 * history.show("companies", company.id());   // when the shown record changes
 * }</pre>
 *
 * Loading runs in the background; the user sees the history only of records their record rule
 * lets them see (admins with audit_log:read: any). Call {@link #onActivate()}/{@link
 * #onDeactivate()} with the host view.
 */
public final class RecordHistoryPanel implements View {
    static final int PAGE = 50;

    private final Workspace ws;
    private final AuditTrail audit;
    private final AuditFormat format;
    private final VBox root = new VBox(6);
    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final ListView<AuditEntry> list = new ListView<>(entries);
    private final Label empty = new Label();
    private final Button more = new Button();
    private String table;
    private UUID recordId;
    private java.util.function.BiFunction<String, String, String> values = (field, value) -> value;
    private boolean active;
    /** Late results for a record no longer shown are dropped (no cancel: interrupting JDBC can harm H2). */
    private long generation;

    public RecordHistoryPanel(Workspace ws, AuditTrail audit) {
        this.ws = ws;
        this.audit = audit;
        this.format = new AuditFormat(ws.messages(), ws.zone());
        var title = new Label(ws.messages().get("history.title"), new FontIcon(Material2OutlinedAL.HISTORY));
        title.getStyleClass().add("card-title");
        empty.getStyleClass().add("muted");
        empty.setWrapText(true);
        more.setText(ws.messages().get("audit.loadMore"));
        more.getStyleClass().add("flat");
        more.setId("history-more");
        more.setOnAction(e -> load(false));
        list.setId("record-history");
        list.getStyleClass().add("history-list");
        list.setPrefHeight(320);
        list.setCellFactory(lv -> new EntryCell());
        list.setPlaceholder(empty);
        VBox.setVgrow(list, Priority.ALWAYS);
        root.getStyleClass().add("record-history");
        root.getChildren().addAll(title, list, more);
        showMore(false);
    }

    /** Shows the history of one record (table name as in the audit log, e.g. "companies"). */
    public void show(String tableName, UUID id) {
        this.table = tableName;
        this.recordId = id;
        entries.clear();
        if (active) {
            load(true);
        }
    }

    /**
     * How a stored value reads, by column: e.g. turn an owner_id into the owner's name. By default
     * values are shown as stored.
     */
    public void setValueFormatter(java.util.function.BiFunction<String, String, String> formatter) {
        this.values = formatter;
        list.refresh();
    }

    /** Shows nothing (no record selected). */
    public void clear() {
        this.table = null;
        this.recordId = null;
        generation++;
        entries.clear();
        empty.setText("");
        showMore(false);
    }

    /** The entries shown (for tests and hosts that want a count). */
    public List<AuditEntry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void onActivate() {
        active = true;
        if (table != null && entries.isEmpty()) {
            load(true);
        }
    }

    @Override
    public void onDeactivate() {
        active = false;
        generation++;
    }

    private void load(boolean first) {
        long gen = ++generation;
        String t = table;
        UUID id = recordId;
        AuditEntry before = first || entries.isEmpty() ? null : entries.getLast();
        empty.setText(ws.messages().get("common.loading"));
        BackgroundTask.of(ws.messages().get("history.loading"), p -> audit.history(ws.user(), t, id, before, PAGE))
                .onSuccess(page -> {
                    if (gen != generation) {
                        return; // another record was selected meanwhile
                    }
                    if (first) {
                        entries.setAll(page);
                    } else {
                        entries.addAll(page);
                    }
                    empty.setText(ws.messages().get("history.empty"));
                    showMore(page.size() == PAGE);
                })
                .onFailure(e -> {
                    if (gen == generation) {
                        empty.setText(e.getMessage());
                    }
                })
                .runOn(ws.tasks());
    }

    private void showMore(boolean show) {
        more.setVisible(show);
        more.setManaged(show);
    }

    private final class EntryCell extends ListCell<AuditEntry> {
        @Override
        protected void updateItem(AuditEntry e, boolean isEmpty) {
            super.updateItem(e, isEmpty);
            if (isEmpty || e == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            var head = new Label(format.summary(e));
            head.getStyleClass().add("history-summary");
            head.setWrapText(true);
            var when = new Label(format.relative(e.at(), ws.clock().instant()));
            when.getStyleClass().add("muted");
            var box = new VBox(2, head, when);
            var changes = new GridPane();
            changes.setHgap(8);
            changes.setVgap(1);
            changes.getStyleClass().add("history-changes");
            int row = 0;
            for (AuditEntry.Change c : e.changes()) {
                var field = new Label(format.field(c.field()));
                field.getStyleClass().add("muted");
                field.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                var old = new Label(values.apply(c.field(), c.before()));
                old.getStyleClass().add("history-old");
                var now = new Label(values.apply(c.field(), c.after()));
                now.getStyleClass().add("history-new");
                old.setWrapText(true);
                now.setWrapText(true);
                var value = c.before().isEmpty() ? new HBox(now) : new HBox(6, old, new Label("→"), now);
                value.setAlignment(Pos.BASELINE_LEFT);
                changes.addRow(row++, field, value);
                if (row >= 8) {
                    break;
                }
            }
            if (row > 0) {
                box.getChildren().add(changes);
            }
            box.maxWidthProperty().bind(getListView().widthProperty().subtract(28));
            box.prefWidthProperty().bind(box.maxWidthProperty());
            setText(null);
            setGraphic(box);
        }
    }
}
