package org.deskcrm.pipeline.ui;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.deskcrm.deal.DealCard;
import org.deskcrm.deal.DealStatus;
import org.deskcrm.deal.ListSort;
import org.deskcrm.deal.Options;
import org.deskcrm.pipeline.Pipeline;
import org.deskcrm.pipeline.PipelineStage;
import org.deskcrm.ui.fx.View;
import org.deskcrm.ui.fx.ViewLoader;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.shell.RecordOpener;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The pipeline screen: a pipeline picker, Board / List / Forecast, the filters, and the deal page
 * on top when a deal is open. Opens "deal" records and "new-deal" (the id is a company's).
 */
public final class PipelineView implements View, RecordOpener {
    private static final List<Integer> STALE_CHOICES = List.of(3, 7, 14, 21, 30, 45, 60, 90);

    private final PipelineViewModel vm;
    private final ForecastViewModel forecastVm;
    private final DealDetailView detailView;
    private final Function<UUID, StageAdminViewModel> stageAdmin;
    private final Messages messages;
    private final Formats formats;
    private final Parent root;
    private BoardView board;
    private ForecastView forecast;
    private final TableView<DealCard> table = new TableView<>();
    private final ObservableList<Options.Person> ownerItems = FXCollections.observableArrayList();
    private final ObservableList<Options.Tag> tagItems = FXCollections.observableArrayList();

    @FXML private BorderPane main;
    @FXML private ComboBox<Pipeline> pipelineChoice;
    @FXML private ToggleButton boardToggle;
    @FXML private ToggleButton listToggle;
    @FXML private ToggleButton forecastToggle;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label staleLabel;
    @FXML private ComboBox<Integer> staleChoice;
    @FXML private Button helpButton;
    @FXML private Button stagesButton;
    @FXML private Button newDealButton;
    @FXML private javafx.scene.layout.FlowPane filterBar;
    @FXML private Label filterIcon;
    @FXML private TextField nameFilterField;
    @FXML private ComboBox<Options.Person> ownerFilterChoice;
    @FXML private ComboBox<Options.Tag> tagFilterChoice;
    @FXML private DatePicker closeFromField;
    @FXML private DatePicker closeToField;
    @FXML private TextField minValueField;
    @FXML private TextField maxValueField;
    @FXML private ComboBox<DealStatus> statusFilterChoice;
    @FXML private ComboBox<ListSort> sortChoice;
    @FXML private Button clearFiltersButton;
    @FXML private HBox messageBar;
    @FXML private Label messageLabel;
    @FXML private Button dismissButton;
    @FXML private StackPane modeHost;
    @FXML private StackPane detailHost;

    public PipelineView(PipelineViewModel vm, ForecastViewModel forecastVm, DealDetailView detailView,
            Function<UUID, StageAdminViewModel> stageAdmin, ViewLoader loader, Formats formats) {
        this.vm = vm;
        this.forecastVm = forecastVm;
        this.detailView = detailView;
        this.stageAdmin = stageAdmin;
        this.messages = loader.messages();
        this.formats = formats;
        this.root = loader.load(this);
    }

    @FXML
    private void initialize() {
        board = new BoardView(vm, formats, messages);
        forecast = new ForecastView(forecastVm, messages, formats);
        buildTable();

        pipelineChoice.setItems(vm.pipelines());
        pipelineChoice.setConverter(converter(p -> p == null ? "" : p.name()));
        pipelineChoice.valueProperty().bindBidirectional(vm.pipelineProperty());

        var modes = new ToggleGroup();
        boardToggle.setToggleGroup(modes);
        listToggle.setToggleGroup(modes);
        forecastToggle.setToggleGroup(modes);
        boardToggle.setGraphic(new FontIcon(Material2OutlinedMZ.VIEW_WEEK));
        listToggle.setGraphic(new FontIcon(Material2OutlinedMZ.VIEW_LIST));
        forecastToggle.setGraphic(new FontIcon(Material2OutlinedMZ.TRENDING_UP));
        forecastToggle.setVisible(vm.canViewForecast());
        forecastToggle.setManaged(vm.canViewForecast());
        boardToggle.setOnAction(e -> vm.modeProperty().set(PipelineViewModel.Mode.BOARD));
        listToggle.setOnAction(e -> vm.modeProperty().set(PipelineViewModel.Mode.LIST));
        forecastToggle.setOnAction(e -> vm.modeProperty().set(PipelineViewModel.Mode.FORECAST));
        vm.modeProperty().subscribe(this::showMode);

        busyIndicator.visibleProperty().bind(vm.loadingProperty());
        staleChoice.getItems().setAll(STALE_CHOICES);
        staleChoice.setConverter(converter(d -> d == null ? "" : messages.get("pipeline.stale.days", d)));
        staleChoice.setTooltip(new Tooltip(messages.get("pipeline.stale.tip")));
        vm.staleDaysProperty().subscribe(d -> {
            if (!STALE_CHOICES.contains(d.intValue())) {
                staleChoice.getItems().add(d.intValue());
            }
            staleChoice.setValue(d.intValue());
            board.refreshCards();
        });
        staleChoice.setOnAction(e -> {
            if (staleChoice.getValue() != null) {
                vm.setStaleDays(staleChoice.getValue());
            }
        });
        helpButton.setGraphic(new FontIcon(Material2OutlinedAL.KEYBOARD));
        var help = new Tooltip(messages.get("pipeline.keys.full"));
        help.setShowDelay(Duration.millis(150));
        help.setShowDuration(Duration.seconds(30));
        helpButton.setTooltip(help);
        helpButton.setOnAction(e -> vm.showInfo(messages.get("pipeline.keys.full").replace('\n', ' ')));
        stagesButton.setGraphic(new FontIcon(Material2OutlinedMZ.TUNE));
        stagesButton.setVisible(vm.canManageStages());
        stagesButton.setManaged(vm.canManageStages());
        stagesButton.setOnAction(e -> openStageAdmin());
        newDealButton.setGraphic(new FontIcon(Material2OutlinedAL.ADD));
        newDealButton.setVisible(vm.canCreate());
        newDealButton.setManaged(vm.canCreate());
        newDealButton.setOnAction(e -> vm.newDeal(null, null));

        // Filters
        filterIcon.setGraphic(new FontIcon(Material2OutlinedAL.FILTER_LIST));
        nameFilterField.textProperty().bindBidirectional(vm.nameFilterProperty());
        nameFilterField.setOnAction(e -> vm.applyFilters());
        ownerItems.add(null);
        // One setAll with the "any" entry first, so the selected index keeps pointing at "any".
        vm.members().addListener((ListChangeListener<Options.Person>) c -> ownerItems.setAll(withAny(vm.members())));
        ownerFilterChoice.setItems(ownerItems);
        ownerFilterChoice.setConverter(converter(p -> p == null ? messages.get("pipeline.filter.anyOwner") : p.name()));
        ownerFilterChoice.setButtonCell(nullCell(messages.get("pipeline.filter.anyOwner"), Options.Person::name));
        ownerFilterChoice.valueProperty().bindBidirectional(vm.ownerFilterProperty());
        tagItems.add(null);
        vm.tagOptions().addListener((ListChangeListener<Options.Tag>) c -> tagItems.setAll(withAny(vm.tagOptions())));
        tagFilterChoice.setItems(tagItems);
        tagFilterChoice.setConverter(converter(t -> t == null ? messages.get("pipeline.filter.anyTag") : t.name()));
        tagFilterChoice.setButtonCell(nullCell(messages.get("pipeline.filter.anyTag"), Options.Tag::name));
        tagFilterChoice.valueProperty().bindBidirectional(vm.tagFilterProperty());
        closeFromField.valueProperty().bindBidirectional(vm.closeFromProperty());
        closeToField.valueProperty().bindBidirectional(vm.closeToProperty());
        minValueField.textProperty().bindBidirectional(vm.minValueProperty());
        maxValueField.textProperty().bindBidirectional(vm.maxValueProperty());
        for (TextField f : new TextField[] {minValueField, maxValueField, nameFilterField}) {
            f.setOnAction(e -> vm.applyFilters());
            f.focusedProperty().addListener((o, a, focused) -> {
                if (!focused) {
                    vm.applyFilters();
                }
            });
        }
        statusFilterChoice.getItems().add(null);
        statusFilterChoice.getItems().addAll(DealStatus.values());
        statusFilterChoice.setConverter(converter(s -> s == null ? messages.get("pipeline.filter.anyStatus")
                : messages.get("deal.status." + s.dbName())));
        statusFilterChoice.setButtonCell(nullCell(messages.get("pipeline.filter.anyStatus"), s -> messages.get("deal.status." + s.dbName())));
        statusFilterChoice.valueProperty().bindBidirectional(vm.statusFilterProperty());
        sortChoice.getItems().setAll(ListSort.values());
        sortChoice.setConverter(converter(s -> s == null ? "" : messages.get("pipeline.sort." + s.name().toLowerCase(java.util.Locale.ROOT))));
        sortChoice.valueProperty().bindBidirectional(vm.listSortProperty());
        clearFiltersButton.setGraphic(new FontIcon(Material2OutlinedAL.CLOSE));
        clearFiltersButton.setTooltip(new Tooltip(messages.get("pipeline.filter.clear")));
        clearFiltersButton.setOnAction(e -> vm.clearFilters());

        messageLabel.textProperty().bind(vm.messageProperty());
        messageBar.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        messageBar.managedProperty().bind(messageBar.visibleProperty());
        vm.messageIsErrorProperty().subscribe(error -> {
            messageBar.getStyleClass().removeAll("message-error", "message-info");
            messageBar.getStyleClass().add(error ? "message-error" : "message-info");
        });
        dismissButton.setGraphic(new FontIcon(Material2OutlinedAL.CLOSE));
        dismissButton.setOnAction(e -> vm.dismissMessage());

        vm.boardVersionProperty().addListener((o, a, b) -> board.rebuild());
        vm.pipelineProperty().addListener((o, a, p) -> {
            if (vm.modeProperty().get() == PipelineViewModel.Mode.FORECAST && p != null) {
                forecastVm.show(p.id());
            }
        });
        vm.setReasonPrompt(request -> ReasonDialog.ask(root.getScene() == null ? null : root.getScene().getWindow(), messages,
                request.card().name(), request.stage().name(), request.stage().won()));

        // The deal page covers the screen while open.
        detailHost.getChildren().setAll(detailView.root());
        detailHost.setVisible(false);
        vm.detailProperty().subscribe(request -> {
            boolean open = request != null;
            detailHost.setVisible(open);
            main.setVisible(!open);
            if (open) {
                detailView.open(request);
            }
        });
    }

    private void showMode(PipelineViewModel.Mode mode) {
        boardToggle.setSelected(mode == PipelineViewModel.Mode.BOARD);
        listToggle.setSelected(mode == PipelineViewModel.Mode.LIST);
        forecastToggle.setSelected(mode == PipelineViewModel.Mode.FORECAST);
        boolean forecasting = mode == PipelineViewModel.Mode.FORECAST;
        filterBar.setVisible(!forecasting);
        filterBar.setManaged(!forecasting);
        boolean list = mode == PipelineViewModel.Mode.LIST;
        statusFilterChoice.setVisible(list);
        statusFilterChoice.setManaged(list);
        sortChoice.setVisible(list);
        sortChoice.setManaged(list);
        staleLabel.setVisible(mode == PipelineViewModel.Mode.BOARD);
        staleLabel.setManaged(staleLabel.isVisible());
        staleChoice.setVisible(staleLabel.isVisible());
        staleChoice.setManaged(staleLabel.isVisible());
        switch (mode) {
            case BOARD -> modeHost.getChildren().setAll(board.root());
            case LIST -> modeHost.getChildren().setAll(table);
            case FORECAST -> {
                modeHost.getChildren().setAll(forecast.root());
                if (vm.pipelineProperty().get() != null) {
                    forecastVm.show(vm.pipelineProperty().get().id());
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    private void buildTable() {
        table.setId("pipeline-list");
        table.setItems(vm.listRows());
        table.setFixedCellSize(34);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(messages.get("pipeline.list.empty")));
        table.getColumns().setAll(List.of(
                column("pipeline.list.name", 220, DealCard::name),
                column("pipeline.list.company", 170, c -> c.companyName() == null ? "" : c.companyName()),
                column("pipeline.list.stage", 120, c -> vm.stageOf(c.stageId()).map(PipelineStage::name).orElse("")),
                right(column("pipeline.list.value", 120, c -> formats.money(c.value(), c.currency()))),
                right(column("pipeline.list.probability", 70, c -> c.probability() + "%")),
                right(column("pipeline.list.weighted", 120, c -> formats.money(c.expectedRevenue(), c.currency()))),
                column("pipeline.list.close", 110, c -> formats.date(c.expectedCloseDate())),
                column("pipeline.list.owner", 140, c -> c.ownerName() == null ? "" : c.ownerName()),
                column("pipeline.list.status", 90, c -> messages.get("deal.status." + c.status().dbName()))));
        table.setRowFactory(tv -> {
            var row = new TableRow<DealCard>() {
                @Override
                protected void updateItem(DealCard item, boolean empty) {
                    super.updateItem(item, empty);
                    getStyleClass().removeAll("overdue-row", "stale-row");
                    if (!empty && item != null) {
                        if (item.overdue(vm.today())) {
                            getStyleClass().add("overdue-row");
                        } else if (vm.isStale(item)) {
                            getStyleClass().add("stale-row");
                        }
                        if (getIndex() == getTableView().getItems().size() - 1) {
                            vm.loadMoreList();
                        }
                    }
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    vm.openDeal(row.getItem().id());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                vm.openDeal(table.getSelectionModel().getSelectedItem().id());
            }
        });
        // Sorting is by the "Sort by" choice (server side, keyset paged), not by the headers.
        table.getColumns().forEach(c -> c.setSortable(false));
    }

    private TableColumn<DealCard, String> column(String key, double width, Function<DealCard, String> value) {
        var c = new TableColumn<DealCard, String>(messages.get(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    private static TableColumn<DealCard, String> right(TableColumn<DealCard, String> c) {
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    private void openStageAdmin() {
        UUID current = vm.pipelineProperty().get() == null ? null : vm.pipelineProperty().get().id();
        StageAdminViewModel admin = stageAdmin.apply(current);
        StageAdminDialog.show(root.getScene() == null ? null : root.getScene().getWindow(), admin, messages, current);
        if (admin.changed()) {
            vm.refreshPipelines();
        }
    }

    private static <T> StringConverter<T> converter(Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return f.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private static <T> List<T> withAny(List<T> items) {
        var all = new java.util.ArrayList<T>(items.size() + 1);
        all.add(null);
        all.addAll(items);
        return all;
    }

    private static <T> ListCell<T> nullCell(String whenNull, Function<T, String> f) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? whenNull : f.apply(item));
            }
        };
    }

    /** Back from the deal page to the board (reloading when the deal changed). */
    void closeDetail(boolean changed) {
        vm.closeDetail(changed);
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void onActivate() {
        board.bind();
        vm.activate();
    }

    @Override
    public void onDeactivate() {
        board.unbind();
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of("deal", "new-deal");
    }

    @Override
    public void open(String entityType, UUID id) {
        if ("new-deal".equals(entityType)) {
            vm.newDeal(null, id);
        } else {
            vm.openDeal(id);
        }
    }
}
