package org.deskcrm.deal;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A board column's header: deals in the stage, with totals per currency (largest count first). */
public record StageTotals(UUID stageId, List<CurrencyTotal> byCurrency) {

    public long count() {
        return byCurrency.stream().mapToLong(CurrencyTotal::count).sum();
    }

    /** The totals in {@code currency}, zero when there are none. */
    public CurrencyTotal in(String currency) {
        return byCurrency.stream().filter(t -> t.currency().equals(currency)).findFirst()
                .orElse(new CurrencyTotal(currency, 0, BigDecimal.ZERO, BigDecimal.ZERO));
    }

    /** Deals in other currencies than {@code currency} (shown as a note, not added in). */
    public List<CurrencyTotal> others(String currency) {
        return byCurrency.stream().filter(t -> !t.currency().equals(currency)).toList();
    }
}
