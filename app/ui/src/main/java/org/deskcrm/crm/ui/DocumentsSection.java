package org.deskcrm.crm.ui;

import java.util.List;
import java.util.UUID;
import javafx.scene.Node;
import org.deskcrm.crm.Related;

/**
 * The "Documents" part of a company's or contact's record: the extension point through which the
 * documents feature (storage, upload, versions, signing) plugs into the record view.
 */
public interface DocumentsSection {

    /** The record whose documents are shown; {@code refresh} reloads the record view after a change. */
    record Context(String entityType, UUID entityId, UUID companyId, List<Related.Document> documents, Runnable refresh) {}

    /** The content of the Documents tab (built on the UI thread; load more in the background if needed). */
    Node view(Context context);

    /** Whether this section can attach files; the record's "Attach file" action shows only then. */
    boolean canAttach();

    /** Starts attaching a file to the record (a chooser, upload in the background, then {@code context.refresh()}). */
    void attach(Context context);
}
