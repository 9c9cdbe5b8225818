package org.deskcrm.crm.ui;

import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import org.deskcrm.ui.shell.Workspace;

/**
 * Toolbar items another feature adds to the company, contact and lead lists (import and export).
 * {@link org.deskcrm.company.ui.CrmFeature#addListTools} registers one; each list asks it once,
 * when the list screen is built.
 */
public interface ListTools {
    /** Items for the list's toolbar (placed before the "New" button), or an empty list. */
    List<Node> toolbarItems(ListContext context);

    /**
     * @param entity the list: "companies", "contacts" or "leads"
     * @param list the list's state: its query (search and filters), selection and message bar
     * @param host where sheets over the list are shown
     * @param changed reloads the list (and marks related lists stale) after records were added or changed
     */
    record ListContext(Workspace workspace, String entity, ListViewModel<?> list, Supplier<StackPane> host, Runnable changed) {}
}
