package org.deskcrm.dashboard.ui;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.activity.Activity;
import org.deskcrm.dashboard.Dashboard;
import org.deskcrm.dashboard.DashboardService;
import org.deskcrm.deal.DealCard;
import org.deskcrm.pipeline.Forecast;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Resource;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.shell.Navigator;
import org.deskcrm.ui.task.BackgroundTask;
import org.deskcrm.ui.task.TaskRunner;

/**
 * The dashboard's cards, each loaded by its own background task (a slow card never holds up the
 * others) with its own loading and error state.
 */
public final class DashboardViewModel {

    /** Loading state of one card. */
    public static final class CardState {
        private final BooleanProperty loading = new SimpleBooleanProperty();
        private final StringProperty error = new SimpleStringProperty("");

        public BooleanProperty loadingProperty() {
            return loading;
        }

        public StringProperty errorProperty() {
            return error;
        }
    }

    private final CurrentUser user;
    private final DashboardService dashboard;
    private final TaskRunner tasks;
    private final Messages messages;
    private final Navigator navigator;
    private final ZoneId zone;
    private final Clock clock;

    private final ObjectProperty<Dashboard.MoneySummary> pipeline = new SimpleObjectProperty<>();
    private final ObjectProperty<Dashboard.MoneySummary> won = new SimpleObjectProperty<>();
    private final ObjectProperty<Forecast.WinRate> winRate = new SimpleObjectProperty<>();
    private final ObjectProperty<Dashboard.MoneySummary> invoices = new SimpleObjectProperty<>();
    private final ObservableList<Activity> tasksDue = FXCollections.observableArrayList();
    private final ObservableList<DealCard> closing = FXCollections.observableArrayList();
    private final ObservableList<Dashboard.UpcomingEvent> events = FXCollections.observableArrayList();
    private final ObservableList<Dashboard.RecentActivity> recent = FXCollections.observableArrayList();
    private final CardState pipelineState = new CardState();
    private final CardState wonState = new CardState();
    private final CardState winRateState = new CardState();
    private final CardState invoicesState = new CardState();
    private final CardState tasksState = new CardState();
    private final CardState closingState = new CardState();
    private final CardState eventsState = new CardState();
    private final CardState recentState = new CardState();
    private final StringProperty message = new SimpleStringProperty("");

    public DashboardViewModel(CurrentUser user, DashboardService dashboard, TaskRunner tasks, Messages messages,
            Navigator navigator, ZoneId zone, Clock clock) {
        this.user = user;
        this.dashboard = dashboard;
        this.tasks = tasks;
        this.messages = messages;
        this.navigator = navigator;
        this.zone = zone;
        this.clock = clock;
    }

    public CurrentUser user() { return user; }
    public ObjectProperty<Dashboard.MoneySummary> pipelineProperty() { return pipeline; }
    public ObjectProperty<Dashboard.MoneySummary> wonProperty() { return won; }
    public ObjectProperty<Forecast.WinRate> winRateProperty() { return winRate; }
    public ObjectProperty<Dashboard.MoneySummary> invoicesProperty() { return invoices; }
    public ObservableList<Activity> tasksDue() { return tasksDue; }
    public ObservableList<DealCard> closing() { return closing; }
    public ObservableList<Dashboard.UpcomingEvent> events() { return events; }
    public ObservableList<Dashboard.RecentActivity> recent() { return recent; }
    public CardState pipelineState() { return pipelineState; }
    public CardState wonState() { return wonState; }
    public CardState winRateState() { return winRateState; }
    public CardState invoicesState() { return invoicesState; }
    public CardState tasksState() { return tasksState; }
    public CardState closingState() { return closingState; }
    public CardState eventsState() { return eventsState; }
    public CardState recentState() { return recentState; }
    public StringProperty messageProperty() { return message; }

    public boolean showsDeals() {
        return user.can(Resource.DEALS, Action.READ);
    }

    public boolean showsTasks() {
        return user.can(Resource.ACTIVITIES, Action.READ);
    }

    public boolean showsInvoices() {
        return user.can(Resource.INVOICES, Action.READ);
    }

    public boolean showsEvents() {
        return user.can(Resource.EVENTS, Action.READ);
    }

    /** "Good morning, Dana" by the user's local time. */
    public String greeting() {
        int hour = LocalTime.now(clock.withZone(zone)).getHour();
        String first = user.displayName() == null ? "" : user.displayName().strip().split("\\s+")[0];
        String key = hour < 12 ? "dashboard.greeting.morning" : hour < 18 ? "dashboard.greeting.afternoon" : "dashboard.greeting.evening";
        return messages.get(key, first);
    }

    public java.time.LocalDate today() {
        return dashboard.today(zone);
    }

    /** Loads every card, each in its own task. */
    public void refresh() {
        if (showsDeals()) {
            card(pipelineState, () -> dashboard.openPipeline(user), pipeline::set);
            card(wonState, () -> dashboard.wonThisMonth(user, zone), won::set);
            card(winRateState, () -> dashboard.winRate90(user, zone), winRate::set);
            card(closingState, () -> dashboard.closingThisMonth(user, zone, 8), closing::setAll);
        }
        if (showsInvoices()) {
            card(invoicesState, () -> dashboard.overdueInvoices(user, zone), invoices::set);
        }
        if (showsTasks()) {
            card(tasksState, () -> dashboard.myTasks(user, zone, 12), tasksDue::setAll);
            card(recentState, () -> dashboard.recentActivity(user, 8), recent::setAll);
        }
        if (showsEvents()) {
            card(eventsState, () -> dashboard.upcomingEvents(user, zone, 7, 8), events::setAll);
        }
    }

    private <T> void card(CardState state, Callable<T> work, Consumer<T> show) {
        state.loadingProperty().set(true);
        state.errorProperty().set("");
        BackgroundTask.of(messages.get("dashboard.task"), p -> work.call())
                .onSuccess(show)
                .onFailure(e -> state.errorProperty().set(e.getMessage() == null ? messages.get("common.error") : e.getMessage()))
                .onFinally(() -> state.loadingProperty().set(false))
                .runOn(tasks);
    }

    /** Ticks a task off: it leaves the list once the service has marked it done. */
    public void complete(Activity task) {
        BackgroundTask.of(messages.get("dashboard.task.complete"), p -> dashboard.completeTask(user, task))
                .onSuccess(done -> tasksDue.removeIf(a -> a.id().equals(done.id())))
                .onFailure(e -> {
                    tasksState.errorProperty().set(e.getMessage());
                    card(tasksState, () -> dashboard.myTasks(user, zone, 12), tasksDue::setAll);
                })
                .runOn(tasks);
    }

    public void openDeal(java.util.UUID id) {
        open("deal", id);
    }

    public void openEvent(java.util.UUID id) {
        open("event", id);
    }

    public void openActivity(Dashboard.RecentActivity a) {
        if (a.dealId() != null) {
            open("deal", a.dealId());
        } else if (a.companyId() != null) {
            open("company", a.companyId());
        }
    }

    public void openTask(Activity a) {
        if (a.dealId() != null) {
            open("deal", a.dealId());
        } else if (a.companyId() != null) {
            open("company", a.companyId());
        }
    }

    public void showPipeline() {
        navigator.show("pipeline");
    }

    private void open(String type, java.util.UUID id) {
        if (!navigator.openRecord(type, id)) {
            message.set(messages.get("dashboard.cannotOpen." + type));
        }
    }
}
