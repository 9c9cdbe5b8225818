package org.deskcrm.ui.fx;

import javafx.scene.Parent;

/**
 * A screen or panel: its root node plus activation hooks. Views bind to their view model in
 * {@link #onActivate()} and let go in {@link #onDeactivate()}, so hidden screens hold no
 * listeners and do no work.
 */
public interface View {
    Parent root();

    default void onActivate() {}

    default void onDeactivate() {}

    /**
     * The user chose this screen's navigation entry while it was already showing: go back to where
     * the screen starts (a record view returns to its list).
     */
    default void onReselected() {}
}
