package org.deskcrm.invoice;

import java.math.BigDecimal;

/**
 * The company would owe more than its credit limit with this invoice: its open balance plus this
 * invoice's total ({@code exposure}) exceeds {@code creditLimit}. A warning, never a block.
 */
public record CreditWarning(String companyName, BigDecimal creditLimit, BigDecimal exposure, String currency) {
    public String message() {
        return companyName + " would owe " + exposure.toPlainString() + " " + currency + " with this invoice, over its credit limit of "
                + creditLimit.toPlainString() + " " + currency + ".";
    }
}
