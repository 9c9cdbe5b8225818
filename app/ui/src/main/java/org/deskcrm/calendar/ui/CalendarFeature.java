package org.deskcrm.calendar.ui;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.deskcrm.activity.ActivityService;
import org.deskcrm.activity.persistence.ActivityRepository;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.booking.BookingService;
import org.deskcrm.booking.persistence.BookingRepository;
import org.deskcrm.calendar.CalendarService;
import org.deskcrm.calendar.EventService;
import org.deskcrm.calendar.IcsService;
import org.deskcrm.calendar.LinkService;
import org.deskcrm.calendar.ReminderService;
import org.deskcrm.calendar.persistence.CalendarRepository;
import org.deskcrm.calendar.persistence.DefaultCalendar;
import org.deskcrm.calendar.persistence.EventRepository;
import org.deskcrm.calendar.persistence.LinkRepository;
import org.deskcrm.calendar.persistence.ReminderRepository;
import org.deskcrm.importexport.ui.FileDialogs;
import org.deskcrm.notification.NotificationService;
import org.deskcrm.notification.persistence.NotificationRepository;
import org.deskcrm.security.Action;
import org.deskcrm.security.OrganizationInitializer;
import org.deskcrm.security.Resource;
import org.deskcrm.security.persistence.RecordAccess;
import org.deskcrm.ui.fx.View;
import org.deskcrm.ui.shell.FeatureModule;
import org.deskcrm.ui.shell.GlobalSearchProvider;
import org.deskcrm.ui.shell.Screen;
import org.deskcrm.ui.shell.Workspace;
import org.jooq.DSLContext;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/**
 * The calendar feature: the "calendar" screen (opens events), the event search, the notification
 * bell with the reminder scheduler, and a default calendar for a new organization's first admin.
 */
public final class CalendarFeature implements FeatureModule {
    public final CalendarService calendars;
    public final EventService events;
    public final ReminderService reminders;
    public final NotificationService notifications;
    public final BookingService booking;
    public final IcsService ics;
    public final LinkService links;
    public final ActivityService activities;
    private final CalendarRepository calendarRepository;
    private FileDialogs fileDialogs = FileDialogs.SYSTEM;

    public CalendarFeature(DSLContext dsl, AuditLog audit, Clock clock) {
        this.calendarRepository = new CalendarRepository();
        var eventRepository = new EventRepository();
        var linkRepository = new LinkRepository();
        var notificationRepository = new NotificationRepository();
        var access = new RecordAccess();
        this.calendars = new CalendarService(dsl, calendarRepository, eventRepository, audit);
        this.events = new EventService(dsl, eventRepository, calendarRepository, access, audit, clock);
        this.reminders = new ReminderService(dsl, new ReminderRepository(), eventRepository, notificationRepository, clock);
        this.notifications = new NotificationService(dsl, notificationRepository);
        this.booking = new BookingService(dsl, new BookingRepository(), calendarRepository, eventRepository, linkRepository, access,
                audit, clock);
        this.ics = new IcsService(dsl, eventRepository, calendarRepository, audit, clock);
        this.links = new LinkService(dsl, linkRepository);
        // Tasks with due dates are drawn in a read-only "Tasks" calendar; only reads are used here.
        this.activities = new ActivityService(dsl, new ActivityRepository(), access, audit, clock, List.of());
    }

    /** Replaces the system file chooser for .ics import and export (UI tests answer with prepared paths). */
    public void setFileDialogs(FileDialogs dialogs) {
        this.fileDialogs = java.util.Objects.requireNonNull(dialogs);
    }

    FileDialogs fileDialogs() {
        return fileDialogs;
    }

    @Override
    public List<OrganizationInitializer> initializers() {
        return List.of(new DefaultCalendar(calendarRepository, ZoneId.systemDefault()));
    }

    @Override
    public List<Screen> screens(Workspace workspace) {
        return List.of(new Screen("calendar", "nav.calendar", Material2OutlinedAL.CALENDAR_TODAY,
                user -> user.can(Resource.CALENDARS, Action.READ) || user.can(Resource.EVENTS, Action.READ),
                () -> new CalendarScreen(new CalendarViewModel(this, workspace), new BookingViewModel(this, workspace), workspace,
                        this::fileDialogs),
                Set.of("event")));
    }

    @Override
    public List<GlobalSearchProvider> searchProviders(Workspace workspace) {
        return List.of(new EventSearchProvider(events, workspace));
    }

    @Override
    public List<View> topBarItems(Workspace workspace) {
        return List.of(new NotificationBell(new NotificationsViewModel(this, workspace), workspace));
    }
}
