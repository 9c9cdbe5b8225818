package org.deskcrm.crm.ui;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.deskcrm.crm.BulkAction;
import org.deskcrm.crm.OwnerFilter;
import org.deskcrm.crm.Recency;
import org.deskcrm.crm.RecordFilter;
import org.deskcrm.crm.SortOrder;
import org.deskcrm.savedview.SavedView;
import org.deskcrm.tag.Tag;
import org.deskcrm.ui.fx.View;
import org.deskcrm.ui.fx.ViewLoader;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.task.BackgroundTask;
import org.deskcrm.ui.task.TaskRunner;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The list of a company, contact or lead screen: search as you type (debounced, highlighted),
 * filter menus, saved views, sortable and choosable columns, a table fed page by page as the user
 * scrolls (fixed row height, so only visible rows exist), multi-select with bulk actions.
 */
public final class RecordListView<R> implements View {
    private static final double ROW_HEIGHT = 40;

    private final ListSpec<R> spec;
    private final ListViewModel<R> vm;
    private final Messages messages;
    private final Formats formats;
    private final TaskRunner tasks;
    private final Consumer<UUID> open;
    private final Runnable create;
    private final Runnable manageFields;
    private final Supplier<List<Option>> industrySource;
    private final Parent root;
    private final List<Runnable> unbind = new ArrayList<>();
    private List<Option> industries = List.of();
    private boolean syncingSort;
    private boolean started;

    private MenuItem mergeItem;

    @FXML private TextField searchField;
    @FXML private MenuButton viewsMenu;
    @FXML private Label countLabel;
    @FXML private MenuButton columnsMenu;
    @FXML private MenuButton bulkMenu;
    @FXML private Button fieldsButton;
    @FXML private Button newButton;
    @FXML private HBox filterBar;
    @FXML private HBox selectionBar;
    @FXML private Label selectionLabel;
    @FXML private Hyperlink selectAllLink;
    @FXML private Hyperlink clearSelectionLink;
    @FXML private HBox messageBar;
    @FXML private Label messageLabel;
    @FXML private Button messageClose;
    @FXML private TableView<R> table;

    /**
     * @param open opens a record (double click, Enter)
     * @param create starts a new record, or null when the user may not create
     * @param manageFields opens the custom fields editor, or null when the user may not manage them
     * @param industrySource industries for the filter (background), or null
     */
    public RecordListView(ListSpec<R> spec, ListViewModel<R> vm, ViewLoader loader, Formats formats, TaskRunner tasks,
            Consumer<UUID> open, Runnable create, Runnable manageFields, Supplier<List<Option>> industrySource) {
        this.spec = spec;
        this.vm = vm;
        this.messages = loader.messages();
        this.formats = formats;
        this.tasks = tasks;
        this.open = open;
        this.create = create;
        this.manageFields = manageFields;
        this.industrySource = industrySource;
        this.root = loader.load(this);
    }

    @FXML
    private void initialize() {
        String e = spec.entity();
        searchField.setId(e + "-search");
        searchField.setPromptText(messages.get("crm.search.prompt." + e));
        viewsMenu.setId(e + "-views");
        countLabel.setId(e + "-count");
        columnsMenu.setId(e + "-columns");
        bulkMenu.setId(e + "-bulk");
        fieldsButton.setId(e + "-custom-fields");
        newButton.setId(e + "-new");
        table.setId(e + "-table");
        selectAllLink.setId(e + "-select-all");
        messageLabel.setId(e + "-message");

        newButton.setText(messages.get("crm.new." + spec.entityType()));
        newButton.setGraphic(new FontIcon(Material2AL.ADD));
        newButton.setVisible(create != null);
        newButton.setManaged(create != null);
        newButton.setOnAction(ev -> create.run());
        fieldsButton.setGraphic(new FontIcon(Material2MZ.TUNE));
        fieldsButton.setVisible(manageFields != null);
        fieldsButton.setManaged(manageFields != null);
        fieldsButton.setOnAction(ev -> manageFields.run());
        columnsMenu.setGraphic(new FontIcon(Material2MZ.VIEW_COLUMN));
        columnsMenu.setTooltip(new javafx.scene.control.Tooltip(messages.get("crm.columns")));
        columnsMenu.setText(null);
        fieldsButton.setTooltip(new javafx.scene.control.Tooltip(messages.get("crm.customFields")));
        fieldsButton.setText(null);
        for (var n : List.of(viewsMenu, countLabel, columnsMenu, bulkMenu, fieldsButton, newButton)) {
            n.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        javafx.scene.layout.HBox.setHgrow(searchField, javafx.scene.layout.Priority.SOMETIMES);
        searchField.setMaxWidth(440);
        searchField.setMinWidth(220);
        bulkMenu.setGraphic(new FontIcon(Material2AL.FACT_CHECK));
        viewsMenu.setGraphic(new FontIcon(Material2AL.BOOKMARK_BORDER));

        // Search as you type, at once: each query is an index range that answers in milliseconds, and a new
        // query cancels the one in flight and drops its late answer (PagedRows), so no debounce delay.
        searchField.textProperty().addListener((o, a, b) -> vm.setSearch(b));
        searchField.setOnAction(ev -> vm.setSearch(searchField.getText()));
        searchField.setOnKeyPressed(ev -> {
            if (ev.getCode() == KeyCode.DOWN && !table.getItems().isEmpty()) {
                table.requestFocus();
                table.getSelectionModel().clearAndSelect(0);
            } else if (ev.getCode() == KeyCode.ESCAPE) {
                searchField.clear();
            }
        });

        buildTable();
        buildColumnsMenu();
        buildBulkMenu();
        messageClose.setOnAction(ev -> vm.clearMessage());
        clearSelectionLink.setOnAction(ev -> {
            table.getSelectionModel().clearSelection();
            vm.allMatchingProperty().set(false);
        });
        selectAllLink.setOnAction(ev -> vm.allMatchingProperty().set(true));
    }

    private void buildTable() {
        table.setItems(vm.rows().rows());
        table.setFixedCellSize(ROW_HEIGHT);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setTableMenuButtonVisible(false);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        for (ColumnSpec<R> c : spec.columns()) {
            TableColumn<R, Object> col = new TableColumn<>(messages.get(c.titleKey()));
            col.setId("col-" + c.id());
            col.setPrefWidth(c.width());
            col.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(c.value().apply(cd.getValue())));
            String group = spec.pillGroups().get(c.id());
            col.setCellFactory(tc -> Cells.create(c, messages, formats, () -> vm.searchProperty().get(), group));
            col.setSortable(c.sortKey() != null);
            col.setReorderable(false);
            col.setUserData(c);
            table.getColumns().add(col);
        }
        table.setSortPolicy(t -> {
            if (!syncingSort) {
                if (table.getSortOrder().isEmpty()) {
                    vm.setSort(null);
                } else {
                    var col = table.getSortOrder().getFirst();
                    @SuppressWarnings("unchecked")
                    ColumnSpec<R> c = (ColumnSpec<R>) col.getUserData();
                    var s = new SortOrder(c.sortKey(), col.getSortType() == TableColumn.SortType.DESCENDING);
                    if (!s.equals(vm.sortProperty().get())) {
                        vm.setSort(s);
                    }
                }
            }
            return true;
        });
        table.setRowFactory(tv -> {
            TableRow<R> row = new TableRow<>() {
                @Override
                public void updateIndex(int i) {
                    super.updateIndex(i);
                    if (i >= 0 && i >= tv.getItems().size() - 25) {
                        vm.rows().ensureLoaded(i);
                    }
                }
            };
            row.setOnMouseClicked(ev -> {
                if (ev.getButton() == MouseButton.PRIMARY && ev.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(vm.rowId(row.getItem()));
                }
            });
            return row;
        });
        table.setOnKeyPressed(ev -> {
            R item = table.getSelectionModel().getSelectedItem();
            if (ev.getCode() == KeyCode.ENTER && item != null) {
                open.accept(vm.rowId(item));
            }
        });
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<R>) ch -> {
            List<UUID> ids = new ArrayList<>();
            for (R r : table.getSelectionModel().getSelectedItems()) {
                if (r != null) {
                    ids.add(vm.rowId(r));
                }
            }
            vm.selected().setAll(ids);
            if (ids.isEmpty()) {
                vm.allMatchingProperty().set(false);
            }
        });
        var placeholder = new Label();
        placeholder.getStyleClass().add("table-placeholder");
        placeholder.setId(spec.entity() + "-empty");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            if (!vm.rows().errorProperty().get().isBlank()) {
                return vm.rows().errorProperty().get();
            }
            if (vm.rows().loadingProperty().get()) {
                return messages.get("common.loading");
            }
            if (!vm.searchProperty().get().isBlank()) {
                return messages.get("crm.empty.search", vm.searchProperty().get());
            }
            if (!vm.filterProperty().get().isEmpty()) {
                return messages.get("crm.empty.filtered");
            }
            return messages.get("crm.empty." + spec.entity());
        }, vm.rows().loadingProperty(), vm.rows().errorProperty(), vm.searchProperty(), vm.filterProperty()));
        table.setPlaceholder(new StackPane(placeholder));
    }

    private void buildColumnsMenu() {
        for (ColumnSpec<R> c : spec.columns()) {
            var item = new CheckMenuItem(messages.get(c.titleKey()));
            item.setId("column-toggle-" + c.id());
            item.setSelected(vm.visibleColumns().contains(c.id()));
            item.selectedProperty().addListener((o, was, now) -> {
                if (now && !vm.visibleColumns().contains(c.id())) {
                    vm.visibleColumns().add(c.id());
                } else if (!now) {
                    if (vm.visibleColumns().size() > 1) {
                        vm.visibleColumns().remove(c.id());
                    } else {
                        item.setSelected(true);
                    }
                }
            });
            columnsMenu.getItems().add(item);
        }
    }

    private void buildBulkMenu() {
        var assign = new MenuItem(messages.get("crm.bulk.assignOwner"));
        assign.setId(spec.entity() + "-bulk-owner");
        assign.setOnAction(ev -> pickAndRun("crm.bulk.assignOwner", ownerChoices(false), v -> new BulkAction.AssignOwner((UUID) v)));
        var addTag = new MenuItem(messages.get("crm.bulk.addTag"));
        addTag.setId(spec.entity() + "-bulk-add-tag");
        addTag.setOnAction(ev -> pickAndRun("crm.bulk.addTag", tagChoices(), v -> new BulkAction.AddTag((UUID) v)));
        var removeTag = new MenuItem(messages.get("crm.bulk.removeTag"));
        removeTag.setId(spec.entity() + "-bulk-remove-tag");
        removeTag.setOnAction(ev -> pickAndRun("crm.bulk.removeTag", tagChoices(), v -> new BulkAction.RemoveTag((UUID) v)));
        var status = new MenuItem(messages.get("crm.bulk.status"));
        status.setId(spec.entity() + "-bulk-status");
        status.setOnAction(ev -> pickAndRun("crm.bulk.status", Option.of(messages, spec.statusGroup(), spec.statuses()),
                v -> new BulkAction.ChangeStatus((String) v)));
        var delete = new MenuItem(messages.get("crm.bulk.delete"));
        delete.setId(spec.entity() + "-bulk-delete");
        delete.getStyleClass().add("danger-item");
        delete.setOnAction(ev -> confirmDelete());
        assign.setDisable(!vm.canUpdate());
        addTag.setDisable(!vm.canUpdate());
        removeTag.setDisable(!vm.canUpdate());
        status.setDisable(!vm.canUpdate());
        delete.setDisable(!vm.canDelete());
        bulkMenu.getItems().setAll(assign, status, new SeparatorMenuItem(), addTag, removeTag, new SeparatorMenuItem(), delete);
        bulkMenu.setVisible(vm.canUpdate() || vm.canDelete());
        bulkMenu.setManaged(bulkMenu.isVisible());
    }

    /**
     * Adds "Merge…" to the bulk menu, enabled when exactly two records are selected; {@code merge}
     * gets their ids in selection order.
     */
    public void setMergeAction(Consumer<List<UUID>> merge) {
        mergeItem = new MenuItem(messages.get("crm.bulk.merge"), new FontIcon(Material2MZ.MERGE_TYPE));
        mergeItem.setId(spec.entity() + "-bulk-merge");
        mergeItem.setDisable(true);
        mergeItem.setOnAction(ev -> {
            if (vm.selected().size() == 2) {
                merge.accept(List.copyOf(vm.selected()));
            }
        });
        bulkMenu.getItems().addAll(0, List.of(mergeItem, new SeparatorMenuItem()));
    }

    // ---------------------------------------------------------------- activation

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void onActivate() {
        unbind.add(bindText(countLabel, vm.countTextProperty()));
        Runnable showMessage = () -> {
            String err = vm.errorProperty().get();
            String msg = vm.messageProperty().get();
            boolean isError = err != null && !err.isBlank();
            messageLabel.setText(isError ? err : msg);
            messageBar.getStyleClass().removeAll("message-error");
            if (isError) {
                messageBar.getStyleClass().add("message-error");
            }
            boolean show = isError || (msg != null && !msg.isBlank());
            messageBar.setVisible(show);
            messageBar.setManaged(show);
        };
        unbind.add(listen(vm.messageProperty(), showMessage));
        unbind.add(listen(vm.errorProperty(), showMessage));
        showMessage.run();
        Runnable showSelection = () -> {
            int n = vm.selected().size();
            boolean all = vm.allMatchingProperty().get();
            selectionBar.setVisible(n > 0);
            selectionBar.setManaged(n > 0);
            bulkMenu.setDisable(n == 0 || vm.busyProperty().get());
            if (mergeItem != null) {
                mergeItem.setDisable(n != 2 || all || !vm.canUpdate());
            }
            var count = vm.lastCount();
            if (all && count != null) {
                selectionLabel.setText(messages.get("crm.selection.all", vm.format(count)));
                selectAllLink.setVisible(false);
            } else {
                selectionLabel.setText(messages.get("crm.selection.some", n));
                boolean more = count != null && count.value() > n && n == table.getItems().size() || count != null && count.atLeast();
                selectAllLink.setVisible(more && n > 1);
                selectAllLink.setText(count == null ? "" : messages.get("crm.selection.selectAll", vm.format(count)));
            }
            selectAllLink.setManaged(selectAllLink.isVisible());
        };
        ListChangeListener<UUID> selListener = c -> showSelection.run();
        vm.selected().addListener(selListener);
        unbind.add(() -> vm.selected().removeListener(selListener));
        unbind.add(listen(vm.allMatchingProperty(), showSelection));
        unbind.add(listen(vm.busyProperty(), showSelection));
        showSelection.run();
        ListChangeListener<String> colListener = c -> applyColumns();
        vm.visibleColumns().addListener(colListener);
        unbind.add(() -> vm.visibleColumns().removeListener(colListener));
        applyColumns();
        ListChangeListener<SavedView> viewsListener = c -> buildViewsMenu();
        vm.savedViews().addListener(viewsListener);
        unbind.add(() -> vm.savedViews().removeListener(viewsListener));
        unbind.add(listen(vm.currentViewProperty(), this::buildViewsMenu));
        buildViewsMenu();
        Runnable rebuildFilters = this::buildFilters;
        unbind.add(listen(vm.filterProperty(), rebuildFilters));
        ListChangeListener<Tag> tagsListener = c -> buildFilters();
        vm.tags().addListener(tagsListener);
        unbind.add(() -> vm.tags().removeListener(tagsListener));
        unbind.add(listen(vm.colleaguesProperty(), rebuildFilters));
        unbind.add(listen(vm.sortProperty(), this::syncSort));
        unbind.add(listen(vm.searchProperty(), () -> {
            if (!searchField.getText().strip().equals(vm.searchProperty().get())) {
                searchField.setText(vm.searchProperty().get());
            }
            table.refresh();
        }));
        buildFilters();
        syncSort();
        if (!started) {
            started = true;
            vm.start();
            if (industrySource != null) {
                BackgroundTask.of("Loading industries", p -> industrySource.get()).onSuccess(list -> {
                    industries = list;
                    buildFilters();
                }).runOn(tasks);
            }
        }
    }

    @Override
    public void onDeactivate() {
        unbind.forEach(Runnable::run);
        unbind.clear();
    }

    /** Re-runs the query (after a record was created, changed or deleted elsewhere). */
    public void refresh() {
        if (started) {
            vm.refresh();
        }
    }

    public void focusSearch() {
        searchField.requestFocus();
    }

    private static Runnable bindText(Label label, javafx.beans.value.ObservableValue<String> value) {
        label.textProperty().bind(value);
        return () -> label.textProperty().unbind();
    }

    private static Runnable listen(javafx.beans.value.ObservableValue<?> value, Runnable r) {
        javafx.beans.value.ChangeListener<Object> l = (o, a, b) -> r.run();
        value.addListener(l);
        return () -> value.removeListener(l);
    }

    private void applyColumns() {
        for (var col : table.getColumns()) {
            @SuppressWarnings("unchecked")
            ColumnSpec<R> c = (ColumnSpec<R>) col.getUserData();
            col.setVisible(vm.visibleColumns().contains(c.id()));
        }
        for (var item : columnsMenu.getItems()) {
            if (item instanceof CheckMenuItem check) {
                check.setSelected(vm.visibleColumns().contains(check.getId().substring("column-toggle-".length())));
            }
        }
    }

    private void syncSort() {
        syncingSort = true;
        try {
            SortOrder s = vm.sortProperty().get();
            table.getSortOrder().clear();
            for (var col : table.getColumns()) {
                @SuppressWarnings("unchecked")
                ColumnSpec<R> c = (ColumnSpec<R>) col.getUserData();
                if (s != null && s.key().equals(c.sortKey())) {
                    col.setSortType(s.descending() ? TableColumn.SortType.DESCENDING : TableColumn.SortType.ASCENDING);
                    table.getSortOrder().add(col);
                    break;
                }
            }
        } finally {
            syncingSort = false;
        }
    }

    // ---------------------------------------------------------------- saved views

    private void buildViewsMenu() {
        SavedView current = vm.currentViewProperty().get();
        viewsMenu.setText(current == null ? messages.get("crm.views.all." + spec.entity()) : current.name());
        var group = new ToggleGroup();
        var all = new RadioMenuItem(messages.get("crm.views.all." + spec.entity()));
        all.setToggleGroup(group);
        all.setSelected(current == null);
        all.setOnAction(ev -> vm.applyView(null));
        List<MenuItem> items = new ArrayList<>(List.of(all));
        if (!vm.savedViews().isEmpty()) {
            items.add(new SeparatorMenuItem());
        }
        for (SavedView v : vm.savedViews()) {
            var item = new RadioMenuItem(v.isDefault() ? v.name() + " ★" : v.name());
            item.setToggleGroup(group);
            item.setSelected(current != null && current.id().equals(v.id()));
            item.setOnAction(ev -> vm.applyView(v));
            items.add(item);
        }
        items.add(new SeparatorMenuItem());
        var save = new MenuItem(messages.get("crm.views.save"));
        save.setId(spec.entity() + "-save-view");
        save.setOnAction(ev -> saveViewSheet());
        items.add(save);
        if (current != null && current.mine()) {
            var delete = new MenuItem(messages.get("crm.views.delete", current.name()));
            delete.setOnAction(ev -> vm.deleteView(current));
            items.add(delete);
        }
        viewsMenu.getItems().setAll(items);
    }

    private void saveViewSheet() {
        var name = new TextField(vm.currentViewProperty().get() == null ? "" : vm.currentViewProperty().get().name());
        name.setId("view-name");
        name.setPromptText(messages.get("crm.views.namePrompt"));
        var makeDefault = new CheckBox(messages.get("crm.views.default"));
        makeDefault.setId("view-default");
        var hint = new Label(messages.get("crm.views.hint"));
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        var sheet = new Sheet((StackPane) root, messages.get("crm.views.save"), new VBox(10, name, makeDefault, hint), 420);
        sheet.addCancel(messages.get("common.cancel"));
        sheet.addButton(messages.get("common.save"), "view-save", true, () -> {
            if (name.getText().isBlank()) {
                sheet.showError(messages.get("crm.views.nameRequired"));
                return;
            }
            vm.saveView(name.getText(), makeDefault.isSelected());
            sheet.close();
        });
        sheet.show();
        name.requestFocus();
    }

    // ---------------------------------------------------------------- filters

    private void buildFilters() {
        RecordFilter f = vm.filterProperty().get();
        filterBar.getChildren().clear();
        var icon = new FontIcon(Material2AL.FILTER_LIST);
        icon.getStyleClass().add("filter-icon");
        filterBar.getChildren().add(icon);
        for (ListSpec.Filter filter : spec.filters()) {
            switch (filter.kind()) {
                case STATUS -> filterBar.getChildren().add(multi("status", filter, f.statuses(), f::withStatuses));
                case LIFECYCLE -> filterBar.getChildren().add(multi("lifecycle", filter, f.lifecycleStages(), f::withLifecycleStages));
                case QUALITY -> filterBar.getChildren().add(multi("quality", filter, f.qualities(), f::withQualities));
                case STAGE -> filterBar.getChildren().add(multi("stage", filter, f.stages(), f::withStages));
                case OWNER -> filterBar.getChildren().add(ownerMenu(f));
                case INDUSTRY -> filterBar.getChildren().add(idMenu("industry", industries, f.industryIds(), f::withIndustryIds));
                case TAGS -> filterBar.getChildren().add(idMenu("tags",
                        vm.tags().stream().map(t -> new Option(t.id(), t.name())).toList(), f.tagIds(), f::withTagIds));
                case LAST_CONTACTED -> filterBar.getChildren().add(recencyMenu(f));
                case VIP -> {
                    var vip = new ToggleButton(messages.get("crm.filter.vip"));
                    vip.setId(spec.entity() + "-filter-vip");
                    vip.getStyleClass().add("filter-chip");
                    vip.setSelected(f.vipOnly());
                    vip.setOnAction(ev -> vm.setFilter(f.withVipOnly(vip.isSelected())));
                    filterBar.getChildren().add(vip);
                }
            }
        }
        if (!f.isEmpty() || !vm.searchProperty().get().isBlank()) {
            var clear = new Hyperlink(messages.get("crm.filter.clear"));
            clear.setId(spec.entity() + "-filter-clear");
            clear.setOnAction(ev -> {
                searchField.clear();
                vm.clearFilters();
            });
            filterBar.getChildren().add(clear);
        }
        filterBar.setAlignment(Pos.CENTER_LEFT);
    }

    private MenuButton multi(String name, ListSpec.Filter filter, Set<String> chosen,
            java.util.function.Function<Set<String>, RecordFilter> with) {
        var menu = filterMenu(name, chosen.size());
        for (Option o : Option.of(messages, filter.group(), filter.values())) {
            var item = new CheckMenuItem(o.label());
            item.setId(spec.entity() + "-filter-" + name + "-" + o.value());
            item.setSelected(chosen.contains((String) o.value()));
            item.setOnAction(ev -> {
                Set<String> next = new LinkedHashSet<>(chosen);
                if (item.isSelected()) {
                    next.add((String) o.value());
                } else {
                    next.remove((String) o.value());
                }
                vm.setFilter(with.apply(next));
            });
            menu.getItems().add(item);
        }
        return menu;
    }

    private MenuButton idMenu(String name, List<Option> options, Set<UUID> chosen,
            java.util.function.Function<Set<UUID>, RecordFilter> with) {
        var menu = filterMenu(name, chosen.size());
        if (options.isEmpty()) {
            var none = new MenuItem(messages.get("crm.filter.none." + name));
            none.setDisable(true);
            menu.getItems().add(none);
        }
        for (Option o : options) {
            var item = new CheckMenuItem(o.label());
            item.setSelected(chosen.contains((UUID) o.value()));
            item.setOnAction(ev -> {
                Set<UUID> next = new HashSet<>(chosen);
                if (item.isSelected()) {
                    next.add((UUID) o.value());
                } else {
                    next.remove((UUID) o.value());
                }
                vm.setFilter(with.apply(next));
            });
            menu.getItems().add(item);
        }
        return menu;
    }

    private MenuButton ownerMenu(RecordFilter f) {
        OwnerFilter o = f.owner();
        var menu = filterMenu("owner", o.kind() == OwnerFilter.Kind.ANY ? 0 : 1);
        var group = new ToggleGroup();
        List<Option> choices = new ArrayList<>();
        choices.add(new Option(OwnerFilter.ANY, messages.get("crm.filter.owner.any")));
        choices.add(new Option(OwnerFilter.MINE, messages.get("crm.filter.owner.mine")));
        choices.add(new Option(OwnerFilter.UNASSIGNED, messages.get("crm.filter.owner.unassigned")));
        for (Option c : Option.ofMap(vm.colleaguesProperty().get())) {
            if (!c.value().equals(vm.user().userId())) {
                choices.add(new Option(OwnerFilter.user((UUID) c.value()), c.label()));
            }
        }
        for (Option c : choices) {
            var item = new RadioMenuItem(c.label());
            item.setToggleGroup(group);
            OwnerFilter value = (OwnerFilter) c.value();
            item.setId(spec.entity() + "-filter-owner-" + value.kind().name().toLowerCase(java.util.Locale.ROOT));
            item.setSelected(value.equals(o));
            item.setOnAction(ev -> vm.setFilter(f.withOwner(value)));
            menu.getItems().add(item);
        }
        return menu;
    }

    private MenuButton recencyMenu(RecordFilter f) {
        var menu = filterMenu("lastContacted", f.lastContacted() == Recency.ANY ? 0 : 1);
        var group = new ToggleGroup();
        for (Recency r : Recency.values()) {
            var item = new RadioMenuItem(messages.get("crm.filter.recency." + r.name()));
            item.setToggleGroup(group);
            item.setId(spec.entity() + "-filter-recency-" + r.name());
            item.setSelected(r == f.lastContacted());
            item.setOnAction(ev -> vm.setFilter(f.withLastContacted(r)));
            menu.getItems().add(item);
        }
        return menu;
    }

    private MenuButton filterMenu(String name, int active) {
        String title = messages.get("crm.filter." + name);
        var menu = new MenuButton(active == 0 ? title : title + " · " + active);
        menu.setId(spec.entity() + "-filter-" + name);
        menu.getStyleClass().add("filter-chip");
        if (active > 0) {
            menu.getStyleClass().add("filter-active");
        }
        return menu;
    }

    // ---------------------------------------------------------------- bulk

    private List<Option> ownerChoices(boolean withAnyone) {
        List<Option> out = new ArrayList<>();
        out.add(new Option(null, messages.get("crm.owner.unassigned")));
        out.addAll(Option.ofMap(vm.colleaguesProperty().get()));
        return out;
    }

    private List<Option> tagChoices() {
        return vm.tags().stream().map(t -> new Option(t.id(), t.name())).toList();
    }

    private void pickAndRun(String titleKey, List<Option> choices, java.util.function.Function<Object, BulkAction> action) {
        var combo = new ComboBox<Option>();
        combo.setId("bulk-choice");
        combo.getItems().setAll(choices);
        combo.setMaxWidth(Double.MAX_VALUE);
        if (!choices.isEmpty()) {
            combo.getSelectionModel().selectFirst();
        }
        var info = new Label(messages.get("crm.bulk.affects", vm.selectionSize()));
        info.getStyleClass().add("muted");
        var sheet = new Sheet((StackPane) root, messages.get(titleKey), new VBox(10, info, combo), 420);
        sheet.addCancel(messages.get("common.cancel"));
        sheet.addButton(messages.get("crm.bulk.apply"), "bulk-apply", true, () -> {
            Option chosen = combo.getValue();
            if (chosen == null) {
                sheet.showError(messages.get("crm.bulk.chooseFirst"));
                return;
            }
            sheet.close();
            vm.runBulk(action.apply(chosen.value()));
        });
        sheet.show();
    }

    private void confirmDelete() {
        var text = new Label(messages.get("crm.bulk.deleteConfirm." + spec.entity(), vm.selectionSize()));
        text.setWrapText(true);
        var sheet = new Sheet((StackPane) root, messages.get("crm.bulk.delete"), text, 440);
        sheet.addCancel(messages.get("common.cancel"));
        var b = sheet.addButton(messages.get("common.delete"), "bulk-delete-confirm", false, () -> {
            sheet.close();
            vm.runBulk(new BulkAction.Delete());
        });
        b.getStyleClass().add("danger");
        sheet.show();
    }

    /** Adds items of other features (e.g. import/export) to the toolbar, before the "New" button. */
    public void addToolbarItems(List<? extends javafx.scene.Node> items) {
        var bar = (HBox) newButton.getParent();
        bar.getChildren().addAll(bar.getChildren().indexOf(newButton), items);
    }

    /** For tests and the screen: the ids shown, in order. */
    public List<UUID> shownIds() {
        return table.getItems().stream().map(vm::rowId).toList();
    }
}
