package org.deskcrm.ui.shell;

import java.time.Clock;
import java.time.ZoneId;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.ui.fx.ViewLoader;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.task.TaskRunner;

/**
 * What every screen of a signed-in session needs: the user (for permissions and record rules),
 * the background task runner, the view loader and messages, navigation, the clock and the user's
 * time zone (times are stored in UTC and shown in this zone).
 */
public record Workspace(
        CurrentUser user,
        TaskRunner tasks,
        ViewLoader loader,
        Messages messages,
        Navigator navigator,
        Clock clock,
        ZoneId zone) {}
