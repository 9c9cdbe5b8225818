package org.deskcrm.pipeline.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.deskcrm.pipeline.Forecast;
import org.deskcrm.pipeline.ForecastService;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.task.BackgroundTask;
import org.deskcrm.ui.task.TaskHandle;
import org.deskcrm.ui.task.TaskRunner;

/** The forecast tab: a period, this pipeline or all, and the numbers of {@link ForecastService}. */
public final class ForecastViewModel {
    /** Reporting periods, each ending today. */
    public enum Period { THIS_MONTH, THIS_QUARTER, LAST_90_DAYS, THIS_YEAR, LAST_12_MONTHS }

    public static final int MONTHS = 6;

    private final CurrentUser user;
    private final ForecastService forecasts;
    private final TaskRunner tasks;
    private final Messages messages;
    private final Clock clock;
    private final ZoneId zone;
    private final ObjectProperty<Period> period = new SimpleObjectProperty<>(Period.LAST_90_DAYS);
    private final BooleanProperty allPipelines = new SimpleBooleanProperty();
    private final ObjectProperty<Forecast> forecast = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private UUID pipelineId;
    private TaskHandle running;

    public ForecastViewModel(CurrentUser user, ForecastService forecasts, TaskRunner tasks, Messages messages, Clock clock,
            ZoneId zone) {
        this.user = user;
        this.forecasts = forecasts;
        this.tasks = tasks;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
        period.addListener((o, a, b) -> load());
        allPipelines.addListener((o, a, b) -> load());
    }

    public ObjectProperty<Period> periodProperty() {
        return period;
    }

    public BooleanProperty allPipelinesProperty() {
        return allPipelines;
    }

    public ObjectProperty<Forecast> forecastProperty() {
        return forecast;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** Shows the forecast of this pipeline (or all, when chosen). */
    public void show(UUID pipeline) {
        this.pipelineId = pipeline;
        load();
    }

    public void load() {
        if (pipelineId == null && !allPipelines.get()) {
            return;
        }
        if (running != null) {
            running.requestCancel();
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate from = switch (period.get()) {
            case THIS_MONTH -> today.withDayOfMonth(1);
            case THIS_QUARTER -> today.with(IsoFields.DAY_OF_QUARTER, 1);
            case LAST_90_DAYS -> today.minusDays(89);
            case THIS_YEAR -> today.withDayOfYear(1);
            case LAST_12_MONTHS -> today.minusMonths(12).plusDays(1);
        };
        UUID scope = allPipelines.get() ? null : pipelineId;
        loading.set(true);
        error.set("");
        running = BackgroundTask.of(messages.get("forecast.task"), p -> forecasts.forecast(user, scope, from, today,
                        YearMonth.from(today), MONTHS, zone, p))
                .onSuccess(forecast::set)
                .onFailure(e -> error.set(e.getMessage()))
                .onFinally(() -> loading.set(false))
                .runOn(tasks);
    }
}
