package org.deskcrm.ui.task;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;

/** A running background task as the UI sees it: progress, message, running state and cancel. */
public interface TaskHandle {
    String title();

    /** 0..1, or -1 while the total is unknown. */
    ReadOnlyDoubleProperty progressProperty();

    ReadOnlyStringProperty messageProperty();

    ReadOnlyBooleanProperty runningProperty();

    void requestCancel();

    boolean isCancelled();
}
