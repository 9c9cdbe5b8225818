package org.deskcrm.pipeline.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import org.deskcrm.ui.i18n.Messages;

/**
 * How money, dates and durations look in the pipeline and dashboard screens: amounts in their own
 * currency (never converted), instants in the user's zone.
 */
public final class Formats {
    private final Messages messages;
    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter date;
    private final DateTimeFormatter shortDate;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter time;

    public Formats(Messages messages, ZoneId zone) {
        this.messages = messages;
        this.locale = messages.getLocale() == null ? Locale.getDefault() : messages.getLocale();
        this.zone = zone;
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        this.shortDate = DateTimeFormatter.ofPattern("d MMM", locale);
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale);
        this.time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
    }

    public ZoneId zone() {
        return zone;
    }

    public Locale locale() {
        return locale;
    }

    /** "$12,500.00", "€990.00" */
    public String money(BigDecimal value, String currency) {
        NumberFormat f = NumberFormat.getCurrencyInstance(locale);
        try {
            Currency c = Currency.getInstance(currency);
            f.setCurrency(c);
            int digits = c.getDefaultFractionDigits();
            f.setMinimumFractionDigits(Math.max(0, digits));
            f.setMaximumFractionDigits(Math.max(0, digits));
        } catch (IllegalArgumentException | NullPointerException e) {
            return plain(value) + " " + currency;
        }
        return f.format(value == null ? BigDecimal.ZERO : value);
    }

    /** "$12.5K", "€1.2M": for headers and tiles. */
    public String compactMoney(BigDecimal value, String currency) {
        NumberFormat f = NumberFormat.getCompactNumberInstance(locale, NumberFormat.Style.SHORT);
        f.setMaximumFractionDigits(1);
        String number = f.format(value == null ? BigDecimal.ZERO : value);
        return symbol(currency) + number;
    }

    public String symbol(String currency) {
        try {
            return Currency.getInstance(currency).getSymbol(locale);
        } catch (IllegalArgumentException | NullPointerException e) {
            return currency + " ";
        }
    }

    public String plain(BigDecimal value) {
        if (value == null) {
            return "";
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(4);
        f.setGroupingUsed(false);
        return f.format(value.stripTrailingZeros());
    }

    public String date(LocalDate d) {
        return d == null ? "" : date.format(d);
    }

    public String shortDate(LocalDate d) {
        return d == null ? "" : shortDate.format(d);
    }

    public String dateTime(OffsetDateTime t) {
        return t == null ? "" : dateTime.format(t.atZoneSameInstant(zone));
    }

    public String time(OffsetDateTime t) {
        return t == null ? "" : time.format(t.atZoneSameInstant(zone));
    }

    public LocalDate localDate(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(zone).toLocalDate();
    }

    public String percent(Double p) {
        return p == null ? messages.get("pipeline.none") : String.format(locale, "%.0f%%", p);
    }

    /** "3 d", "5 h", "now" */
    public String age(long days) {
        return days <= 0 ? messages.get("pipeline.card.today") : messages.get("pipeline.card.days", days);
    }

    public String duration(Duration d) {
        if (d == null) {
            return "";
        }
        long days = d.toDays();
        if (days >= 1) {
            return messages.get("pipeline.duration.days", days);
        }
        long hours = d.toHours();
        if (hours >= 1) {
            return messages.get("pipeline.duration.hours", hours);
        }
        return messages.get("pipeline.duration.minutes", Math.max(1, d.toMinutes()));
    }

    public String days(Double d) {
        return d == null ? messages.get("pipeline.none") : String.format(locale, "%.1f", d);
    }

    /** Initials for an owner avatar: "Sam Second" -> "SS". */
    public static String initials(String name) {
        if (name == null || name.isBlank()) {
            return "?";
        }
        String[] parts = name.strip().split("\\s+");
        String first = parts[0].substring(0, 1);
        String last = parts.length > 1 ? parts[parts.length - 1].substring(0, 1) : "";
        return (first + last).toUpperCase(Locale.ROOT);
    }
}
