package org.deskcrm.dashboard.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.deskcrm.activity.Activity;
import org.deskcrm.dashboard.Dashboard;
import org.deskcrm.deal.DealCard;
import org.deskcrm.pipeline.ui.Formats;
import org.deskcrm.ui.fx.View;
import org.deskcrm.ui.fx.ViewLoader;
import org.deskcrm.ui.i18n.Messages;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The dashboard: four headline tiles (open pipeline, won this month, win rate, overdue invoices)
 * and four lists (my tasks due, deals closing this month, upcoming events, recent activity) in a
 * grid that reflows with the window width. Each card shows its own spinner and error.
 */
public final class DashboardView implements View {
    private final DashboardViewModel vm;
    private final Messages messages;
    private final Formats formats;
    private final Parent root;

    @FXML private VBox page;
    @FXML private Label greetingLabel;
    @FXML private Label dateLabel;
    @FXML private Label messageLabel;
    @FXML private Button pipelineButton;
    @FXML private Button refreshButton;
    @FXML private FlowPane tiles;
    @FXML private FlowPane cards;

    public DashboardView(DashboardViewModel vm, ViewLoader loader, Formats formats) {
        this.vm = vm;
        this.messages = loader.messages();
        this.formats = formats;
        this.root = loader.load(this);
    }

    @FXML
    private void initialize() {
        greetingLabel.setText(vm.greeting());
        dateLabel.setText(vm.today().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(formats.locale())));
        messageLabel.textProperty().bind(vm.messageProperty());
        refreshButton.setGraphic(new FontIcon(Material2OutlinedMZ.REFRESH));
        refreshButton.setOnAction(e -> vm.refresh());
        pipelineButton.setGraphic(new FontIcon(Material2OutlinedMZ.VIEW_WEEK));
        pipelineButton.setOnAction(e -> vm.showPipeline());
        pipelineButton.setVisible(vm.showsDeals());
        pipelineButton.setManaged(vm.showsDeals());

        if (vm.showsDeals()) {
            tiles.getChildren().add(tile("dashboard-pipeline", messages.get("dashboard.pipeline"), Material2OutlinedMZ.TRENDING_UP,
                    vm.pipelineState(), vm.pipelineProperty(), s -> formats.money(s.total(), s.currency()),
                    s -> messages.get("dashboard.pipeline.detail", s.count(), formats.money(s.weighted(), s.currency()))
));
            tiles.getChildren().add(tile("dashboard-won", messages.get("dashboard.won"), Material2OutlinedAL.EMOJI_EVENTS,
                    vm.wonState(), vm.wonProperty(), s -> formats.money(s.total(), s.currency()),
                    s -> messages.get("dashboard.won.detail", s.count())));
            tiles.getChildren().add(tile("dashboard-winrate", messages.get("dashboard.winRate"), Material2OutlinedMZ.PIE_CHART,
                    vm.winRateState(), vm.winRateProperty(), w -> formats.percent(w.percent()),
                    w -> messages.get("dashboard.winRate.detail", w.won(), w.lost())));
        }
        if (vm.showsInvoices()) {
            tiles.getChildren().add(tile("dashboard-invoices", messages.get("dashboard.invoices"), Material2OutlinedMZ.RECEIPT,
                    vm.invoicesState(), vm.invoicesProperty(), s -> formats.money(s.total(), s.currency()),
                    s -> messages.get("dashboard.invoices.detail", s.count())));
        }
        if (vm.showsTasks()) {
            cards.getChildren().add(list("dashboard-tasks", messages.get("dashboard.tasks"), Material2OutlinedAL.ASSIGNMENT,
                    vm.tasksState(), vm.tasksDue(), this::taskRow, messages.get("dashboard.tasks.empty")));
        }
        if (vm.showsDeals()) {
            cards.getChildren().add(list("dashboard-closing", messages.get("dashboard.closing"), Material2OutlinedAL.EVENT,
                    vm.closingState(), vm.closing(), this::closingRow, messages.get("dashboard.closing.empty")));
        }
        if (vm.showsEvents()) {
            cards.getChildren().add(list("dashboard-events", messages.get("dashboard.events"), Material2OutlinedAL.CALENDAR_TODAY,
                    vm.eventsState(), vm.events(), this::eventRow, messages.get("dashboard.events.empty")));
        }
        if (vm.showsTasks()) {
            cards.getChildren().add(list("dashboard-recent", messages.get("dashboard.recent"), Material2OutlinedMZ.TIMELINE,
                    vm.recentState(), vm.recent(), this::recentRow, messages.get("dashboard.recent.empty")));
        }
        page.widthProperty().addListener((o, a, w) -> reflow(w.doubleValue()));
    }

    private void reflow(double width) {
        double usable = width - 48;
        int tileColumns = usable > 1040 ? 4 : usable > 520 ? 2 : 1;
        tileColumns = Math.min(tileColumns, Math.max(1, tiles.getChildren().size()));
        double tileWidth = Math.floor((usable - (tileColumns - 1) * tiles.getHgap()) / tileColumns);
        tiles.getChildren().forEach(n -> ((Region) n).setPrefWidth(tileWidth));
        int cardColumns = usable > 860 ? 2 : 1;
        double cardWidth = Math.floor((usable - (cardColumns - 1) * cards.getHgap()) / cardColumns);
        cards.getChildren().forEach(n -> ((Region) n).setPrefWidth(cardWidth));
    }

    private <T> VBox tile(String id, String title, Ikon icon, DashboardViewModel.CardState state,
            javafx.beans.property.ObjectProperty<T> value, Function<T, String> big, Function<T, String> detail) {
        var t = new Label(title);
        t.getStyleClass().add("card-title");
        var i = new FontIcon(icon);
        i.getStyleClass().add("tile-icon");
        var grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        var head = new HBox(8, t, grow, spinner(state), i);
        head.setAlignment(Pos.CENTER_LEFT);
        var v = new Label("\u2014");
        v.getStyleClass().add("metric-value");
        v.setId(id + "-value");
        var d = new Label();
        d.getStyleClass().add("muted");
        d.setWrapText(true);
        d.setMinHeight(Region.USE_PREF_SIZE);
        d.setId(id + "-detail");
        var note = new Label();
        note.getStyleClass().addAll("muted", "small");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        value.subscribe(x -> {
            if (x != null) {
                v.setText(big.apply(x));
                d.setText(detail.apply(x));
                if (x instanceof Dashboard.MoneySummary s && s.otherCurrencyCount() > 0) {
                    note.setText(messages.get("dashboard.otherCurrencies", s.otherCurrencyCount(), s.currency()));
                } else {
                    note.setText("");
                }
            }
        });
        note.visibleProperty().bind(note.textProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        var box = new VBox(6, head, v, d, note);
        box.getStyleClass().addAll("card", "metric-tile");
        box.setId(id);
        return withState(box, state);
    }

    private <T> VBox list(String id, String title, Ikon icon, DashboardViewModel.CardState state, ObservableList<T> items,
            Function<T, Node> row, String empty) {
        var i = new FontIcon(icon);
        i.getStyleClass().add("tile-icon");
        var t = new Label(title);
        t.getStyleClass().add("card-title");
        var count = new Label();
        count.getStyleClass().add("board-column-count");
        var grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        var head = new HBox(8, i, t, count, grow, spinner(state));
        head.setAlignment(Pos.CENTER_LEFT);
        var rows = new VBox(2);
        rows.setId(id + "-rows");
        var placeholder = new Label(empty);
        placeholder.getStyleClass().add("muted");
        Runnable render = () -> {
            rows.getChildren().setAll(items.isEmpty() ? List.of(placeholder) : items.stream().map(row).toList());
            count.setText(items.isEmpty() ? "" : Integer.toString(items.size()));
            count.setVisible(!items.isEmpty());
        };
        items.addListener((ListChangeListener<T>) c -> render.run());
        render.run();
        var box = new VBox(10, head, rows);
        box.getStyleClass().addAll("card", "dashboard-list");
        box.setId(id);
        box.setMinHeight(220);
        return withState(box, state);
    }

    private VBox withState(VBox box, DashboardViewModel.CardState state) {
        var error = new Label();
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(state.errorProperty());
        error.visibleProperty().bind(state.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        box.getChildren().add(error);
        return box;
    }

    private static ProgressIndicator spinner(DashboardViewModel.CardState state) {
        var spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.setMaxSize(16, 16);
        spinner.visibleProperty().bind(state.loadingProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        return spinner;
    }

    // ------------------------------------------------------------------ rows

    private Node taskRow(Activity a) {
        var done = new CheckBox();
        done.getStyleClass().add("task-done");
        done.setOnAction(e -> {
            done.setDisable(true);
            vm.complete(a);
        });
        var subject = new Hyperlink(a.subject());
        subject.setOnAction(e -> vm.openTask(a));
        boolean overdue = a.isOverdue(java.time.OffsetDateTime.now());
        var due = new Label(a.dueAt() == null ? "" : overdue
                ? messages.get("dashboard.tasks.overdue", formats.shortDate(formats.localDate(a.dueAt())))
                : messages.get("dashboard.tasks.today", formats.time(a.dueAt())));
        due.getStyleClass().add(overdue ? "error-text" : "muted");
        var grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        var row = new HBox(8, done, subject, grow, due);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("dashboard-row");
        return row;
    }

    private Node closingRow(DealCard c) {
        var name = new Hyperlink(c.name());
        name.setOnAction(e -> vm.openDeal(c.id()));
        var company = new Label(c.companyName() == null ? "" : c.companyName());
        company.getStyleClass().add("muted");
        var left = new VBox(0, name, company);
        var value = new Label(formats.money(c.value(), c.currency()));
        value.getStyleClass().add("strong");
        boolean overdue = c.overdue(vm.today());
        var date = new Label(formats.shortDate(c.expectedCloseDate()));
        date.getStyleClass().add(overdue ? "error-text" : "muted");
        var right = new VBox(0, value, date);
        right.setAlignment(Pos.CENTER_RIGHT);
        var grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        var row = new HBox(8, left, grow, right);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("dashboard-row");
        return row;
    }

    private Node eventRow(Dashboard.UpcomingEvent ev) {
        var day = new Label(formats.shortDate(formats.localDate(ev.startsAt())));
        day.getStyleClass().add("event-day");
        var time = new Label(ev.allDay() ? messages.get("dashboard.events.allDay") : formats.time(ev.startsAt()));
        time.getStyleClass().add("muted");
        var when = new VBox(0, day, time);
        when.setMinWidth(64);
        var title = new Hyperlink(ev.title());
        title.setOnAction(e -> vm.openEvent(ev.id()));
        String where = ev.location() != null ? ev.location() : ev.companyName() != null ? ev.companyName() : "";
        var place = new Label(where);
        place.getStyleClass().add("muted");
        var row = new HBox(10, when, new VBox(0, title, place));
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("dashboard-row");
        return row;
    }

    private Node recentRow(Dashboard.RecentActivity a) {
        Ikon ikon = switch (a.type()) {
            case "call" -> Material2OutlinedAL.CALL;
            case "email" -> Material2OutlinedAL.EMAIL;
            case "meeting" -> Material2OutlinedAL.GROUPS;
            default -> Material2OutlinedAL.EVENT;
        };
        var icon = new FontIcon(ikon);
        icon.getStyleClass().add("activity-icon");
        var subject = new Hyperlink(a.subject() == null ? messages.get("dashboard.recent.untitled") : a.subject());
        subject.setOnAction(e -> vm.openActivity(a));
        String about = a.dealName() != null ? a.dealName() : a.companyName() != null ? a.companyName() : "";
        var meta = new Label((a.byName() == null ? "" : a.byName() + " \u00b7 ") + formats.dateTime(a.occurredAt())
                + (about.isEmpty() ? "" : " \u00b7 " + about));
        meta.getStyleClass().add("muted");
        var row = new HBox(10, icon, new VBox(0, subject, meta));
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("dashboard-row");
        return row;
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void onActivate() {
        greetingLabel.setText(vm.greeting());
        vm.refresh();
    }
}
