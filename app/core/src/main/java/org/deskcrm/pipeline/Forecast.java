package org.deskcrm.pipeline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * The forecast of a pipeline for one user (their record rules applied): weighted open pipeline
 * by expected close month and by owner, win rate and average deal size over a period, average
 * days per stage and deal cycle length from the stage history, and the lead funnel. Money is
 * per currency; charts show the organization currency and note the others.
 */
public record Forecast(
        String organizationCurrency,
        LocalDate from,
        LocalDate to,
        List<MonthForecast> months,
        List<OwnerForecast> owners,
        WinRate winRate,
        List<DealSize> dealSizes,
        List<StageDuration> stageDurations,
        CycleLength cycle,
        List<FunnelStage> funnel) {

    /** Where an open deal's expected close date falls relative to the forecast months. */
    public enum Bucket { OVERDUE, MONTH, LATER, NO_DATE }

    /** Open deals expected to close in a month (or bucket), in one currency. */
    public record MonthForecast(Bucket bucket, YearMonth month, String currency, long count, BigDecimal total,
            BigDecimal weighted) {}

    /** An owner's open deals in one currency. */
    public record OwnerForecast(UUID ownerId, String ownerName, String currency, long count, BigDecimal total,
            BigDecimal weighted) {}

    /** Won / (won + lost) of deals closed in the period; {@code percent} is null when none closed. */
    public record WinRate(long won, long lost, Double percent) {
        public static WinRate of(long won, long lost) {
            return new WinRate(won, lost, won + lost == 0 ? null : won * 100.0 / (won + lost));
        }
    }

    /** Won deals of the period in one currency: count, total and average value. */
    public record DealSize(String currency, long won, BigDecimal total, BigDecimal average) {}

    /** Average time deals spent in a stage before leaving it (moves in the period). */
    public record StageDuration(UUID stageId, String stageName, int position, long moves, double averageDays) {}

    /** Days from a won deal's first placement to its close (deals won in the period). */
    public record CycleLength(long deals, Double averageDays, Double medianDays) {}

    /** Leads in one funnel stage; {@code value} in the organization currency (others counted apart). */
    public record FunnelStage(String stage, long leads, BigDecimal value, long otherCurrencyLeads) {}

    /** The period's totals in one currency, for charts: {@code currency}'s rows only. */
    public List<MonthForecast> monthsIn(String currency) {
        return months.stream().filter(m -> m.currency().equals(currency)).toList();
    }

    /** Open deals left out of currency-specific charts. */
    public long openDealsInOtherCurrencies(String currency) {
        return months.stream().filter(m -> !m.currency().equals(currency)).mapToLong(MonthForecast::count).sum();
    }
}
