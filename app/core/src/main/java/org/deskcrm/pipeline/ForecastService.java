package org.deskcrm.pipeline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.deskcrm.deal.persistence.DealRepository;
import org.deskcrm.pipeline.Forecast.Bucket;
import org.deskcrm.pipeline.persistence.ForecastRepository;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Resource;
import org.jooq.DSLContext;

/** Builds the {@link Forecast} of a pipeline (or of all pipelines) for one user and period. */
public final class ForecastService {
    /** Lead stages in funnel order (seed 003). */
    public static final List<String> LEAD_STAGES = List.of("prospect", "qualified", "proposal", "negotiation",
            "closed_won", "closed_lost");

    private final DSLContext dsl;
    private final ForecastRepository forecasts;
    private final DealRepository deals;

    public ForecastService(DSLContext dsl, ForecastRepository forecasts, DealRepository deals) {
        this.dsl = dsl;
        this.forecasts = forecasts;
        this.deals = deals;
    }

    /** Whether the user may open the forecast (deal and report read permissions). */
    public static boolean canView(CurrentUser user) {
        return user.can(Resource.DEALS, Action.READ) && user.can(Resource.REPORTS, Action.READ);
    }

    /**
     * @param pipelineId one pipeline, or null for all
     * @param from first day of the period (closed deals, stage history), inclusive
     * @param to last day of the period, inclusive
     * @param firstMonth the first forecast month; earlier close dates are {@link Bucket#OVERDUE}
     * @param months how many months to forecast; later close dates are {@link Bucket#LATER}
     * @param zone the user's zone, for the period's instants
     */
    public Forecast forecast(CurrentUser user, UUID pipelineId, LocalDate from, LocalDate to, YearMonth firstMonth,
            int months, ZoneId zone, ProgressSink progress) {
        user.require(Resource.DEALS, Action.READ);
        user.require(Resource.REPORTS, Action.READ);
        if (from.isAfter(to)) {
            throw new ValidationException("from", "The period starts after it ends.");
        }
        String currency = deals.organization(dsl, user.organizationId()).currency();
        progress.update(0, 6, "Pipeline by month");
        var monthRows = months(forecasts.openByMonth(dsl, user, pipelineId), firstMonth, months);
        progress.checkCancelled();
        progress.update(1, 6, "Pipeline by owner");
        var owners = forecasts.openByOwner(dsl, user, pipelineId).stream()
                .map(r -> new Forecast.OwnerForecast(r.ownerId(), r.ownerName(), r.currency(), r.count(), r.total(), r.weighted()))
                .sorted(Comparator.comparing(Forecast.OwnerForecast::weighted).reversed())
                .toList();
        progress.checkCancelled();
        progress.update(2, 6, "Win rate");
        var closed = forecasts.closed(dsl, user, pipelineId, from, to);
        long won = closed.stream().filter(r -> r.status().equals("won")).mapToLong(ForecastRepository.ClosedRow::count).sum();
        long lost = closed.stream().filter(r -> r.status().equals("lost")).mapToLong(ForecastRepository.ClosedRow::count).sum();
        List<Forecast.DealSize> sizes = closed.stream().filter(r -> r.status().equals("won"))
                .map(r -> new Forecast.DealSize(r.currency(), r.count(), r.total(),
                        r.total().divide(BigDecimal.valueOf(r.count()), 2, RoundingMode.HALF_UP)))
                .sorted(Comparator.comparing(Forecast.DealSize::won).reversed())
                .toList();
        progress.checkCancelled();
        progress.update(3, 6, "Time per stage");
        var fromInstant = from.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        var toInstant = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        var durations = forecasts.stageDurations(dsl, user, pipelineId, fromInstant, toInstant).stream()
                .map(r -> new Forecast.StageDuration(r.stageId(), r.stageName(), r.position() == null ? Integer.MAX_VALUE : r.position(),
                        r.moves(), r.moves() == 0 ? 0 : r.seconds() / 86_400.0 / r.moves()))
                .sorted(Comparator.comparingInt(Forecast.StageDuration::position))
                .toList();
        progress.checkCancelled();
        progress.update(4, 6, "Deal cycle");
        var cycle = cycle(forecasts.wonCycles(dsl, user, pipelineId, from, to));
        progress.checkCancelled();
        progress.update(5, 6, "Lead funnel");
        var funnel = funnel(forecasts.leadFunnel(dsl, user), currency);
        progress.update(6, 6, null);
        return new Forecast(currency, from, to, monthRows, owners, Forecast.WinRate.of(won, lost), sizes, durations, cycle, funnel);
    }

    /** Win rate of deals closed in [from, to] (dashboard). */
    public Forecast.WinRate winRate(CurrentUser user, UUID pipelineId, LocalDate from, LocalDate to) {
        var closed = forecasts.closed(dsl, user, pipelineId, from, to);
        long won = closed.stream().filter(r -> r.status().equals("won")).mapToLong(ForecastRepository.ClosedRow::count).sum();
        long lost = closed.stream().filter(r -> r.status().equals("lost")).mapToLong(ForecastRepository.ClosedRow::count).sum();
        return Forecast.WinRate.of(won, lost);
    }

    static List<Forecast.MonthForecast> months(List<ForecastRepository.MonthRow> rows, YearMonth first, int count) {
        YearMonth last = first.plusMonths(Math.max(1, count) - 1L);
        record Key(Bucket bucket, YearMonth month, String currency) {}
        Map<Key, Forecast.MonthForecast> sums = new LinkedHashMap<>();
        for (var r : rows) {
            Bucket bucket;
            YearMonth month = null;
            if (r.year() == null || r.month() == null) {
                bucket = Bucket.NO_DATE;
            } else {
                YearMonth ym = YearMonth.of(r.year(), r.month());
                if (ym.isBefore(first)) {
                    bucket = Bucket.OVERDUE;
                } else if (ym.isAfter(last)) {
                    bucket = Bucket.LATER;
                } else {
                    bucket = Bucket.MONTH;
                    month = ym;
                }
            }
            var key = new Key(bucket, month, r.currency());
            sums.merge(key, new Forecast.MonthForecast(bucket, month, r.currency(), r.count(), r.total(), r.weighted()),
                    (a, b) -> new Forecast.MonthForecast(bucket, a.month(), a.currency(), a.count() + b.count(),
                            a.total().add(b.total()), a.weighted().add(b.weighted())));
        }
        List<Forecast.MonthForecast> out = new ArrayList<>();
        // Every forecast month appears (zero when empty) for each currency that has open deals.
        var currencies = rows.stream().map(ForecastRepository.MonthRow::currency).distinct().sorted().toList();
        for (String cur : currencies) {
            add(out, sums.get(new Key(Bucket.OVERDUE, null, cur)));
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                var v = sums.get(new Key(Bucket.MONTH, m, cur));
                out.add(v != null ? v : new Forecast.MonthForecast(Bucket.MONTH, m, cur, 0, BigDecimal.ZERO, BigDecimal.ZERO));
            }
            add(out, sums.get(new Key(Bucket.LATER, null, cur)));
            add(out, sums.get(new Key(Bucket.NO_DATE, null, cur)));
        }
        return out;
    }

    private static void add(List<Forecast.MonthForecast> out, Forecast.MonthForecast m) {
        if (m != null) {
            out.add(m);
        }
    }

    static Forecast.CycleLength cycle(List<ForecastRepository.CycleRow> rows) {
        if (rows.isEmpty()) {
            return new Forecast.CycleLength(0, null, null);
        }
        double[] days = rows.stream().mapToDouble(r -> Duration.between(r.first(), r.last()).getSeconds() / 86_400.0)
                .sorted().toArray();
        double sum = 0;
        for (double d : days) {
            sum += d;
        }
        double median = days.length % 2 == 1 ? days[days.length / 2] : (days[days.length / 2 - 1] + days[days.length / 2]) / 2;
        return new Forecast.CycleLength(days.length, sum / days.length, median);
    }

    static List<Forecast.FunnelStage> funnel(List<ForecastRepository.FunnelRow> rows, String currency) {
        List<Forecast.FunnelStage> out = new ArrayList<>();
        for (String stage : LEAD_STAGES) {
            long leads = 0;
            long others = 0;
            BigDecimal value = BigDecimal.ZERO;
            for (var r : rows) {
                if (!r.stage().equals(stage)) {
                    continue;
                }
                leads += r.count();
                if (r.currency() == null || r.currency().equals(currency)) {
                    value = value.add(r.total());
                } else {
                    others += r.count();
                }
            }
            out.add(new Forecast.FunnelStage(stage, leads, value, others));
        }
        return out;
    }
}
