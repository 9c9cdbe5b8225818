package org.deskcrm.crm;

/**
 * How many rows a list query matches. Counting a common match exactly is a scan at a million
 * rows, so counts stop at a cap: {@code atLeast} then says "this many or more" ("100,000+").
 */
public record ListCount(long value, boolean atLeast) {
    public static final long CAP = 100_000;
}
