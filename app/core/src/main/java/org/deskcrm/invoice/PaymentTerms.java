package org.deskcrm.invoice;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/** Payment terms: how many days after the issue date an invoice falls due. */
public enum PaymentTerms {
    DUE_ON_RECEIPT(0), NET_15(15), NET_30(30), NET_60(60);

    private final int days;

    PaymentTerms(int days) {
        this.days = days;
    }

    public int days() {
        return days;
    }

    public LocalDate dueDate(LocalDate issueDate) {
        return issueDate.plusDays(days);
    }

    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Terms stored by this app or imported ("net_30", "NET 30", "30"); empty when unknown. */
    public static Optional<PaymentTerms> parse(String s) {
        if (s == null || s.isBlank()) {
            return Optional.empty();
        }
        String k = s.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        for (PaymentTerms t : values()) {
            if (t.name().equals(k) || k.equals(Integer.toString(t.days)) || k.equals("NET" + t.days)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
