package org.deskcrm.pipeline.ui;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.deskcrm.pipeline.Forecast;
import org.deskcrm.pipeline.ForecastService;
import org.deskcrm.ui.i18n.Messages;

/**
 * The forecast tab: headline numbers, the weighted pipeline by expected close month (chart and
 * table by owner), average days per stage and the lead funnel. Charts show the organization
 * currency; deals in other currencies are counted in a note, never added in.
 */
final class ForecastView {
    private final ForecastViewModel vm;
    private final Messages messages;
    private final Formats formats;
    private final ScrollPane root;
    private final HBox tiles = new HBox(12);
    private final Label range = new Label();
    private final BarChart<String, Number> monthChart;
    private final BarChart<String, Number> stageChart;
    private final BarChart<Number, String> funnelChart;
    private final TableView<Forecast.OwnerForecast> owners = new TableView<>();
    private final TableView<Forecast.FunnelStage> funnelTable = new TableView<>();
    private final Label currencyNote = new Label();
    private final Label error = new Label();

    ForecastView(ForecastViewModel vm, Messages messages, Formats formats) {
        this.vm = vm;
        this.messages = messages;
        this.formats = formats;

        var period = new ComboBox<ForecastViewModel.Period>();
        period.setId("forecast-period");
        period.getItems().setAll(ForecastViewModel.Period.values());
        period.setConverter(new StringConverter<>() {
            @Override
            public String toString(ForecastViewModel.Period p) {
                return p == null ? "" : messages.get("forecast.period." + p.name().toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public ForecastViewModel.Period fromString(String s) {
                return null;
            }
        });
        period.valueProperty().bindBidirectional(vm.periodProperty());
        var all = new CheckBox(messages.get("forecast.allPipelines"));
        all.setId("forecast-all-pipelines");
        all.selectedProperty().bindBidirectional(vm.allPipelinesProperty());
        var busy = new ProgressIndicator();
        busy.setPrefSize(20, 20);
        busy.visibleProperty().bind(vm.loadingProperty());
        var periodLabel = new Label(messages.get("forecast.period"));
        periodLabel.getStyleClass().add("muted");
        range.getStyleClass().add("muted");
        range.setId("forecast-range");
        var controls = new HBox(10, periodLabel, period, range, all, busy);
        controls.setAlignment(Pos.CENTER_LEFT);

        tiles.getStyleClass().add("forecast-tiles");

        monthChart = new BarChart<>(new CategoryAxis(), new NumberAxis());
        monthChart.setId("forecast-month-chart");
        monthChart.setAnimated(false);
        monthChart.setLegendVisible(true);
        monthChart.setPrefHeight(300);
        stageChart = new BarChart<>(new CategoryAxis(), new NumberAxis());
        stageChart.setId("forecast-stage-chart");
        stageChart.setAnimated(false);
        stageChart.setLegendVisible(false);
        stageChart.setPrefHeight(260);
        funnelChart = new BarChart<>(new NumberAxis(), new CategoryAxis());
        funnelChart.setId("forecast-funnel-chart");
        funnelChart.setAnimated(false);
        funnelChart.setLegendVisible(false);
        funnelChart.setPrefHeight(260);

        buildOwnerTable();
        buildFunnelTable();
        error.getStyleClass().add("error-text");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        currencyNote.getStyleClass().add("muted");
        currencyNote.setWrapText(true);

        var grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(16);
        var half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        grid.add(card(messages.get("forecast.byMonth"), monthChart), 0, 0);
        grid.add(card(messages.get("forecast.byOwner"), owners), 1, 0);
        grid.add(card(messages.get("forecast.daysPerStage"), stageChart), 0, 1);
        grid.add(card(messages.get("forecast.funnel"), new VBox(8, funnelChart, funnelTable)), 1, 1);

        var page = new VBox(16, controls, error, tiles, currencyNote, grid);
        page.setPadding(new Insets(16));
        page.getStyleClass().add("forecast-page");
        root = new ScrollPane(page);
        root.setFitToWidth(true);
        root.setId("pipeline-forecast");
        vm.forecastProperty().addListener((o, a, f) -> show(f));
    }

    Node root() {
        return root;
    }

    private VBox card(String title, Node content) {
        var t = new Label(title);
        t.getStyleClass().add("card-title");
        var box = new VBox(10, t, content);
        box.getStyleClass().add("card");
        VBox.setVgrow(content, Priority.ALWAYS);
        return box;
    }

    private VBox tile(String id, String title, String value, String detail) {
        var t = new Label(title);
        t.getStyleClass().add("card-title");
        var v = new Label(value);
        v.getStyleClass().add("metric-value");
        v.setId(id);
        var d = new Label(detail);
        d.getStyleClass().add("muted");
        d.setWrapText(true);
        d.setMinHeight(Region.USE_PREF_SIZE);
        var box = new VBox(4, t, v, d);
        box.getStyleClass().addAll("card", "metric-tile");
        box.setMaxWidth(Double.MAX_VALUE);
        box.setMinWidth(0);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private void show(Forecast f) {
        if (f == null) {
            return;
        }
        String cur = f.organizationCurrency();
        List<Forecast.MonthForecast> mine = f.monthsIn(cur);
        BigDecimal weighted = mine.stream().map(Forecast.MonthForecast::weighted).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal total = mine.stream().map(Forecast.MonthForecast::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        long open = mine.stream().mapToLong(Forecast.MonthForecast::count).sum();
        var size = f.dealSizes().stream().filter(s -> s.currency().equals(cur)).findFirst();
        tiles.getChildren().setAll(
                tile("forecast-weighted", messages.get("forecast.tile.weighted"), formats.money(weighted, cur),
                        messages.get("forecast.tile.weightedDetail", open, formats.money(total, cur))),
                tile("forecast-win-rate", messages.get("forecast.tile.winRate"), formats.percent(f.winRate().percent()),
                        messages.get("forecast.tile.winRateDetail", f.winRate().won(), f.winRate().lost())),
                tile("forecast-deal-size", messages.get("forecast.tile.dealSize"),
                        size.map(s -> formats.money(s.average(), cur)).orElse(messages.get("pipeline.none")),
                        messages.get("forecast.tile.dealSizeDetail", size.map(Forecast.DealSize::won).orElse(0L))),
                tile("forecast-cycle", messages.get("forecast.tile.cycle"), f.cycle().averageDays() == null
                                ? messages.get("pipeline.none") : messages.get("forecast.days", formats.days(f.cycle().averageDays())),
                        messages.get("forecast.tile.cycleDetail", formats.days(f.cycle().medianDays()), f.cycle().deals())));
        range.setText(formats.date(f.from()) + " \u2013 " + formats.date(f.to()));

        long others = f.openDealsInOtherCurrencies(cur);
        currencyNote.setText(others == 0 ? messages.get("forecast.currencyNote", cur)
                : messages.get("forecast.currencyNoteOthers", cur, others));

        var weightedSeries = new XYChart.Series<String, Number>();
        weightedSeries.setName(messages.get("forecast.series.weighted"));
        var totalSeries = new XYChart.Series<String, Number>();
        totalSeries.setName(messages.get("forecast.series.total"));
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMM yyyy", formats.locale());
        for (var m : mine) {
            String label = switch (m.bucket()) {
                case OVERDUE -> messages.get("forecast.bucket.overdue");
                case LATER -> messages.get("forecast.bucket.later");
                case NO_DATE -> messages.get("forecast.bucket.noDate");
                case MONTH -> month.format(m.month());
            };
            weightedSeries.getData().add(new XYChart.Data<>(label, m.weighted()));
            totalSeries.getData().add(new XYChart.Data<>(label, m.total()));
        }
        monthChart.getData().setAll(List.of(totalSeries, weightedSeries));

        owners.getItems().setAll(f.owners());

        var stageSeries = new XYChart.Series<String, Number>();
        for (var s : f.stageDurations()) {
            stageSeries.getData().add(new XYChart.Data<>(s.stageName(), Math.round(s.averageDays() * 10) / 10.0));
        }
        stageChart.getData().setAll(List.of(stageSeries));
        stageChart.setTitle(f.stageDurations().isEmpty() ? messages.get("forecast.noMoves") : null);

        var funnelSeries = new XYChart.Series<Number, String>();
        for (var s : f.funnel().reversed()) {
            funnelSeries.getData().add(new XYChart.Data<>(s.leads(), messages.get("forecast.leadStage." + s.stage())));
        }
        funnelChart.getData().setAll(List.of(funnelSeries));
        funnelTable.getItems().setAll(f.funnel());
    }

    private void buildOwnerTable() {
        owners.setId("forecast-owners");
        owners.setPrefHeight(300);
        owners.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        owners.setPlaceholder(new Label(messages.get("forecast.noOpenDeals")));
        var name = new TableColumn<Forecast.OwnerForecast, String>(messages.get("forecast.owner"));
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().ownerName() == null
                ? messages.get("pipeline.card.unassigned") : c.getValue().ownerName()));
        var deals = new TableColumn<Forecast.OwnerForecast, String>(messages.get("forecast.deals"));
        deals.setCellValueFactory(c -> new ReadOnlyStringWrapper(Long.toString(c.getValue().count())));
        deals.setStyle("-fx-alignment: CENTER-RIGHT;");
        var total = new TableColumn<Forecast.OwnerForecast, String>(messages.get("forecast.total"));
        total.setCellValueFactory(c -> new ReadOnlyStringWrapper(formats.money(c.getValue().total(), c.getValue().currency())));
        total.setStyle("-fx-alignment: CENTER-RIGHT;");
        var weighted = new TableColumn<Forecast.OwnerForecast, String>(messages.get("forecast.weighted"));
        weighted.setCellValueFactory(c -> new ReadOnlyStringWrapper(formats.money(c.getValue().weighted(), c.getValue().currency())));
        weighted.setStyle("-fx-alignment: CENTER-RIGHT;");
        // One row per owner and currency (sums never mix currencies): the currency gets its own column,
        // and the amounts room enough for large sums in any currency.
        var currency = new TableColumn<Forecast.OwnerForecast, String>(messages.get("forecast.currency"));
        currency.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().currency()));
        currency.setId("forecast-owners-currency");
        name.setMinWidth(110);
        name.setPrefWidth(170);
        deals.setMinWidth(68);
        deals.setPrefWidth(68);
        currency.setMinWidth(90);
        currency.setPrefWidth(90);
        for (var amount : List.of(total, weighted)) {
            amount.setMinWidth(122);
            amount.setPrefWidth(140);
        }
        owners.getColumns().setAll(List.of(name, currency, deals, total, weighted));
    }

    private void buildFunnelTable() {
        funnelTable.setId("forecast-funnel");
        funnelTable.setPrefHeight(200);
        funnelTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        var stage = new TableColumn<Forecast.FunnelStage, String>(messages.get("forecast.leadStage"));
        stage.setCellValueFactory(c -> new ReadOnlyStringWrapper(messages.get("forecast.leadStage." + c.getValue().stage())));
        var leads = new TableColumn<Forecast.FunnelStage, String>(messages.get("forecast.leads"));
        leads.setCellValueFactory(c -> new ReadOnlyStringWrapper(Long.toString(c.getValue().leads())));
        leads.setStyle("-fx-alignment: CENTER-RIGHT;");
        var reached = new TableColumn<Forecast.FunnelStage, String>(messages.get("forecast.reached"));
        reached.setCellValueFactory(c -> new ReadOnlyStringWrapper(reached(c.getValue())));
        reached.setStyle("-fx-alignment: CENTER-RIGHT;");
        var value = new TableColumn<Forecast.FunnelStage, String>(messages.get("forecast.value"));
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(vm.forecastProperty().get() == null ? ""
                : formats.money(c.getValue().value(), vm.forecastProperty().get().organizationCurrency())));
        value.setStyle("-fx-alignment: CENTER-RIGHT;");
        funnelTable.getColumns().setAll(List.of(stage, leads, reached, value));
    }

    /** Share of leads that got at least this far (lost leads count only for "closed lost"). */
    private String reached(Forecast.FunnelStage s) {
        var f = vm.forecastProperty().get();
        if (f == null || s.stage().equals("closed_lost")) {
            return "";
        }
        List<String> order = ForecastService.LEAD_STAGES;
        long all = f.funnel().stream().filter(x -> !x.stage().equals("closed_lost")).mapToLong(Forecast.FunnelStage::leads).sum();
        int idx = order.indexOf(s.stage());
        long atLeast = f.funnel().stream().filter(x -> !x.stage().equals("closed_lost") && order.indexOf(x.stage()) >= idx)
                .mapToLong(Forecast.FunnelStage::leads).sum();
        return all == 0 ? "" : formats.percent(atLeast * 100.0 / all);
    }

    static Region spacer() {
        var r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}
