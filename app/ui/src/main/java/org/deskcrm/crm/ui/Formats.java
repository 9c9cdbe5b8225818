package org.deskcrm.crm.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import org.deskcrm.ui.i18n.Messages;

/** Dates, times and money as users read them: in the workspace's zone and locale. */
public final class Formats {
    private final Messages messages;
    private final ZoneId zone;
    private final java.time.Clock clock;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;

    public Formats(Messages messages, ZoneId zone, java.time.Clock clock) {
        this.messages = messages;
        this.zone = zone;
        this.clock = clock;
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(messages.getLocale());
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(messages.getLocale());
    }

    public ZoneId zone() {
        return zone;
    }

    public String date(LocalDate d) {
        return d == null ? "" : date.format(d);
    }

    public String date(OffsetDateTime t) {
        return t == null ? "" : date.format(t.atZoneSameInstant(zone));
    }

    public String dateTime(OffsetDateTime t) {
        return t == null ? "" : dateTime.format(t.atZoneSameInstant(zone));
    }

    /** "just now", "5 min ago", "3 days ago", "in 2 days", or the date beyond a month. */
    public String relative(OffsetDateTime t) {
        if (t == null) {
            return messages.get("crm.time.never");
        }
        Duration d = Duration.between(t.toInstant(), Instant.now(clock));
        boolean future = d.isNegative();
        long s = Math.abs(d.getSeconds());
        if (s < 60) {
            return messages.get("crm.time.now");
        }
        String key;
        long n;
        if (s < 3600) {
            key = "minutes";
            n = s / 60;
        } else if (s < 86_400) {
            key = "hours";
            n = s / 3600;
        } else if (s < 31L * 86_400) {
            key = "days";
            n = s / 86_400;
        } else {
            return date(t);
        }
        return messages.get("crm.time." + key + (future ? ".future" : ".past"), n);
    }

    public String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        if (currency == null || currency.isBlank()) {
            // No currency on the record: the amount alone reads better than the generic "¤" sign.
            NumberFormat plain = NumberFormat.getNumberInstance(messages.getLocale());
            plain.setMinimumFractionDigits(2);
            plain.setMaximumFractionDigits(2);
            return plain.format(amount);
        }
        NumberFormat f = NumberFormat.getCurrencyInstance(messages.getLocale());
        if (currency != null) {
            try {
                Currency c = Currency.getInstance(currency);
                f.setCurrency(c);
                f.setMaximumFractionDigits(c.getDefaultFractionDigits());
                f.setMinimumFractionDigits(c.getDefaultFractionDigits());
            } catch (IllegalArgumentException ignored) {
                // unknown code: the locale's currency symbol is still better than none
            }
        }
        return f.format(amount);
    }

    public String number(BigDecimal n) {
        return n == null ? "" : NumberFormat.getNumberInstance(messages.getLocale()).format(n);
    }
}
