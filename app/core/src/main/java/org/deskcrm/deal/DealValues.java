package org.deskcrm.deal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Set;

/** The derived numbers of a deal (SR-7) and the value lists of its fields. */
public final class DealValues {
    private DealValues() {}

    public static final List<String> SOURCES = List.of("website", "referral", "brief_wizard", "cold_outreach", "inbound",
            "partner", "outbound", "event", "marketing", "other");
    public static final List<String> PRIORITIES = List.of("low", "medium", "high");
    static final Set<String> SOURCE_SET = Set.copyOf(SOURCES);
    static final Set<String> PRIORITY_SET = Set.copyOf(PRIORITIES);

    /** expected revenue = round(value × probability / 100, 4, HALF_UP). */
    public static BigDecimal expectedRevenue(BigDecimal value, int probability) {
        return value.multiply(BigDecimal.valueOf(probability)).divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP);
    }

    /** quantity × unit price rounded to the currency's minor unit, less the discount. */
    public static BigDecimal lineTotal(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount, String currency) {
        return quantity.multiply(unitPrice).setScale(minorUnits(currency), RoundingMode.HALF_UP)
                .subtract(discount == null ? BigDecimal.ZERO : discount);
    }

    public static int minorUnits(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 4 : digits;
        } catch (IllegalArgumentException | NullPointerException e) {
            return 2;
        }
    }

    public static boolean isCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
