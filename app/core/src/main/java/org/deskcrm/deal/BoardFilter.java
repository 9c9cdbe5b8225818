package org.deskcrm.deal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Narrows the board and the list: one owner, one tag, an expected close date range and a value
 * range (all inclusive; null = no limit), a name prefix and, for the list, a status.
 */
public record BoardFilter(UUID ownerId, UUID tagId, LocalDate closeFrom, LocalDate closeTo, BigDecimal minValue,
        BigDecimal maxValue, String namePrefix, DealStatus status) {

    public static final BoardFilter NONE = new BoardFilter(null, null, null, null, null, null, null, null);

    public BoardFilter withOwner(UUID owner) {
        return new BoardFilter(owner, tagId, closeFrom, closeTo, minValue, maxValue, namePrefix, status);
    }

    public BoardFilter withTag(UUID tag) {
        return new BoardFilter(ownerId, tag, closeFrom, closeTo, minValue, maxValue, namePrefix, status);
    }

    public BoardFilter withCloseDates(LocalDate from, LocalDate to) {
        return new BoardFilter(ownerId, tagId, from, to, minValue, maxValue, namePrefix, status);
    }

    public BoardFilter withValues(BigDecimal min, BigDecimal max) {
        return new BoardFilter(ownerId, tagId, closeFrom, closeTo, min, max, namePrefix, status);
    }

    public BoardFilter withStatus(DealStatus s) {
        return new BoardFilter(ownerId, tagId, closeFrom, closeTo, minValue, maxValue, namePrefix, s);
    }

    public BoardFilter withNamePrefix(String prefix) {
        return new BoardFilter(ownerId, tagId, closeFrom, closeTo, minValue, maxValue, prefix, status);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }
}
