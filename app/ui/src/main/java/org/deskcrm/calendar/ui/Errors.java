package org.deskcrm.calendar.ui;

import org.deskcrm.calendar.IcsFormatException;
import org.deskcrm.platform.persistence.StaleRecordException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.ui.i18n.Messages;

/** Turns a failed background task into the sentence the user sees. */
final class Errors {
    private Errors() {}

    static String message(Messages messages, Throwable error) {
        Throwable e = error;
        while (e.getCause() != null && !(e instanceof ValidationException) && !(e instanceof StaleRecordException)
                && !(e instanceof IcsFormatException) && e.getClass().getName().startsWith("org.jooq")) {
            e = e.getCause();
        }
        if (e instanceof StaleRecordException) {
            return messages.get("common.staleEdit");
        }
        if (e instanceof ValidationException v) {
            return String.join("\n", v.messages());
        }
        String text = e.getMessage();
        return text == null || text.isBlank() ? messages.get("common.error") : text;
    }
}
