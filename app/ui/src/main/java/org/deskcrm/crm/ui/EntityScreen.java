package org.deskcrm.crm.ui;

import java.util.Set;
import java.util.UUID;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;
import org.deskcrm.ui.fx.View;
import org.deskcrm.ui.shell.RecordOpener;

/**
 * One navigation entry (companies, contacts, leads): the list, and the record view that replaces
 * it when a record is opened; Back returns to the list where it was (same rows, same scroll), and
 * reloads it if a record changed meanwhile.
 */
public final class EntityScreen<R, T> implements View, RecordOpener {
    private final String entityType;
    private final StackPane root = new StackPane();
    private RecordListView<R> list;
    private RecordView<T> record;
    private View shown;
    private boolean active;
    private boolean listStale;

    public EntityScreen(String entityType) {
        this.entityType = entityType;
        root.getStyleClass().add("entity-screen");
        root.setId(entityType + "-screen");
    }

    public void attach(RecordListView<R> listView, RecordView<T> recordView) {
        this.list = listView;
        this.record = recordView;
        recordView.viewModel().recordProperty().addListener((o, a, b) -> {
            if (a != null && b != null) {
                listStale = true; // saved
            }
        });
        recordView.viewModel().deletedProperty().addListener((o, a, b) -> listStale |= b);
        show(list);
    }

    public RecordListView<R> list() {
        return list;
    }

    public RecordView<T> record() {
        return record;
    }

    public StackPane overlayHost() {
        return shown == record ? record.overlayHost() : (StackPane) list.root();
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of(entityType);
    }

    @Override
    public void open(String type, UUID id) {
        record.viewModel().open(id);
        show(record);
    }

    @Override
    public void onReselected() {
        showList();
    }

    public void showList() {
        show(list);
        if (listStale) {
            listStale = false;
            list.refresh();
        }
    }

    /** A record was created or changed from elsewhere: reload the list when it shows next. */
    public void markListStale() {
        listStale = true;
    }

    private void show(View v) {
        if (shown == v) {
            return;
        }
        if (shown != null && active) {
            shown.onDeactivate();
        }
        shown = v;
        root.getChildren().setAll(v.root());
        if (active) {
            v.onActivate();
        }
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void onActivate() {
        active = true;
        if (shown != null) {
            shown.onActivate();
        }
    }

    @Override
    public void onDeactivate() {
        active = false;
        if (shown != null) {
            shown.onDeactivate();
        }
    }
}
