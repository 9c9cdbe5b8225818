package org.deskcrm.audit.ui;

import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.deskcrm.audit.AuditEntry;
import org.deskcrm.ui.fx.View;
import org.deskcrm.ui.fx.ViewLoader;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** Settings > Audit log: filters, the log (newest first, "Load more") and the selected row's old/new values. */
public final class AuditLogView implements View {
    private final AuditLogViewModel viewModel;
    private final Parent root;
    private Subscription subscriptions = Subscription.EMPTY;

    @FXML private ComboBox<UUID> userBox;
    @FXML private ComboBox<String> entityBox;
    @FXML private DatePicker fromPicker;
    @FXML private DatePicker toPicker;
    @FXML private TextField recordField;
    @FXML private Button searchButton;
    @FXML private Button clearButton;
    @FXML private Label errorLabel;
    @FXML private Label summaryLabel;
    @FXML private TableView<AuditEntry> table;
    @FXML private TableColumn<AuditEntry, String> whenColumn;
    @FXML private TableColumn<AuditEntry, String> userColumn;
    @FXML private TableColumn<AuditEntry, String> entityColumn;
    @FXML private TableColumn<AuditEntry, String> actionColumn;
    @FXML private TableColumn<AuditEntry, String> recordColumn;
    @FXML private TableColumn<AuditEntry, String> fieldsColumn;
    @FXML private Button moreButton;
    @FXML private VBox detail;
    @FXML private Label detailTitle;
    @FXML private Label detailMeta;
    @FXML private TableView<AuditEntry.Change> changesTable;
    @FXML private TableColumn<AuditEntry.Change, String> fieldColumn;
    @FXML private TableColumn<AuditEntry.Change, String> beforeColumn;
    @FXML private TableColumn<AuditEntry.Change, String> afterColumn;
    @FXML private Label oldValuesLabel;
    @FXML private TextArea oldValues;
    @FXML private Label newValuesLabel;
    @FXML private TextArea newValues;

    public AuditLogView(AuditLogViewModel viewModel, ViewLoader loader) {
        this.viewModel = viewModel;
        this.root = loader.load(this);
    }

    @FXML
    private void initialize() {
        var format = viewModel.format();
        userBox.setItems(viewModel.userChoices());
        userBox.setCellFactory(lv -> cell(viewModel::userName));
        userBox.setButtonCell(cell(viewModel::userName));
        entityBox.setItems(viewModel.tableChoices());
        entityBox.setCellFactory(lv -> cell(viewModel::tableName));
        entityBox.setButtonCell(cell(viewModel::tableName));
        table.setItems(viewModel.entries());
        table.setPlaceholder(new Label(viewModel.messages().get("audit.empty")));
        whenColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(format.shortTime(c.getValue().at())));
        userColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(format.user(c.getValue())));
        entityColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(format.entity(c.getValue().tableName())));
        actionColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(format.action(c.getValue().action())));
        recordColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                c.getValue().recordId() == null ? "" : c.getValue().recordId().toString()));
        fieldsColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.join(", ",
                c.getValue().changedFields().stream().map(format::field).toList())));
        fieldColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(format.field(c.getValue().field())));
        beforeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(viewModel.displayValue(c.getValue().before())));
        afterColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(viewModel.displayValue(c.getValue().after())));
        changesTable.setPlaceholder(new Label(viewModel.messages().get("audit.noChanges")));
        searchButton.setGraphic(new FontIcon(Material2OutlinedAL.FILTER_LIST));
        clearButton.setGraphic(new FontIcon(Material2OutlinedMZ.REFRESH));
        searchButton.setOnAction(e -> viewModel.search());
        recordField.setOnAction(e -> viewModel.search());
        clearButton.setOnAction(e -> viewModel.clearFilters());
        moreButton.setOnAction(e -> viewModel.loadMore());
        // Picking a filter applies it at once; typing a record id waits for Enter or the button.
        userBox.setOnAction(e -> viewModel.search());
        entityBox.setOnAction(e -> viewModel.search());
        fromPicker.setOnAction(e -> viewModel.search());
        toPicker.setOnAction(e -> viewModel.search());
    }

    private static <T> ListCell<T> cell(java.util.function.Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : text.apply(item));
            }
        };
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void onActivate() {
        userBox.valueProperty().bindBidirectional(viewModel.userFilterProperty());
        entityBox.valueProperty().bindBidirectional(viewModel.tableFilterProperty());
        fromPicker.valueProperty().bindBidirectional(viewModel.fromProperty());
        toPicker.valueProperty().bindBidirectional(viewModel.toProperty());
        recordField.textProperty().bindBidirectional(viewModel.recordIdProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(Bindings.isNotEmpty(viewModel.errorProperty()));
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        moreButton.visibleProperty().bind(viewModel.hasMoreProperty());
        moreButton.disableProperty().bind(viewModel.busyProperty());
        subscriptions = Subscription.combine(
                table.getSelectionModel().selectedItemProperty().subscribe(e -> {
                    if (e != null) {
                        viewModel.selectedProperty().set(e);
                    }
                }),
                viewModel.selectedProperty().subscribe(this::showDetail));
        viewModel.load();
    }

    @Override
    public void onDeactivate() {
        userBox.valueProperty().unbindBidirectional(viewModel.userFilterProperty());
        entityBox.valueProperty().unbindBidirectional(viewModel.tableFilterProperty());
        fromPicker.valueProperty().unbindBidirectional(viewModel.fromProperty());
        toPicker.valueProperty().unbindBidirectional(viewModel.toProperty());
        recordField.textProperty().unbindBidirectional(viewModel.recordIdProperty());
        errorLabel.textProperty().unbind();
        errorLabel.visibleProperty().unbind();
        errorLabel.managedProperty().unbind();
        summaryLabel.textProperty().unbind();
        moreButton.visibleProperty().unbind();
        moreButton.disableProperty().unbind();
        subscriptions.unsubscribe();
    }

    private void showDetail(AuditEntry e) {
        detail.setVisible(e != null);
        if (e == null) {
            changesTable.getItems().clear();
            return;
        }
        if (table.getSelectionModel().getSelectedItem() != e) {
            table.getSelectionModel().select(e);
        }
        var format = viewModel.format();
        detailTitle.setText(format.action(e.action()) + " · " + format.entity(e.tableName()));
        detailMeta.setText(viewModel.messages().get("audit.detail.meta", format.user(e), format.time(e.at()),
                e.recordId() == null ? "—" : e.recordId().toString()));
        changesTable.getItems().setAll(e.changes());
        oldValues.setText(e.oldValuesPretty());
        newValues.setText(e.newValuesPretty());
        for (var n : new javafx.scene.Node[] {oldValuesLabel, oldValues}) {
            n.setVisible(!e.oldValuesPretty().isEmpty());
            n.setManaged(n.isVisible());
        }
        for (var n : new javafx.scene.Node[] {newValuesLabel, newValues}) {
            n.setVisible(!e.newValuesPretty().isEmpty());
            n.setManaged(n.isVisible());
        }
    }
}
