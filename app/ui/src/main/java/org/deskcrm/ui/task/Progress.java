package org.deskcrm.ui.task;

import org.deskcrm.platform.task.ProgressSink;

/** What background work sees of its task: report progress and check for cancellation. */
public interface Progress extends ProgressSink {
}
