package org.deskcrm.invoice.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import org.deskcrm.invoice.Money;

/** How the commerce screens show money, numbers and dates in the user's locale and time zone. */
public final class Formats {
    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;

    public Formats(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale);
    }

    public Locale locale() {
        return locale;
    }

    /** An amount with its currency symbol and the currency's minor unit, e.g. "€1,234.50". */
    public String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        NumberFormat f = NumberFormat.getCurrencyInstance(locale);
        try {
            f.setCurrency(Currency.getInstance(currency));
            f.setMinimumFractionDigits(Money.scale(currency));
            f.setMaximumFractionDigits(Money.scale(currency));
        } catch (RuntimeException unknown) {
            return amount.toPlainString() + " " + currency;
        }
        return f.format(amount);
    }

    /** A plain number (quantities, rates) with up to 4 decimals. */
    public String number(BigDecimal n) {
        if (n == null) {
            return "";
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(4);
        f.setGroupingUsed(false);
        return f.format(n);
    }

    /** Parses what a user typed as a number ("1,5" in German, "1.5" in English); null when blank or not a number. */
    public BigDecimal parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().replace("\u00a0", "").replace(" ", "");
        try {
            var f = (java.text.DecimalFormat) NumberFormat.getNumberInstance(locale);
            f.setParseBigDecimal(true);
            var pos = new java.text.ParsePosition(0);
            Number n = f.parse(t, pos);
            if (n != null && pos.getIndex() == t.length()) {
                return (BigDecimal) n;
            }
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public String date(LocalDate d) {
        return d == null ? "" : date.format(d);
    }

    public String dateTime(OffsetDateTime t) {
        return t == null ? "" : dateTime.format(t.atZoneSameInstant(zone));
    }
}
