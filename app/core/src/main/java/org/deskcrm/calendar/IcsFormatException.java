package org.deskcrm.calendar;

/**
 * An iCalendar file DeskCRM cannot import, with a message that says where (line, property,
 * event) and what is wrong. Nothing of such a file is imported.
 */
public final class IcsFormatException extends RuntimeException {
    private final int line;

    public IcsFormatException(int line, String message) {
        super(line > 0 ? "Line " + line + ": " + message : message);
        this.line = line;
    }

    /** The 1-based line of the problem, or 0 when the file as a whole is wrong. */
    public int line() {
        return line;
    }
}
