package org.deskcrm.ui.task;

import javafx.collections.ObservableList;

/** Runs {@link BackgroundTask}s off the UI thread; view models get one through their constructor. */
public interface TaskRunner {
    <T> TaskHandle submit(BackgroundTask<T> task);

    /** Tasks now running, for the status bar's activity indicator. */
    ObservableList<TaskHandle> running();

    void shutdown();
}
