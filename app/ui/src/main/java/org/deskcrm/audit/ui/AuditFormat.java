package org.deskcrm.audit.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.MissingResourceException;
import org.deskcrm.audit.AuditAction;
import org.deskcrm.audit.AuditEntry;
import org.deskcrm.ui.i18n.Messages;

/** How audit rows read in the UI: action and entity names from the bundle, times in the user's zone. */
public final class AuditFormat {
    private final Messages messages;
    private final DateTimeFormatter time;
    private final DateTimeFormatter shortTime;

    public AuditFormat(Messages messages, ZoneId zone) {
        this.messages = messages;
        this.time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(messages.getLocale()).withZone(zone);
        this.shortTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
                .withLocale(messages.getLocale()).withZone(zone);
    }

    /** Date and time for table cells (short date, seconds kept: audit rows often come seconds apart). */
    public String shortTime(OffsetDateTime t) {
        return t == null ? "" : shortTime.format(t);
    }

    public String action(AuditAction action) {
        return messages.get("audit.action." + action.dbName());
    }

    /** A table name as people say it ("companies" → "Company"); unknown tables keep their name. */
    public String entity(String table) {
        try {
            return messages.get("audit.entity." + table);
        } catch (MissingResourceException e) {
            return table.replace('_', ' ');
        }
    }

    /** A column name as people say it: "audit.field.<name>" when the bundle has one, else "manager_id" → "manager". */
    public String field(String column) {
        try {
            return messages.get("audit.field." + column);
        } catch (MissingResourceException e) {
            String s = column.endsWith("_id") ? column.substring(0, column.length() - 3) : column;
            return s.replace('_', ' ');
        }
    }

    public String user(AuditEntry e) {
        return e.userName() == null ? messages.get("audit.system") : e.userName();
    }

    public String time(OffsetDateTime t) {
        return t == null ? "" : time.format(t);
    }

    /** "just now", "5 minutes ago", "3 hours ago", else the date and time. */
    public String relative(OffsetDateTime t, Instant now) {
        Duration d = Duration.between(t.toInstant(), now);
        if (d.isNegative() || d.toMinutes() < 1) {
            return messages.get("audit.justNow");
        }
        if (d.toHours() < 1) {
            return messages.get("audit.minutesAgo", d.toMinutes());
        }
        if (d.toHours() < 24) {
            return messages.get("audit.hoursAgo", d.toHours());
        }
        return time(t);
    }

    /** One line for lists: "Ada Admin changed name, status". */
    public String summary(AuditEntry e) {
        String fields = String.join(", ", e.changedFields().stream().map(this::field).toList());
        return fields.isEmpty() || e.action() != AuditAction.UPDATE
                ? messages.get("audit.summary", user(e), action(e.action()).toLowerCase(messages.getLocale()))
                : messages.get("audit.summary.fields", user(e), action(e.action()).toLowerCase(messages.getLocale()), fields);
    }
}
