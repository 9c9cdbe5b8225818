package org.deskcrm.calendar;

/** Which part of a recurring event a change applies to. */
public enum EditScope {
    /** Only the chosen occurrence (stored as an exception row). */
    THIS_OCCURRENCE,
    /** The whole series. */
    ALL_OCCURRENCES
}
