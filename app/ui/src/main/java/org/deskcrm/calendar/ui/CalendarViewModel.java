package org.deskcrm.calendar.ui;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.activity.Activity;
import org.deskcrm.calendar.CalendarDraft;
import org.deskcrm.calendar.CalendarInfo;
import org.deskcrm.calendar.CalendarShare;
import org.deskcrm.calendar.EditScope;
import org.deskcrm.calendar.EventDetail;
import org.deskcrm.calendar.EventStatus;
import org.deskcrm.calendar.IcsResult;
import org.deskcrm.calendar.Occurrence;
import org.deskcrm.calendar.SharePermission;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Resource;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.shell.Workspace;
import org.deskcrm.ui.task.BackgroundTask;
import org.deskcrm.ui.task.TaskHandle;

/**
 * State of the calendar view: the calendars (and whether each is shown), and the occurrences and
 * tasks of the loaded date range, which is widened as the user navigates. Every change runs as a
 * background task; failures land in {@link #errorProperty()} and the view puts things back.
 */
public final class CalendarViewModel {
    /** Extra days loaded on both sides of what is visible, so paging a week rarely waits. */
    private static final Duration PAD = Duration.ofDays(7);
    private static final int TASK_LIMIT = 500;

    private final CalendarFeature feature;
    private final Workspace workspace;
    private final ObservableList<CalendarInfo> calendars = FXCollections.observableArrayList();
    private final ObservableList<Occurrence> occurrences = FXCollections.observableArrayList();
    private final ObservableList<Activity> tasks = FXCollections.observableArrayList();
    private final ObjectProperty<UUID> defaultCalendar = new SimpleObjectProperty<>();
    private final BooleanProperty tasksVisible = new SimpleBooleanProperty(true);
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private Instant loadedFrom;
    private Instant loadedTo;
    private Instant wantedFrom;
    private Instant wantedTo;
    private TaskHandle rangeTask;
    private long generation;

    public CalendarViewModel(CalendarFeature feature, Workspace workspace) {
        this.feature = feature;
        this.workspace = workspace;
    }

    CurrentUser user() {
        return workspace.user();
    }

    Messages messages() {
        return workspace.messages();
    }

    Workspace workspace() {
        return workspace;
    }

    CalendarFeature feature() {
        return feature;
    }

    public ObservableList<CalendarInfo> calendars() {
        return calendars;
    }

    public ObservableList<Occurrence> occurrences() {
        return occurrences;
    }

    public ObservableList<Activity> tasks() {
        return tasks;
    }

    public ObjectProperty<UUID> defaultCalendarProperty() {
        return defaultCalendar;
    }

    public BooleanProperty tasksVisibleProperty() {
        return tasksVisible;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty noticeProperty() {
        return notice;
    }

    public boolean canCreateEvents() {
        return user().can(Resource.EVENTS, Action.CREATE) && calendars.stream().anyMatch(c -> c.access().canEditEvents());
    }

    public boolean canCreateCalendars() {
        return user().can(Resource.CALENDARS, Action.CREATE);
    }

    public boolean canImport() {
        return user().can(Resource.EVENTS, Action.IMPORT) && canCreateEvents();
    }

    public boolean canExport() {
        return user().can(Resource.EVENTS, Action.EXPORT);
    }

    public Optional<CalendarInfo> calendar(UUID id) {
        return calendars.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Calendars new events may go into, the default first. */
    public List<CalendarInfo> writableCalendars() {
        List<CalendarInfo> out = new ArrayList<>(calendars.stream().filter(c -> c.access().canEditEvents()).toList());
        out.sort((a, b) -> Boolean.compare(b.id().equals(defaultCalendar.get()), a.id().equals(defaultCalendar.get())));
        return out;
    }

    // ------------------------------------------------------------------ loading

    /** Loads the calendars (making the user's default one if they have none), then the current range. */
    public void start() {
        loadCalendars(this::reload);
    }

    private void loadCalendars(Runnable then) {
        BackgroundTask.of(messages().get("calendar.task.loadCalendars"), p -> {
                    Optional<CalendarInfo> own = feature.calendars.ensureDefault(user(), workspace.zone());
                    return new Loaded(own.map(CalendarInfo::id).orElse(null), feature.calendars.list(user()));
                })
                .onSuccess(loaded -> {
                    defaultCalendar.set(loaded.defaultId() != null ? loaded.defaultId()
                            : loaded.calendars().stream().filter(c -> c.access().canEditEvents()).map(CalendarInfo::id).findFirst()
                                    .orElse(null));
                    calendars.setAll(loaded.calendars());
                    then.run();
                })
                .onFailure(e -> error.set(Errors.message(messages(), e)))
                .runOn(workspace.tasks());
    }

    private record Loaded(UUID defaultId, List<CalendarInfo> calendars) {}

    /** The view shows [from, to): loads it (with some margin) unless it is loaded already. */
    public void ensureRange(Instant from, Instant to) {
        wantedFrom = from;
        wantedTo = to;
        if (loadedFrom != null && !from.isBefore(loadedFrom) && !to.isAfter(loadedTo)) {
            return;
        }
        if (calendars.isEmpty() && defaultCalendar.get() == null) {
            return; // start() loads the range once the calendars are known
        }
        load(from.minus(PAD), to.plus(PAD));
    }

    /** Loads the current range again (after a change). */
    public void reload() {
        if (loadedFrom != null) {
            load(loadedFrom, loadedTo);
        } else if (wantedFrom != null) {
            load(wantedFrom.minus(PAD), wantedTo.plus(PAD));
        }
    }

    private void load(Instant from, Instant to) {
        if (rangeTask != null) {
            rangeTask.requestCancel();
        }
        long mine = ++generation;
        List<UUID> shown = calendars.stream().filter(CalendarInfo::visible).map(CalendarInfo::id).toList();
        boolean withTasks = tasksVisible.get();
        loading.set(true);
        rangeTask = BackgroundTask.of(messages().get("calendar.task.loadEvents"), p -> {
                    // A meeting copied into several shown calendars (its attendees') is drawn once.
                    List<Occurrence> occ = Occurrence.oneCopyPerMeeting(feature.events.occurrences(user(), shown, from, to), shown);
                    p.checkCancelled();
                    List<Activity> due = withTasks ? feature.activities.tasksDue(user(), user().userId(),
                            from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC), false, TASK_LIMIT) : List.of();
                    return new Range(occ, due);
                })
                .onSuccess(range -> {
                    if (mine != generation) {
                        return;
                    }
                    loadedFrom = from;
                    loadedTo = to;
                    occurrences.setAll(range.occurrences());
                    tasks.setAll(range.tasks());
                })
                .onFailure(e -> error.set(Errors.message(messages(), e)))
                .onFinally(() -> {
                    if (mine == generation) {
                        loading.set(false);
                    }
                })
                .runOn(workspace.tasks());
    }

    private record Range(List<Occurrence> occurrences, List<Activity> tasks) {}

    // ------------------------------------------------------------------ calendars

    public void setVisible(CalendarInfo cal, boolean visible) {
        BackgroundTask.of(messages().get("calendar.task.saveCalendar"), p -> {
                    feature.calendars.setVisible(user(), cal.id(), visible);
                    return feature.calendars.list(user());
                })
                .onSuccess(list -> {
                    calendars.setAll(list);
                    reload();
                })
                .onFailure(e -> error.set(Errors.message(messages(), e)))
                .runOn(workspace.tasks());
    }

    public void setTasksVisible(boolean visible) {
        tasksVisible.set(visible);
        reload();
    }

    /** Creates ({@code existing} null) or changes a calendar. */
    public void saveCalendar(CalendarInfo existing, CalendarDraft draft, Runnable onSaved, Consumer<String> onError) {
        BackgroundTask.of(messages().get("calendar.task.saveCalendar"), p -> {
                    if (existing == null) {
                        feature.calendars.create(user(), draft);
                    } else {
                        feature.calendars.update(user(), existing.id(), existing.version(), draft);
                    }
                    return feature.calendars.list(user());
                })
                .onSuccess(list -> {
                    calendars.setAll(list);
                    onSaved.run();
                    reload();
                })
                .onFailure(e -> onError.accept(Errors.message(messages(), e)))
                .runOn(workspace.tasks());
    }

    public void deleteCalendar(CalendarInfo cal) {
        BackgroundTask.of(messages().get("calendar.task.deleteCalendar"), p -> {
                    feature.calendars.delete(user(), cal.id(), cal.version());
                    return feature.calendars.list(user());
                })
                .onSuccess(list -> {
                    calendars.setAll(list);
                    reload();
                })
                .onFailure(e -> error.set(Errors.message(messages(), e)))
                .runOn(workspace.tasks());
    }

    public void shares(CalendarInfo cal, Consumer<SharesAndPeople> then) {
        BackgroundTask.of(messages().get("calendar.task.loadShares"), p -> new SharesAndPeople(
                        feature.calendars.shares(user(), cal.id()), feature.calendars.colleagues(user())))
                .onSuccess(then::accept)
                .onFailure(e -> error.set(Errors.message(messages(), e)))
                .runOn(workspace.tasks());
    }

    /** The shares of a calendar and the colleagues it could be shared with. */
    public record SharesAndPeople(List<CalendarShare> shares, Map<UUID, String> colleagues) {}

    public void share(CalendarInfo cal, UUID colleague, SharePermission permission, Consumer<List<CalendarShare>> then,
            Consumer<String> onError) {
        BackgroundTask.of(messages().get("calendar.task.share"), p -> {
                    if (permission == null) {
                        feature.calendars.unshare(user(), cal.id(), colleague);
                    } else {
                        feature.calendars.share(user(), cal.id(), colleague, permission);
                    }
                    return feature.calendars.shares(user(), cal.id());
                })
                .onSuccess(then::accept)
                .onFailure(e -> onError.accept(Errors.message(messages(), e)))
                .runOn(workspace.tasks());
    }

    // ------------------------------------------------------------------ events

    /** Loads an event for the form. */
    public void event(UUID id, Consumer<EventDetail> then) {
        BackgroundTask.of(messages().get("calendar.task.loadEvent"), p -> feature.events.get(user(), id))
                .onSuccess(then::accept)
                .onFailure(e -> error.set(Errors.message(messages(), e)))
                .runOn(workspace.tasks());
    }

    /**
     * Moves or resizes an occurrence dragged in the view; {@code revert} puts the entry back when
     * the change is refused (no permission, someone else changed it, the occurrence is gone).
     */
    public void move(Occurrence o, ZonedDateTime start, ZonedDateTime end, EditScope scope, Runnable revert) {
        BackgroundTask.of(messages().get("calendar.task.move"), p -> feature.events.move(user(), o, start, end, scope))
                .onSuccess(saved -> reload())
                .onFailure(e -> {
                    revert.run();
                    error.set(Errors.message(messages(), e));
                    reload();
                })
                .runOn(workspace.tasks());
    }

    public void setStatus(Occurrence o, EventStatus status, EditScope scope) {
        BackgroundTask.of(messages().get("calendar.task.saveEvent"), p -> feature.events.setStatus(user(), o.eventId(),
                        o.version(), o.originalStart(), status, scope))
                .onSuccess(saved -> reload())
                .onFailure(e -> error.set(Errors.message(messages(), e)))
                .runOn(workspace.tasks());
    }

    public void delete(Occurrence o, EditScope scope) {
        BackgroundTask.of(messages().get("calendar.task.deleteEvent"), p -> {
                    feature.events.delete(user(), o.eventId(), o.version(), o.originalStart(), scope);
                    return null;
                })
                .onSuccess(v -> reload())
                .onFailure(e -> error.set(Errors.message(messages(), e)))
                .runOn(workspace.tasks());
    }

    // ------------------------------------------------------------------ ICS

    /** Imports a file into a calendar, with progress and cancel; {@code done} gets the summary. */
    public void importIcs(UUID calendarId, Path file, Consumer<IcsResult> done) {
        BackgroundTask.of(messages().get("calendar.task.import", file.getFileName()), p -> {
                    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        return feature.ics.importInto(user(), calendarId, in, p);
                    }
                })
                .onSuccess(result -> {
                    notice.set(messages().get("calendar.import.done", result.created(), result.updated(), result.exceptions(),
                            result.unchanged()));
                    done.accept(result);
                    reload();
                })
                .onCancelled(() -> notice.set(messages().get("calendar.import.cancelled")))
                .onFailure(e -> error.set(messages().get("calendar.import.failed", file.getFileName(), Errors.message(messages(), e))))
                .runOn(workspace.tasks());
    }

    public void exportIcs(Collection<UUID> calendarIds, Path file) {
        BackgroundTask.of(messages().get("calendar.task.export", file.getFileName()), p -> {
                    Path tmp = file.resolveSibling(file.getFileName() + ".part");
                    int n;
                    try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                        n = feature.ics.exportCalendars(user(), calendarIds, out, p);
                    } catch (RuntimeException | java.io.IOException e) {
                        Files.deleteIfExists(tmp);
                        throw e;
                    }
                    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    return n;
                })
                .onSuccess(n -> notice.set(messages().get("calendar.export.done", n, file.getFileName())))
                .onCancelled(() -> notice.set(messages().get("calendar.export.cancelled")))
                .onFailure(e -> error.set(Errors.message(messages(), e)))
                .runOn(workspace.tasks());
    }

    public void exportEvent(UUID eventId, Path file) {
        BackgroundTask.of(messages().get("calendar.task.export", file.getFileName()), p -> {
                    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                        feature.ics.exportEvent(user(), eventId, out);
                    }
                    return file;
                })
                .onSuccess(f -> notice.set(messages().get("calendar.export.done", 1, f.getFileName())))
                .onFailure(e -> error.set(Errors.message(messages(), e)))
                .runOn(workspace.tasks());
    }

    /** Where "now" is, for "Today" and new events. */
    public ZonedDateTime now() {
        return ZonedDateTime.now(workspace.clock()).withZoneSameInstant(workspace.zone());
    }

    static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
