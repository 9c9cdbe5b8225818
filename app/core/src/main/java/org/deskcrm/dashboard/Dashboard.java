package org.deskcrm.dashboard;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.deskcrm.deal.CurrencyTotal;

/** The records behind the dashboard's cards. */
public final class Dashboard {
    private Dashboard() {}

    /**
     * Money of one kind (open pipeline, won this month, overdue invoices) in the organization
     * currency, with the count of items in other currencies (never added in).
     */
    public record MoneySummary(String currency, long count, BigDecimal total, BigDecimal weighted, long otherCurrencyCount,
            List<CurrencyTotal> byCurrency) {

        public static MoneySummary of(String currency, List<CurrencyTotal> rows) {
            long count = 0;
            BigDecimal total = BigDecimal.ZERO;
            BigDecimal weighted = BigDecimal.ZERO;
            long others = 0;
            for (CurrencyTotal t : rows) {
                if (t.currency().equals(currency)) {
                    count += t.count();
                    total = total.add(t.total());
                    weighted = weighted.add(t.weighted());
                } else {
                    others += t.count();
                }
            }
            return new MoneySummary(currency, count, total, weighted, others, List.copyOf(rows));
        }
    }

    /** An event occurrence in the coming days (recurring series expanded). */
    public record UpcomingEvent(UUID id, String title, OffsetDateTime startsAt, OffsetDateTime endsAt, boolean allDay,
            String location, String companyName) {}

    /** A recent activity the user can see, with what it is about. */
    public record RecentActivity(UUID id, String type, String subject, OffsetDateTime occurredAt, String byName,
            UUID dealId, String dealName, UUID companyId, String companyName) {}
}
