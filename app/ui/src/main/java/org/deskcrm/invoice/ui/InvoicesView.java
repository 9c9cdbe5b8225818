package org.deskcrm.invoice.ui;

import java.io.File;
import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.deskcrm.invoice.AgingBucket;
import org.deskcrm.invoice.ClientRef;
import org.deskcrm.invoice.CreditNote;
import org.deskcrm.invoice.CurrencyTotals;
import org.deskcrm.invoice.Invoice;
import org.deskcrm.invoice.InvoiceLine;
import org.deskcrm.invoice.InvoiceStatus;
import org.deskcrm.invoice.InvoiceSummary;
import org.deskcrm.invoice.Payment;
import org.deskcrm.ui.fx.View;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.shell.RecordOpener;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** The invoices screen: filtered list, totals per currency, aging report, and the selected invoice with its actions. */
public final class InvoicesView implements View, RecordOpener {
    private final InvoicesViewModel vm;
    private final Messages messages;
    private final Formats formats;
    private final Parent root;

    @FXML private Button newButton;
    @FXML private Button fromDealButton;
    @FXML private Button refreshButton;
    @FXML private Button settingsButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label errorBanner;
    @FXML private Label warningBanner;
    @FXML private Label infoBanner;
    @FXML private TabPane tabs;
    @FXML private SplitPane split;
    @FXML private ComboBox<InvoiceStatus> statusFilter;
    @FXML private HBox clientFilterBox;
    @FXML private DatePicker dueFrom;
    @FXML private DatePicker dueTo;
    @FXML private TextField numberFilter;
    @FXML private Button clearFilters;
    @FXML private TableView<InvoiceSummary> table;
    @FXML private Button moreButton;
    @FXML private FlowPane totalsPane;
    @FXML private VBox detail;
    @FXML private Tab agingTab;
    @FXML private TableView<AgingBucket> agingTable;
    private SearchField<ClientRef> clientFilter;

    public InvoicesView(InvoicesViewModel vm, Formats formats) {
        this.vm = vm;
        this.messages = vm.workspace().messages();
        this.formats = formats;
        this.root = vm.workspace().loader().load(this);
    }

    @FXML
    private void initialize() {
        newButton.setGraphic(new FontIcon(Material2OutlinedAL.ADD));
        fromDealButton.setGraphic(new FontIcon(Material2OutlinedAL.LOCAL_OFFER));
        settingsButton.setGraphic(new FontIcon(Material2OutlinedMZ.SETTINGS));
        refreshButton.setGraphic(new FontIcon(Material2OutlinedMZ.REFRESH));
        newButton.setVisible(vm.canCreate());
        newButton.setManaged(vm.canCreate());
        fromDealButton.setVisible(vm.canCreate());
        fromDealButton.setManaged(vm.canCreate());
        settingsButton.setVisible(vm.canChangeSettings());
        settingsButton.setManaged(vm.canChangeSettings());
        newButton.setOnAction(e -> vm.newDraft(null, d -> new InvoiceEditor(vm, formats, null, d).show(root.getScene().getWindow())));
        fromDealButton.setOnAction(e -> new DealPicker(vm, formats).show(root.getScene().getWindow()));
        refreshButton.setOnAction(e -> vm.reload());
        settingsButton.setOnAction(e -> new InvoiceSettingsDialog(vm).show(root.getScene().getWindow()));
        busyIndicator.visibleProperty().bind(vm.busyProperty());
        banner(errorBanner, vm.errorProperty());
        banner(warningBanner, vm.warningProperty());
        banner(infoBanner, vm.infoProperty());

        statusFilter.getItems().add(null);
        statusFilter.getItems().addAll(InvoiceStatus.values());
        statusFilter.setButtonCell(statusCell());
        statusFilter.setCellFactory(lv -> statusCell());
        statusFilter.valueProperty().bindBidirectional(vm.statusFilterProperty());
        statusFilter.setOnAction(e -> vm.reload());
        clientFilter = new SearchField<>(vm::searchClients, ClientRef::name, c -> kind(c) + (c.detail().isBlank() ? "" : " · " + c.detail()));
        clientFilter.setId("invoices-client-filter");
        clientFilter.setPromptText(messages.get("invoices.filter.client"));
        clientFilter.setPrefColumnCount(14);
        clientFilterBox.getChildren().add(clientFilter);
        clientFilter.valueProperty().bindBidirectional(vm.clientFilterProperty());
        clientFilter.valueProperty().addListener((o, a, b) -> {
            if (b != null || clientFilter.getText().isBlank()) {
                vm.reload();
            }
        });
        dueFrom.valueProperty().bindBidirectional(vm.dueFromProperty());
        dueTo.valueProperty().bindBidirectional(vm.dueToProperty());
        dueFrom.setOnAction(e -> vm.reload());
        dueTo.setOnAction(e -> vm.reload());
        numberFilter.textProperty().bindBidirectional(vm.numberFilterProperty());
        numberFilter.setOnAction(e -> vm.reload());
        clearFilters.setOnAction(e -> {
            clientFilter.setText("");
            vm.clearFilters();
        });

        table.setItems(vm.rows());
        table.setFixedCellSize(34);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        var number = column("invoices.col.number", 124,
                (InvoiceSummary r) -> r.number() == null ? messages.get("invoices.status.draft") : r.number());
        number.setMinWidth(118); // "INV-2026-0001" stays whole; the client column gives way
        table.getColumns().add(number);
        table.getColumns().add(column("invoices.col.client", 170, InvoiceSummary::clientName));
        var status = new TableColumn<InvoiceSummary, InvoiceSummary>(messages.get("invoices.col.status"));
        status.setPrefWidth(90);
        status.setMinWidth(80);
        status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        status.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(InvoiceSummary r, boolean empty) {
                super.updateItem(r, empty);
                setGraphic(empty || r == null ? null : badge(r.status()));
                setText(null);
            }
        });
        table.getColumns().add(status);
        var due = column("invoices.col.due", 100, (InvoiceSummary r) -> formats.date(r.dueDate()));
        due.setMinWidth(100);
        table.getColumns().add(due);
        table.getColumns().add(moneyColumn("invoices.col.total", r -> formats.money(r.total(), r.currency())));
        table.getColumns().add(moneyColumn("invoices.col.balance", r -> formats.money(r.balanceDue(), r.currency())));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null && !vm.isRefreshing()
                    && (vm.selectedProperty().get() == null || !row.id().equals(vm.selectedProperty().get().id()))) {
                vm.show(row.id());
            }
        });
        moreButton.visibleProperty().bind(vm.hasMoreProperty());
        moreButton.setOnAction(e -> vm.loadMore());
        vm.totals().addListener((ListChangeListener<CurrencyTotals>) c -> renderTotals());
        vm.selectedProperty().addListener((o, a, inv) -> {
            renderDetail();
            reselect();
        });
        vm.payments().addListener((ListChangeListener<Payment>) c -> renderDetail());
        vm.creditNotes().addListener((ListChangeListener<CreditNote>) c -> renderDetail());
        vm.rows().addListener((ListChangeListener<InvoiceSummary>) c -> reselect());
        renderDetail();

        agingTable.setItems(vm.aging());
        agingTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        agingTable.getColumns().add(agingColumn("invoices.aging.currency", AgingBucket::currency));
        agingTable.getColumns().add(agingColumn("invoices.aging.current", b -> formats.money(b.current(), b.currency())));
        agingTable.getColumns().add(agingColumn("invoices.aging.d30", b -> formats.money(b.days1To30(), b.currency())));
        agingTable.getColumns().add(agingColumn("invoices.aging.d60", b -> formats.money(b.days31To60(), b.currency())));
        agingTable.getColumns().add(agingColumn("invoices.aging.d90", b -> formats.money(b.days61To90(), b.currency())));
        agingTable.getColumns().add(agingColumn("invoices.aging.over90", b -> formats.money(b.over90(), b.currency())));
        agingTable.getColumns().add(agingColumn("invoices.aging.total", b -> formats.money(b.total(), b.currency())));
        agingTable.getColumns().add(agingColumn("invoices.aging.count", b -> Integer.toString(b.invoices())));
    }

    /** Keeps the table's highlighted row on the invoice shown in the detail pane. */
    private void reselect() {
        Invoice sel = vm.selectedProperty().get();
        if (sel == null) {
            table.getSelectionModel().clearSelection();
            return;
        }
        var current = table.getSelectionModel().getSelectedItem();
        if (current != null && current.id().equals(sel.id())) {
            return;
        }
        for (InvoiceSummary r : vm.rows()) {
            if (r.id().equals(sel.id())) {
                table.getSelectionModel().select(r);
                return;
            }
        }
    }

    private static void banner(Label label, javafx.beans.property.StringProperty text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(text.isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private ListCell<InvoiceStatus> statusCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(InvoiceStatus s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s == null ? messages.get("invoices.filter.allStatuses") : messages.get("invoices.status." + s.dbName()));
            }
        };
    }

    String kind(ClientRef c) {
        return messages.get(c.kind() == ClientRef.Kind.COMPANY ? "search.kind.company" : "search.kind.contact");
    }

    Label badge(InvoiceStatus s) {
        var l = new Label(messages.get("invoices.status." + s.dbName()));
        l.getStyleClass().addAll("status-badge", "status-" + s.dbName().replace('_', '-'));
        return l;
    }

    private <R> TableColumn<R, String> column(String key, double width, Function<R, String> value) {
        var c = new TableColumn<R, String>(messages.get(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }

    private <R> TableColumn<R, String> moneyColumn(String key, Function<R, String> value) {
        var c = column(key, 110, value);
        c.setMinWidth(100);
        c.getStyleClass().add("money-column");
        return c;
    }

    private TableColumn<AgingBucket, String> agingColumn(String key, Function<AgingBucket, String> value) {
        var c = column(key, 110, value);
        c.getStyleClass().add("money-column");
        return c;
    }

    /**
     * Totals per currency as one compact card, a row per currency (never summed across
     * currencies), so the list keeps its room.
     */
    private void renderTotals() {
        totalsPane.getChildren().clear();
        if (vm.totals().isEmpty()) {
            return;
        }
        var grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        String[] heads = {"invoices.totals.currency", "invoices.totals.invoiced", "invoices.totals.paid", "invoices.totals.outstanding",
                "invoices.totals.overdue", "invoices.totals.credited"};
        for (int i = 0; i < heads.length; i++) {
            var h = new Label(messages.get(heads[i]));
            h.getStyleClass().add("muted");
            h.setMaxWidth(Double.MAX_VALUE);
            h.setAlignment(i == 0 ? Pos.CENTER_LEFT : Pos.CENTER_RIGHT);
            grid.add(h, i, 0);
        }
        int row = 1;
        for (CurrencyTotals t : vm.totals()) {
            var title = new Label(messages.get("invoices.totals.title", t.currency(), t.invoices()));
            title.getStyleClass().add("card-title");
            title.setId("invoices-totals-" + t.currency());
            grid.add(title, 0, row);
            addMetric(grid, 1, row, formats.money(t.invoiced(), t.currency()), null);
            addMetric(grid, 2, row, formats.money(t.paid(), t.currency()), null);
            addMetric(grid, 3, row, formats.money(t.outstanding(), t.currency()), null);
            addMetric(grid, 4, row, formats.money(t.overdue(), t.currency()), t.overdue().signum() > 0 ? "metric-danger" : null);
            addMetric(grid, 5, row, formats.money(t.credited().negate(), t.currency()), null);
            row++;
        }
        var card = new VBox(grid);
        card.getStyleClass().addAll("card", "totals-card");
        totalsPane.getChildren().add(card);
    }

    private void addMetric(GridPane grid, int col, int row, String value, String style) {
        var v = new Label(value);
        v.getStyleClass().add("metric-small");
        v.setMaxWidth(Double.MAX_VALUE);
        v.setAlignment(Pos.CENTER_RIGHT);
        if (style != null) {
            v.getStyleClass().add(style);
        }
        grid.add(v, col, row);
    }

    // ------------------------------------------------------------------ detail

    private void renderDetail() {
        Invoice inv = vm.selectedProperty().get();
        detail.getChildren().clear();
        if (inv == null) {
            var icon = new FontIcon(Material2OutlinedAL.DESCRIPTION);
            icon.getStyleClass().add("empty-icon");
            var hint = new Label(messages.get("invoices.detail.empty"));
            hint.getStyleClass().add("muted");
            hint.setWrapText(true);
            var box = new VBox(10, icon, hint);
            box.setAlignment(Pos.CENTER);
            box.setMinHeight(300);
            detail.getChildren().add(box);
            return;
        }
        var number = new Label(inv.number() == null ? messages.get("invoices.detail.draftTitle") : inv.number());
        number.setId("invoice-number");
        number.getStyleClass().add("detail-title");
        var head = new HBox(10, number, badge(inv.status()));
        head.setAlignment(Pos.CENTER_LEFT);
        var client = new Label(inv.clientName());
        client.getStyleClass().add("detail-subtitle");
        client.setId("invoice-client-name");

        var facts = new GridPane();
        facts.setHgap(24);
        facts.setVgap(4);
        fact(facts, 0, "invoices.detail.issued", formats.date(inv.issueDate()));
        fact(facts, 1, "invoices.detail.due", formats.date(inv.dueDate()));
        fact(facts, 2, "invoices.detail.terms", inv.paymentTerms() == null ? "–" : messages.get("terms." + inv.paymentTerms().dbName()));
        fact(facts, 3, "invoices.detail.currency", inv.currency());
        if (inv.paidDate() != null) {
            fact(facts, 4, "invoices.detail.paidOn", formats.date(inv.paidDate()));
        }

        detail.getChildren().addAll(head, client, facts, actions(inv), new Separator());
        if (inv.description() != null) {
            var d = new Label(inv.description());
            d.setWrapText(true);
            detail.getChildren().add(d);
        }
        detail.getChildren().add(linesTable(inv));
        detail.getChildren().add(totalsBlock(inv));
        if (vm.canSeePayments() && inv.status() != InvoiceStatus.DRAFT) {
            detail.getChildren().add(paymentsBlock(inv));
        }
        if (!vm.creditNotes().isEmpty()) {
            detail.getChildren().add(creditsBlock(inv));
        }
        if (inv.terms() != null) {
            detail.getChildren().add(textBlock("invoices.detail.termsText", inv.terms()));
        }
        if (inv.notes() != null) {
            detail.getChildren().add(textBlock("invoices.detail.notes", inv.notes()));
        }
    }

    private void fact(GridPane g, int col, String key, String value) {
        var k = new Label(messages.get(key));
        k.getStyleClass().add("muted");
        var v = new Label(value);
        v.getStyleClass().add("fact-value");
        g.add(k, col, 0);
        g.add(v, col, 1);
    }

    private Node actions(Invoice inv) {
        var bar = new FlowPane(8, 8);
        bar.setId("invoice-actions");
        add(bar, action("invoice-edit", "invoices.action.edit", Material2OutlinedAL.EDIT, vm.canEdit(),
                () -> new InvoiceEditor(vm, formats, inv, inv.toDraft()).show(root.getScene().getWindow())), null);
        add(bar, action("invoice-issue", "invoices.action.issue", Material2OutlinedMZ.SEND, vm.canIssue(), this::confirmIssue), "accent");
        add(bar, action("invoice-pay", "invoices.action.pay", Material2OutlinedAL.ATTACH_MONEY, vm.canRecordPayment(),
                () -> new PaymentDialog(vm, formats, inv).show(root.getScene().getWindow())), "success");
        add(bar, action("invoice-pdf-open", "invoices.action.openPdf", Material2OutlinedMZ.PICTURE_AS_PDF, null,
                () -> vm.exportPdf(vm.previewFile(inv), true)), null);
        add(bar, action("invoice-pdf-save", "invoices.action.savePdf", Material2OutlinedMZ.SAVE_ALT, null, () -> savePdf(inv)), null);
        add(bar, action("invoice-duplicate", "invoices.action.duplicate", Material2OutlinedAL.CONTENT_COPY, vm.canDuplicate(),
                vm::duplicate), null);
        add(bar, action("invoice-credit", "invoices.action.credit", Material2OutlinedMZ.REMOVE_CIRCLE_OUTLINE, vm.canCredit(),
                () -> new CreditDialog(vm, formats, inv).show(root.getScene().getWindow())), null);
        add(bar, action("invoice-cancel", "invoices.action.cancel", Material2OutlinedAL.BLOCK, vm.canCancel(), this::confirmCancel),
                "danger");
        add(bar, action("invoice-delete", "invoices.action.delete", Material2OutlinedAL.DELETE, vm.canDelete(), this::confirmDelete),
                "danger");
        return bar;
    }

    private static void add(FlowPane bar, Button b, String style) {
        if (b != null) {
            if (style != null) {
                b.getStyleClass().add(style);
            }
            bar.getChildren().add(b);
        }
    }

    /** A button for an action the user may take now, or null ({@code allowed} null: always, for what reading permits). */
    private Button action(String id, String key, org.kordamp.ikonli.Ikon icon, ObservableValue<Boolean> allowed, Runnable run) {
        if (allowed != null && !Boolean.TRUE.equals(allowed.getValue())) {
            return null;
        }
        var b = new Button(messages.get(key), new FontIcon(icon));
        b.setId(id);
        b.setOnAction(e -> run.run());
        return b;
    }

    private void confirmIssue() {
        Invoice inv = vm.selectedProperty().get();
        if (Dialogs.confirm(root, messages.get("invoices.issue.title"), messages.get("invoices.issue.text",
                formats.money(inv.total(), inv.currency()), inv.clientName()), messages.get("invoices.action.issue"))) {
            vm.issue();
        }
    }

    private void confirmCancel() {
        Invoice inv = vm.selectedProperty().get();
        var dialog = new TextInputDialog();
        dialog.initOwner(root.getScene().getWindow());
        dialog.setTitle(messages.get("invoices.cancel.title"));
        dialog.setHeaderText(messages.get("invoices.cancel.text", inv.number()));
        dialog.setContentText(messages.get("invoices.cancel.reason"));
        dialog.getEditor().setId("invoice-cancel-reason");
        dialog.showAndWait().ifPresent(vm::cancelInvoice);
    }

    private void confirmDelete() {
        if (Dialogs.confirm(root, messages.get("invoices.delete.title"), messages.get("invoices.delete.text"),
                messages.get("common.delete"))) {
            vm.deleteDraft();
        }
    }

    private void savePdf(Invoice inv) {
        var chooser = new FileChooser();
        chooser.setTitle(messages.get("invoices.action.savePdf"));
        chooser.setInitialFileName(vm.previewFile(inv).getFileName().toString());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("invoices.pdf.filter"), "*.pdf"));
        File f = chooser.showSaveDialog(root.getScene().getWindow());
        if (f != null) {
            vm.exportPdf(f.toPath(), false);
        }
    }

    private Node linesTable(Invoice inv) {
        var g = new GridPane();
        g.getStyleClass().add("lines-grid");
        g.setHgap(12);
        g.setVgap(6);
        var c0 = new ColumnConstraints();
        c0.setHgrow(Priority.ALWAYS);
        c0.setMinWidth(120);
        c0.setPrefWidth(160); // the description wraps; amounts are never cut off
        g.getColumnConstraints().add(c0);
        for (int i = 1; i < 6; i++) {
            var c = new ColumnConstraints();
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            g.getColumnConstraints().add(c);
        }
        String[] heads = {"invoices.line.description", "invoices.line.qty", "invoices.line.price", "invoices.line.tax",
                "invoices.line.discount", "invoices.line.amount"};
        for (int i = 0; i < heads.length; i++) {
            var h = new Label(messages.get(heads[i]));
            h.getStyleClass().add("grid-head");
            g.add(h, i, 0);
        }
        int row = 1;
        for (InvoiceLine l : inv.lines()) {
            var d = new Label(l.description());
            d.setWrapText(true);
            g.add(d, 0, row);
            g.add(right(formats.number(l.quantity())), 1, row);
            g.add(right(formats.money(l.unitPrice(), inv.currency())), 2, row);
            g.add(right(l.taxRate().signum() == 0 ? "–" : formats.number(l.taxRate()) + " %"), 3, row);
            g.add(right(l.discount().signum() == 0 ? "–" : formats.money(l.discount(), inv.currency())), 4, row);
            g.add(right(formats.money(l.net(), inv.currency())), 5, row);
            row++;
        }
        return g;
    }

    private static Label right(String text) {
        var l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // amounts are never cut off
        l.setMaxWidth(Double.MAX_VALUE);
        l.setAlignment(Pos.CENTER_RIGHT);
        return l;
    }

    private Node totalsBlock(Invoice inv) {
        var g = new GridPane();
        g.setHgap(24);
        g.setVgap(4);
        int row = 0;
        row = total(g, row, "invoices.total.subtotal", inv.subtotal(), inv, false, null);
        if (inv.discountTotal().signum() > 0) {
            row = total(g, row, "invoices.total.discount", inv.discountTotal().negate(), inv, false, null);
        }
        row = total(g, row, "invoices.total.tax", inv.taxTotal(), inv, false, null);
        row = total(g, row, "invoices.total.total", inv.total(), inv, true, "invoice-total");
        if (inv.status() != InvoiceStatus.DRAFT) {
            row = total(g, row, "invoices.total.paid", inv.amountPaid(), inv, false, "invoice-paid");
            if (inv.creditedTotal().signum() > 0) {
                row = total(g, row, "invoices.total.credited", inv.creditedTotal().negate(), inv, false, "invoice-credited");
            }
            row = total(g, row, "invoices.total.balance", inv.balanceDue(), inv, true, "invoice-balance");
            if (inv.refundDue().signum() > 0) {
                total(g, row, "invoices.total.refundDue", inv.refundDue(), inv, true, "invoice-refund-due");
                g.getChildren().getLast().getStyleClass().add("metric-danger");
            }
        }
        var box = new HBox(new Region(), g);
        HBox.setHgrow(box.getChildren().getFirst(), Priority.ALWAYS);
        box.getStyleClass().add("totals-block");
        return box;
    }

    private int total(GridPane g, int row, String key, BigDecimal amount, Invoice inv, boolean strong, String id) {
        var k = new Label(messages.get(key));
        var v = right(formats.money(amount, inv.currency()));
        if (id != null) {
            v.setId(id);
        }
        if (strong) {
            k.getStyleClass().add("total-strong");
            v.getStyleClass().add("total-strong");
        } else {
            k.getStyleClass().add("muted");
        }
        g.add(k, 0, row);
        g.add(v, 1, row);
        return row + 1;
    }

    private Node paymentsBlock(Invoice inv) {
        var title = new Label(messages.get("invoices.payments.title"));
        title.getStyleClass().add("section-title");
        var box = new VBox(6, title);
        box.setId("invoice-payments");
        if (vm.payments().isEmpty()) {
            var none = new Label(messages.get("invoices.payments.none"));
            none.getStyleClass().add("muted");
            box.getChildren().add(none);
        }
        for (Payment p : vm.payments()) {
            var what = new Label(formats.money(p.amount(), p.currency()) + " · " + messages.get("method." + p.method().dbName())
                    + (p.reference() == null ? "" : " · " + p.reference()));
            what.getStyleClass().add("fact-value");
            var when = new Label(formats.date(p.paymentDate()) + (p.recordedBy() == null ? "" : " · " + p.recordedBy()));
            when.getStyleClass().add("muted");
            var texts = new VBox(1, what, when);
            HBox.setHgrow(texts, Priority.ALWAYS);
            var row = new HBox(8, texts);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("payment-row");
            if (vm.canVoidPayments() && inv.status() != InvoiceStatus.CANCELLED) {
                var voidIt = new Button(messages.get("invoices.payments.void"));
                voidIt.getStyleClass().addAll("flat", "danger");
                voidIt.setOnAction(e -> {
                    if (Dialogs.confirm(root, messages.get("invoices.payments.void"), messages.get("invoices.payments.voidText",
                            formats.money(p.amount(), p.currency())), messages.get("invoices.payments.void"))) {
                        vm.voidPayment(p);
                    }
                });
                row.getChildren().add(voidIt);
            }
            box.getChildren().add(row);
        }
        return box;
    }

    /** The credit notes of the invoice: number, date, negative amount, reason, and their PDF. */
    private Node creditsBlock(Invoice inv) {
        var title = new Label(messages.get("invoices.credits.title"));
        title.getStyleClass().add("section-title");
        var box = new VBox(6, title);
        box.setId("invoice-credits");
        for (CreditNote cn : vm.creditNotes()) {
            var what = new Label(cn.number() + " · " + formats.money(cn.signedTotal(), cn.currency()));
            what.getStyleClass().add("fact-value");
            what.setId("credit-note-" + cn.number());
            var why = new Label(formats.date(cn.issueDate()) + " · " + cn.reason());
            why.getStyleClass().add("muted");
            why.setWrapText(true);
            var texts = new VBox(1, what, why);
            HBox.setHgrow(texts, Priority.ALWAYS);
            var pdf = new Button(messages.get("invoices.action.openPdf"), new FontIcon(Material2OutlinedMZ.PICTURE_AS_PDF));
            pdf.getStyleClass().add("flat");
            pdf.setId("credit-pdf-" + cn.number());
            pdf.setOnAction(e -> vm.exportCreditNotePdf(cn, vm.previewFile(cn), true));
            var row = new HBox(8, texts, pdf);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("payment-row");
            box.getChildren().add(row);
        }
        return box;
    }

    private Node textBlock(String key, String text) {
        var title = new Label(messages.get(key));
        title.getStyleClass().add("section-title");
        var body = new Label(text);
        body.setWrapText(true);
        return new VBox(4, title, body);
    }

    // ------------------------------------------------------------------ View, RecordOpener

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void onActivate() {
        vm.open();
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of("invoice");
    }

    @Override
    public void open(String entityType, UUID id) {
        tabs.getSelectionModel().selectFirst();
        vm.show(id);
    }
}
