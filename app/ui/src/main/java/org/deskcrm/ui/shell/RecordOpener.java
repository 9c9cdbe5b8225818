package org.deskcrm.ui.shell;

import java.util.Set;
import java.util.UUID;

/** A view that can show a single record, e.g. the company screen opening one company's 360° view. */
public interface RecordOpener {
    Set<String> entityTypes();

    void open(String entityType, UUID id);
}
