package org.deskcrm.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.deskcrm.platform.persistence.ValidationException;

/**
 * Exact money arithmetic for invoices, orders and products.
 *
 * <p><b>Rounding rule (documented choice).</b> Every line is rounded on its own to the currency's
 * minor unit ({@link Currency#getDefaultFractionDigits()}: 2 for USD/EUR, 0 for JPY, 3 for BHD)
 * with {@link RoundingMode#HALF_UP} — the commercial rounding customers expect on paper, rather
 * than banker's rounding:
 * <ol>
 * <li>gross = round(quantity × unit price)
 * <li>discount = round(discount) (an amount off the line, never more than gross)
 * <li>net = gross − discount
 * <li>tax = round(net × tax rate / 100)
 * <li>line total = net + tax
 * </ol>
 * Document totals are plain sums of the rounded line figures, never re-rounded: subtotal = Σ gross,
 * discount = Σ discount, tax = Σ tax, total = Σ line total = subtotal − discount + tax. So the
 * figures printed on an invoice always add up exactly, line by line and in the totals block.
 */
public final class Money {
    /** The rounding of every line amount. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Money() {}

    /** The amounts of one line, each already rounded to the currency's minor unit. */
    public record LineAmounts(BigDecimal gross, BigDecimal discount, BigDecimal net, BigDecimal tax, BigDecimal total) {}

    /** The totals of a document: sums of its rounded lines. */
    public record Totals(BigDecimal subtotal, BigDecimal discount, BigDecimal tax, BigDecimal total) {}

    /** Digits after the decimal point of a currency (ISO 4217); unknown codes are refused. */
    public static int scale(String currency) {
        return currency(currency).getDefaultFractionDigits() < 0 ? 2 : currency(currency).getDefaultFractionDigits();
    }

    /** The currency for an ISO 4217 code, or a validation error naming the field "currency". */
    public static Currency currency(String code) {
        if (code == null || code.isBlank()) {
            throw new ValidationException("currency", "Choose a currency.");
        }
        try {
            return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("currency", "\"" + code + "\" is not an ISO 4217 currency code (like USD or EUR).");
        }
    }

    /** Rounds an amount to the currency's minor unit (HALF_UP). */
    public static BigDecimal round(BigDecimal amount, String currency) {
        return amount.setScale(scale(currency), ROUNDING);
    }

    public static BigDecimal zero(String currency) {
        return BigDecimal.ZERO.setScale(scale(currency));
    }

    /**
     * The amounts of one line.
     *
     * @param taxRate percent, e.g. 20 for 20 %
     * @param discount an amount off the line (not a percentage), at most quantity × unit price
     */
    public static LineAmounts line(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount, BigDecimal taxRate,
            String currency) {
        BigDecimal gross = round(quantity.multiply(unitPrice), currency);
        BigDecimal off = round(discount == null ? BigDecimal.ZERO : discount, currency);
        if (off.compareTo(gross) > 0) {
            off = gross;
        }
        BigDecimal net = gross.subtract(off);
        BigDecimal rate = taxRate == null ? BigDecimal.ZERO : taxRate;
        BigDecimal tax = round(net.multiply(rate).divide(HUNDRED), currency);
        return new LineAmounts(gross, off, net, tax, net.add(tax));
    }

    public static Totals totals(List<LineAmounts> lines, String currency) {
        BigDecimal subtotal = zero(currency);
        BigDecimal discount = zero(currency);
        BigDecimal tax = zero(currency);
        BigDecimal total = zero(currency);
        for (LineAmounts l : lines) {
            subtotal = subtotal.add(l.gross());
            discount = discount.add(l.discount());
            tax = tax.add(l.tax());
            total = total.add(l.total());
        }
        return new Totals(subtotal, discount, tax, total);
    }
}
