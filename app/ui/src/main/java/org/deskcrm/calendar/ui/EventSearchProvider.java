package org.deskcrm.calendar.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import org.deskcrm.calendar.EventDetail;
import org.deskcrm.calendar.EventService;
import org.deskcrm.ui.shell.GlobalSearchProvider;
import org.deskcrm.ui.shell.Workspace;

/** Events by title for the global search (a year either side of today); runs on the search's background thread. */
final class EventSearchProvider implements GlobalSearchProvider {
    private final EventService events;
    private final Workspace workspace;

    EventSearchProvider(EventService events, Workspace workspace) {
        this.events = events;
        this.workspace = workspace;
    }

    @Override
    public List<Hit> search(String text, int limit) {
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(workspace.messages().getLocale());
        return events.search(workspace.user(), text, limit).stream()
                .map((EventDetail e) -> new Hit("event", e.id(), e.title(),
                        e.start().withZoneSameInstant(workspace.zone()).format(when)
                                + (e.location() == null ? "" : " · " + e.location())))
                .toList();
    }
}
