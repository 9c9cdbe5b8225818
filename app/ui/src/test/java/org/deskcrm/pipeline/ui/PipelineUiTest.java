package org.deskcrm.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deskcrm.db.Tables.DEAL_STAGE_HISTORY;
import static org.deskcrm.db.Tables.USERS;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.deskcrm.app.AppDriver;
import org.deskcrm.audit.AuditAction;
import org.deskcrm.audit.AuditEntry;
import org.deskcrm.deal.BoardFilter;
import org.deskcrm.deal.DealCard;
import org.deskcrm.deal.DealDraft;
import org.deskcrm.demo.DemoWorkspace;
import org.deskcrm.pipeline.Pipeline;
import org.deskcrm.pipeline.PipelineStage;
import org.deskcrm.pipeline.PipelineType;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Role;
import org.deskcrm.security.UserDraft;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The dashboard and the board in the real app (headless): drag and drop between and within
 * columns, the keyboard moves, and a viewer who sees the board read-only. One app for the class;
 * the tests run in order on their own pipeline, so demo data cannot disturb them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineUiTest {
    private static final String BOARD = "UI test board";
    private AppDriver app;
    private PipelineFeature feature;
    private CurrentUser admin;
    private Pipeline pipeline;
    private List<PipelineStage> stages;

    @BeforeAll
    void start() throws Exception {
        app = AppDriver.start("--demo", "1");
        app.waitFor("#status-user", 120);
        var context = app.app().context();
        feature = context.features.stream().filter(PipelineFeature.class::isInstance).map(PipelineFeature.class::cast)
                .findFirst().orElseThrow();
        UUID adminId = context.db.dsl().select(USERS.ID).from(USERS).where(USERS.EMAIL_LC.eq(DemoWorkspace.ADMIN_EMAIL))
                .fetchSingle(USERS.ID);
        admin = context.auth.session(adminId, context.auth.organizationsOf(adminId).getFirst());
        pipeline = feature.admin().createPipeline(admin, BOARD, null, PipelineType.SALES);
        stages = feature.pipelines().stages(admin, pipeline.id());
        for (String name : List.of("Alpha", "Bravo", "Charlie")) {
            feature.deals().create(admin, DealDraft.of(name, null, new BigDecimal("1000")).withStage(pipeline.id(), stage("Lead").id()));
        }
        for (String name : List.of("Delta", "Echo", "Foxtrot")) {
            feature.deals().create(admin, DealDraft.of(name, null, new BigDecimal(name.length() * 1000))
                    .withStage(pipeline.id(), stage("Negotiation").id()));
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    @Order(1)
    void theDashboardComesFirstAndShowsTheOpenPipeline() {
        app.waitFor("#dashboard", 30);
        app.robot().clickOn("#dashboard-refresh");
        Label value = app.waitFor("#dashboard-pipeline-value", 30);
        Label detail = app.robot().lookup("#dashboard-pipeline-detail").queryAs(Label.class);
        app.waitUntil(() -> detail.getText().contains("open deals") && value.getText().contains("$"), 60, "pipeline tile loaded");
        app.assertShowing("#dashboard-tasks");
        app.assertShowing("#dashboard-closing");
        app.assertShowing("#dashboard-winrate-value");
    }

    @Test
    @Order(2)
    void dragAndDropMovesCardsBetweenStagesAndWithinAColumn() {
        openBoard();
        // Alpha: Lead -> Qualified
        app.robot().drag(cell("Alpha"), MouseButton.PRIMARY).moveTo(list("Qualified")).drop();
        app.waitUntil(() -> stageOf("Alpha").equals("Qualified"), 60, "Alpha moved to Qualified");
        app.waitUntil(() -> list("Qualified").getItems().stream().anyMatch(c -> c.name().equals("Alpha")), 30, "card shown in Qualified");
        var alpha = card("Alpha");
        assertThat(alpha.probability()).isEqualTo(25);
        assertThat(app.app().context().db.dsl().fetchCount(DEAL_STAGE_HISTORY, DEAL_STAGE_HISTORY.DEAL_ID.eq(alpha.id())))
                .isEqualTo(2);

        // Charlie above Bravo in Lead (drop on the upper part of Bravo's card).
        assertThat(names("Lead")).containsExactly("Bravo", "Charlie");
        app.robot().drag(cell("Charlie"), MouseButton.PRIMARY)
                .moveTo(cell("Bravo"), Pos.TOP_CENTER, new Point2D(0, 12), org.testfx.robot.Motion.DIRECT).drop();
        app.waitUntil(() -> names("Lead").equals(List.of("Charlie", "Bravo")), 60, "Charlie before Bravo");
        app.waitUntil(() -> list("Lead").getItems().stream().map(DealCard::name).toList().equals(List.of("Charlie", "Bravo")),
                30, "board shows the new order");
    }

    @Test
    @Order(3)
    void keyboardMovesTheSelectedCard() {
        openBoard();
        app.robot().clickOn(cell("Alpha"));
        app.robot().press(KeyCode.CONTROL, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.CONTROL);
        app.waitUntil(() -> stageOf("Alpha").equals("Proposal"), 60, "Ctrl+Right moved Alpha to Proposal");
        app.waitUntil(() -> list("Proposal").getSelectionModel().getSelectedItem() != null
                && list("Proposal").getSelectionModel().getSelectedItem().name().equals("Alpha"), 30, "Alpha stays selected");
        app.robot().press(KeyCode.CONTROL, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.CONTROL);
        app.waitUntil(() -> stageOf("Alpha").equals("Qualified"), 60, "Ctrl+Left moved Alpha back to Qualified");

        app.robot().clickOn(cell("Bravo"));
        app.robot().press(KeyCode.CONTROL, KeyCode.UP).release(KeyCode.UP, KeyCode.CONTROL);
        app.waitUntil(() -> names("Lead").equals(List.of("Bravo", "Charlie")), 60, "Ctrl+Up moved Bravo up");
        app.waitUntil(() -> list("Lead").getSelectionModel().getSelectedItem() != null, 30, "selection kept");
        app.robot().press(KeyCode.CONTROL, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.CONTROL);
        app.waitUntil(() -> names("Lead").equals(List.of("Charlie", "Bravo")), 60, "Ctrl+Down moved Bravo down");
    }

    @Test
    @Order(4)
    void theDealDetailShowsItsStageTimelineAndItsChanges() {
        openBoard();
        app.robot().doubleClickOn(cell("Alpha"));
        app.waitUntil(() -> app.robot().lookup("#deal-title").tryQueryAs(Label.class).map(l -> l.isVisible()
                && l.getText().equals("Alpha")).orElse(false), 60, "Alpha's detail");
        // Stage timeline: created in Lead, then Lead -> Qualified -> Proposal -> Qualified.
        app.waitUntil(() -> app.robot().lookup("#deal-history").queryListView().getItems().size() == 4, 60, "four stage entries");

        app.robot().clickOn(app.robot().lookup(".tab-label").match(LabeledMatchers.hasText("Changes")).queryAs(Label.class));
        app.waitUntil(() -> changes().map(l -> l.getItems().size() >= 4).orElse(false), 60, "the audit entries of the deal");
        ListView<AuditEntry> list = changes().orElseThrow();
        assertThat(list.getItems()).allSatisfy(e -> assertThat(e.recordId()).isEqualTo(card("Alpha").id()));
        assertThat(list.getItems()).extracting(AuditEntry::action).contains(AuditAction.INSERT, AuditAction.STAGE_CHANGE);
        assertThat(list.getItems().getFirst().action()).as("newest first").isEqualTo(AuditAction.STAGE_CHANGE);
        app.robot().clickOn("#deal-back");
        app.waitUntil(() -> !app.robot().lookup("#deal-detail-host").query().isVisible(), 30, "back on the board");
    }

    @SuppressWarnings("unchecked")
    private Optional<ListView<AuditEntry>> changes() {
        return app.robot().from(app.robot().lookup("#deal-page").queryAll()).lookup("#record-history").tryQuery()
                .filter(javafx.scene.Node::isVisible).map(n -> (ListView<AuditEntry>) n);
    }

    @Test
    @Order(5)
    void closingADealAsksWhyAndTheDetailShowsTheReason() {
        openBoard();
        // Won by keyboard: Negotiation -> Won asks the (optional) won reason.
        app.robot().clickOn(cell("Delta"));
        app.robot().press(KeyCode.CONTROL, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.CONTROL);
        app.waitFor("#reason-field", 30);
        assertThat(app.robot().lookup("#reason-ok").query().isDisabled()).as("a won reason is optional").isFalse();
        app.robot().clickOn("#reason-field").write("Best product fit for their team");
        app.robot().clickOn("#reason-note").write("Signed on the call");
        app.robot().clickOn("#reason-ok");
        app.waitUntil(() -> stageOf("Delta").equals("Won"), 60, "Delta won");
        var delta = feature.deals().get(admin, card("Delta").id());
        assertThat(delta.wonReason()).isEqualTo("Best product fit for their team");
        assertThat(delta.actualCloseDate()).isNotNull();

        // Lost by drag and drop; cancelling the question leaves the deal where it was.
        scrollBoardToEnd();
        app.robot().drag(cell("Foxtrot"), MouseButton.PRIMARY).moveTo(list("Lost")).drop();
        app.waitFor("#reason-field", 30);
        assertThat(app.robot().lookup("#reason-ok").query().isDisabled()).as("a loss reason is required").isTrue();
        app.robot().clickOn(app.robot().lookup(".dialog-pane .button").match(LabeledMatchers.hasText("Cancel"))
                .queryAs(javafx.scene.control.Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stageOf("Foxtrot")).isEqualTo("Negotiation");
        assertThat(list("Negotiation").getItems()).extracting(DealCard::name).contains("Foxtrot");

        app.robot().drag(cell("Echo"), MouseButton.PRIMARY).moveTo(list("Lost")).drop();
        app.waitFor("#reason-field", 30);
        app.robot().clickOn("#reason-field").write("Price too high");
        app.robot().clickOn("#reason-details").write("Their budget was cut in half");
        app.robot().clickOn("#reason-competitor").write("Acme Corp");
        app.robot().clickOn("#reason-ok");
        app.waitUntil(() -> stageOf("Echo").equals("Lost"), 60, "Echo lost");
        var echo = feature.deals().get(admin, card("Echo").id());
        assertThat(echo.lostReason()).isEqualTo("Price too high");
        assertThat(echo.lostReasonDetails()).isEqualTo("Their budget was cut in half");
        assertThat(echo.competitor()).isEqualTo("Acme Corp");
        assertThat(feature.deals().history(admin, delta.id())).extracting(h -> h.note())
                .contains("Won: Best product fit for their team — Signed on the call");

        // The deal's detail shows what was recorded.
        app.robot().doubleClickOn(cell("Echo"));
        app.waitUntil(() -> app.robot().lookup("#deal-title").tryQueryAs(Label.class).map(l -> l.isVisible()
                && l.getText().equals("Echo")).orElse(false), 60, "Echo's detail");
        app.waitUntil(() -> text("#deal-lost-reason").equals("Price too high"), 30, "lost reason shown");
        assertThat(text("#deal-competitor")).isEqualTo("Acme Corp");
        app.robot().clickOn("#deal-back");
        app.waitUntil(() -> !app.robot().lookup("#deal-detail-host").query().isVisible(), 30, "back on the board");
    }

    @Test
    @Order(6)
    void theForecastShowsTheWeightedPipelineOfTheServiceByMonthAndOwner() {
        openBoard();
        var open = stages.stream().filter(s -> !s.closed())
                .flatMap(s -> feature.deals().column(admin, pipeline.id(), s.id(), BoardFilter.NONE, null, 50).cards().stream())
                .toList();
        BigDecimal expected = open.stream().map(c -> c.value().multiply(BigDecimal.valueOf(c.probability())).movePointLeft(2))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(open).extracting(DealCard::name).containsExactlyInAnyOrder("Alpha", "Bravo", "Charlie", "Foxtrot");

        app.robot().clickOn("#pipeline-mode-forecast");
        app.waitUntil(() -> text("#forecast-weighted").contains(String.format(java.util.Locale.US, "%,.2f", expected)), 60,
                "the weighted pipeline " + expected);
        java.time.ZoneId zone = java.time.ZoneId.systemDefault();
        var today = java.time.LocalDate.now(zone);
        var service = feature.forecasts().forecast(admin, pipeline.id(), today.minusDays(89), today, java.time.YearMonth.from(today),
                ForecastViewModel.MONTHS, zone, org.deskcrm.platform.task.ProgressSink.NONE);
        String cur = service.organizationCurrency();
        assertThat(service.monthsIn(cur).stream().map(m -> m.weighted()).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(expected);

        // By month: the chart's weighted series is the service's, bucket by bucket.
        @SuppressWarnings("unchecked")
        var chart = (javafx.scene.chart.XYChart<String, Number>) app.robot().lookup("#forecast-month-chart").query();
        var weighted = chart.getData().stream().filter(s -> s.getName().equals("Weighted")).findFirst().orElseThrow();
        assertThat(weighted.getData()).extracting(d -> new BigDecimal(d.getYValue().toString()))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactlyElementsOf(service.monthsIn(cur).stream().map(m -> m.weighted()).toList());
        // By owner: one row (all these deals are the admin's), same numbers as the service.
        @SuppressWarnings("unchecked")
        var owners = (javafx.scene.control.TableView<org.deskcrm.pipeline.Forecast.OwnerForecast>) app.robot()
                .lookup("#forecast-owners").query();
        assertThat(owners.getItems()).containsExactlyElementsOf(service.owners());
        assertThat(owners.getItems()).singleElement().satisfies(o -> {
            assertThat(o.count()).isEqualTo(4);
            assertThat(o.weighted()).isEqualByComparingTo(expected);
        });
        // The won and the lost deal of the previous test make a 50 % win rate.
        assertThat(text("#forecast-win-rate")).isEqualTo("50%");
        app.robot().clickOn("#pipeline-mode-board");
    }

    @Test
    @Order(7)
    void anAdminRenamesAddsAndReordersStagesAndChangesTheirProbability() {
        openBoard();
        app.robot().clickOn("#pipeline-manage-stages");
        app.waitFor("#stage-admin-stages", 60);
        app.waitUntil(() -> stageLabel("Proposal").isPresent(), 60, "the stages of " + BOARD);

        // Rename "Proposal" and change its default probability.
        app.robot().clickOn(stageLabel("Proposal").orElseThrow());
        app.waitUntil(() -> text("#stage-admin-name").equals("Proposal"), 30, "Proposal in the form");
        retype("#stage-admin-name", "Proposal sent");
        retype("#stage-admin-probability", "60");
        app.robot().clickOn("#stage-admin-save");
        app.waitUntil(() -> stageNamed("Proposal sent").map(s -> s.defaultProbability() == 60).orElse(false), 60,
                "the renamed stage is saved with 60 %");
        app.waitUntil(() -> stageLabel("Proposal sent").isPresent(), 30, "the list shows the new name");

        // Add a stage: open stages go before the closed ones.
        retype("#stage-admin-name", "Demo");
        retype("#stage-admin-probability", "40");
        app.robot().clickOn("#stage-admin-add");
        app.waitUntil(() -> stageNamed("Demo").isPresent(), 60, "the new stage is saved");
        assertThat(stageNamed("Demo").orElseThrow().defaultProbability()).isEqualTo(40);
        assertThat(stageNamed("Demo").orElseThrow().closed()).isFalse();
        assertThat(activeStageNames()).containsExactly("Lead", "Qualified", "Proposal sent", "Negotiation", "Demo", "Won", "Lost");

        // Move it up one place.
        app.waitUntil(() -> text("#stage-admin-name").equals("Demo"), 30, "the new stage is selected");
        app.robot().clickOn("#stage-admin-up");
        app.waitUntil(() -> activeStageNames().equals(List.of("Lead", "Qualified", "Proposal sent", "Demo", "Negotiation", "Won", "Lost")),
                60, "Demo moved before Negotiation");
        @SuppressWarnings("unchecked")
        ListView<PipelineStage> list = app.robot().lookup("#stage-admin-stages").queryAs(ListView.class);
        app.waitUntil(() -> list.getItems().stream().map(PipelineStage::name).toList().subList(0, 5)
                .equals(List.of("Lead", "Qualified", "Proposal sent", "Demo", "Negotiation")), 30, "the list shows the new order");

        app.robot().clickOn(app.robot().lookup(".dialog-pane .button").match(LabeledMatchers.hasText("Close"))
                .queryAs(javafx.scene.control.Button.class));
        // The board follows: the renamed and the new column, in the new order.
        app.waitUntil(() -> listOpt("Proposal sent").isPresent() && listOpt("Demo").isPresent(), 60, "the board shows the new stages");
        var columns = app.robot().lookup(".board-list").queryAllAs(ListView.class).stream()
                .filter(l -> l.getUserData() instanceof BoardColumn c && c.stage().pipelineId().equals(pipeline.id()))
                .map(l -> ((BoardColumn) l.getUserData()).stage().name()).toList();
        assertThat(columns).containsSubsequence("Proposal sent", "Demo", "Negotiation");
        stages = feature.pipelines().stages(admin, pipeline.id());
    }

    private java.util.Optional<PipelineStage> stageNamed(String name) {
        return feature.pipelines().allStages(admin, pipeline.id()).stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private List<String> activeStageNames() {
        return feature.pipelines().allStages(admin, pipeline.id()).stream().filter(s -> !s.archived()).map(PipelineStage::name).toList();
    }

    private Optional<Label> stageLabel(String name) {
        return app.robot().lookup("#stage-admin-stages .label").match(LabeledMatchers.hasText(name)).tryQueryAs(Label.class);
    }

    /** Replaces the text of a field or an editable spinner; a spinner commits it when the focus leaves. */
    private void retype(String query, String value) {
        javafx.scene.Node n = app.robot().lookup(query).query();
        javafx.scene.Node editor = n instanceof javafx.scene.control.Spinner<?> sp ? sp.getEditor() : n;
        app.robot().clickOn(editor);
        app.robot().press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
        app.robot().write(value);
        app.robot().press(KeyCode.TAB).release(KeyCode.TAB);
    }

    private String text(String query) {
        return app.robot().lookup(query).tryQuery().map(n -> n instanceof javafx.scene.control.Labeled l ? l.getText()
                : n instanceof javafx.scene.control.TextInputControl t ? t.getText() : "").orElse("");
    }

    private void scrollBoardToEnd() {
        app.robot().interact(() -> app.robot().lookup(".board-scroll").queryAs(javafx.scene.control.ScrollPane.class).setHvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @Order(9)
    void aViewerSeesTheBoardButCannotMoveCards() throws Exception {
        var context = app.app().context();
        context.userAdmin.create(admin, new UserDraft("vera@demo.deskcrm.org", "Vera Viewer", "viewer password 1".toCharArray(),
                EnumSet.of(Role.VIEWER), null));
        app.robot().clickOn("#user-menu");
        app.robot().clickOn("#sign-out");
        app.waitFor("#signin-email", 60);
        app.type("#signin-email", "vera@demo.deskcrm.org");
        app.type("#signin-password", "viewer password 1");
        app.robot().clickOn("#signin-button");
        app.waitUntil(() -> app.robot().lookup("#status-user").tryQueryAs(Label.class)
                .map(l -> l.getText().contains("Vera Viewer")).orElse(false), 60, "signed in as the viewer");
        openBoard();
        assertThat(app.robot().lookup("#pipeline-new-deal").query().isVisible()).isFalse();
        assertThat(app.robot().lookup("#pipeline-manage-stages").query().isVisible()).isFalse();
        assertThat(list("Lead").getItems()).allSatisfy(c -> assertThat(c.editable()).isFalse());

        app.robot().drag(cell("Bravo"), MouseButton.PRIMARY).moveTo(list("Qualified")).drop();
        // The keyboard says why nothing moves; by then the drag has long been handled too.
        app.robot().clickOn(cell("Bravo"));
        app.robot().press(KeyCode.CONTROL, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.CONTROL);
        Label message = app.waitFor("#pipeline-message", 30);
        app.waitUntil(() -> message.getText().contains("read-only"), 30, "read-only message");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stageOf("Bravo")).isEqualTo("Lead");
        assertThat(names("Lead")).containsExactly("Charlie", "Bravo");
        assertThat(list("Lead").getItems()).extracting(DealCard::name).containsExactly("Charlie", "Bravo");
    }

    @Test
    @Order(10)
    void aSalesUserGetsNoStageAdministration() {
        var context = app.app().context();
        UUID salesId = context.userAdmin.create(admin, new UserDraft("sal@demo.deskcrm.org", "Sal Seller", "sales password 1".toCharArray(),
                EnumSet.of(Role.SALES), null));
        app.signOut();
        app.signIn("sal@demo.deskcrm.org", "sales password 1");
        app.waitUntil(() -> text("#status-user").contains("Sal Seller"), 60, "signed in as the sales user");
        // The admin's deals are not Sal's to see: the board of the test pipeline shows its columns only.
        app.robot().clickOn("#nav-pipeline");
        ComboBox<Pipeline> choice = app.waitFor("#pipeline-choice", 60);
        app.waitUntil(() -> choice.getItems().stream().anyMatch(p -> p.name().equals(BOARD)), 60, "pipelines loaded");
        app.robot().interact(() -> choice.getItems().stream().filter(p -> p.name().equals(BOARD)).findFirst()
                .ifPresent(p -> choice.getSelectionModel().select(p)));
        app.waitUntil(() -> listOpt("Lead").isPresent() && listOpt("Demo").isPresent(), 60, "the columns of " + BOARD);
        assertThat(app.robot().lookup("#pipeline-new-deal").query().isVisible()).as("sales may add deals").isTrue();
        assertThat(app.robot().lookup("#pipeline-manage-stages").query().isVisible()).as("but not manage stages").isFalse();
        var sales = context.auth.session(salesId, admin.organizationId());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> feature.admin().addStage(sales, pipeline.id(),
                        new org.deskcrm.pipeline.StageDraft("Sneaky", null, "#ff0000", 10, false, false)))
                .isInstanceOf(org.deskcrm.security.AccessDeniedException.class);
        assertThat(stageNamed("Sneaky")).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private void openBoard() {
        app.robot().clickOn("#nav-pipeline");
        ComboBox<Pipeline> choice = app.waitFor("#pipeline-choice", 60);
        app.waitUntil(() -> choice.getItems().stream().anyMatch(p -> p.name().equals(BOARD)), 60, "pipelines loaded");
        app.robot().interact(() -> choice.getItems().stream().filter(p -> p.name().equals(BOARD)).findFirst()
                .ifPresent(p -> choice.getSelectionModel().select(p)));
        app.waitUntil(() -> listOpt("Lead").map(l -> l.getItems().size() >= 2).orElse(false), 60, "board of " + BOARD);
    }

    private PipelineStage stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private Optional<ListView<DealCard>> listOpt(String stageName) {
        return app.robot().lookup(".board-list").queryAllAs(ListView.class).stream()
                .filter(l -> l.getUserData() instanceof BoardColumn c && c.stage().name().equals(stageName)
                        && c.stage().pipelineId().equals(pipeline.id()))
                .map(l -> (ListView<DealCard>) l)
                .findFirst();
    }

    private ListView<DealCard> list(String stageName) {
        return listOpt(stageName).orElseThrow(() -> new AssertionError("no column " + stageName));
    }

    @SuppressWarnings("unchecked")
    private ListCell<DealCard> cell(String dealName) {
        app.waitUntil(() -> findCell(dealName).isPresent(), 30, "card " + dealName + " visible");
        return findCell(dealName).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private Optional<ListCell<DealCard>> findCell(String dealName) {
        return app.robot().lookup(".deal-card-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.isVisible() && c.getItem() instanceof DealCard d && d.name().equals(dealName))
                .map(c -> (ListCell<DealCard>) c)
                .findFirst();
    }

    private DealCard card(String name) {
        return stages.stream()
                .flatMap(s -> feature.deals().column(admin, pipeline.id(), s.id(), BoardFilter.NONE, null, 50).cards().stream())
                .filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private String stageOf(String dealName) {
        UUID stageId = card(dealName).stageId();
        return stages.stream().filter(s -> s.id().equals(stageId)).findFirst().orElseThrow().name();
    }

    private List<String> names(String stageName) {
        return feature.deals().column(admin, pipeline.id(), stage(stageName).id(), BoardFilter.NONE, null, 50).cards().stream()
                .map(DealCard::name).toList();
    }
}
