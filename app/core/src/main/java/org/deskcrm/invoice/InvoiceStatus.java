package org.deskcrm.invoice;

import java.util.Locale;
import java.util.Set;

/**
 * Where an invoice is in its life: draft (editable, no number) → sent (issued, numbered) →
 * partially paid → paid; sent or partially paid invoices past their due date are overdue; an
 * issued invoice can be cancelled (its number stays used) or credited by credit notes: fully
 * credited with nothing paid it is credited (settled, never overdue).
 */
public enum InvoiceStatus {
    DRAFT, SENT, PARTIALLY_PAID, PAID, OVERDUE, CANCELLED, CREDITED;

    /** Issued, not settled and not cancelled: money is expected. */
    public static final Set<InvoiceStatus> OPEN = Set.of(SENT, PARTIALLY_PAID, OVERDUE);

    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InvoiceStatus fromDb(String s) {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
    }

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
