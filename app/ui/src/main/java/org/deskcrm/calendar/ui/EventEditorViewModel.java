package org.deskcrm.calendar.ui;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;
import org.deskcrm.calendar.Attendee;
import org.deskcrm.calendar.CalendarInfo;
import org.deskcrm.calendar.EditScope;
import org.deskcrm.calendar.EventDetail;
import org.deskcrm.calendar.EventDraft;
import org.deskcrm.calendar.EventStatus;
import org.deskcrm.calendar.LinkedRecord;
import org.deskcrm.calendar.Occurrence;
import org.deskcrm.calendar.RecurrencePattern;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.Action;
import org.deskcrm.security.Emails;
import org.deskcrm.security.Resource;
import org.deskcrm.ui.task.BackgroundTask;

/**
 * The event form: every field as a property, the repeat choices, links, guests and reminders;
 * builds the {@link EventDraft} and saves it (for a recurring event, for the chosen scope).
 */
public final class EventEditorViewModel {

    /** What the "Repeat" choice offers; CUSTOM keeps a rule the form cannot show (imported). */
    public enum Repeat { NONE, DAILY, WEEKLY, MONTHLY, YEARLY, CUSTOM }

    public enum Ends { NEVER, ON_DATE, AFTER }

    static final List<Integer> REMINDER_CHOICES = List.of(0, 5, 10, 15, 30, 60, 120, 24 * 60, 2 * 24 * 60, 7 * 24 * 60);

    private final CalendarViewModel parent;
    private final StringProperty title = new SimpleStringProperty("");
    private final ObjectProperty<CalendarInfo> calendar = new SimpleObjectProperty<>();
    private final BooleanProperty allDay = new SimpleBooleanProperty();
    private final ObjectProperty<LocalDate> startDate = new SimpleObjectProperty<>();
    private final StringProperty startTime = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> endDate = new SimpleObjectProperty<>();
    private final StringProperty endTime = new SimpleStringProperty("");
    private final StringProperty zone = new SimpleStringProperty("");
    private final ObjectProperty<Repeat> repeat = new SimpleObjectProperty<>(Repeat.NONE);
    private final IntegerProperty interval = new SimpleIntegerProperty(1);
    private final ObservableSet<DayOfWeek> weekdays = FXCollections.observableSet(EnumSet.noneOf(DayOfWeek.class));
    private final ObjectProperty<Ends> ends = new SimpleObjectProperty<>(Ends.NEVER);
    private final ObjectProperty<LocalDate> until = new SimpleObjectProperty<>();
    private final IntegerProperty count = new SimpleIntegerProperty(10);
    private final StringProperty customRule = new SimpleStringProperty("");
    private final ObjectProperty<EventStatus> status = new SimpleObjectProperty<>(EventStatus.SCHEDULED);
    private final StringProperty location = new SimpleStringProperty("");
    private final StringProperty meetingUrl = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final ObjectProperty<LinkedRecord> company = new SimpleObjectProperty<>();
    private final ObjectProperty<LinkedRecord> contact = new SimpleObjectProperty<>();
    private final ObjectProperty<LinkedRecord> deal = new SimpleObjectProperty<>();
    private final ObservableList<Attendee> attendees = FXCollections.observableArrayList();
    private final ObservableList<Integer> reminders = FXCollections.observableArrayList();
    private final ObservableMap<UUID, String> colleagues = FXCollections.observableHashMap();
    private final StringProperty error = new SimpleStringProperty("");
    private final ObservableMap<String, String> fieldErrors = FXCollections.observableHashMap();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty editable = new SimpleBooleanProperty(true);

    private EventDetail existing;
    private Occurrence occurrence;
    private String originalRule;
    private String notes;

    public EventEditorViewModel(CalendarViewModel parent) {
        this.parent = parent;
    }

    // ------------------------------------------------------------------ setup

    /** A new event on {@code calendarId} from {@code start} to {@code end} (shown in the user's zone). */
    public void initNew(UUID calendarId, ZonedDateTime start, ZonedDateTime end, boolean fullDay) {
        existing = null;
        occurrence = null;
        originalRule = null;
        notes = null;
        ZoneId z = parent.workspace().zone();
        calendar.set(parent.calendar(calendarId).orElseGet(() -> parent.writableCalendars().stream().findFirst().orElse(null)));
        zone.set(z.getId());
        setTimes(start.withZoneSameInstant(z), end.withZoneSameInstant(z), fullDay);
        status.set(EventStatus.SCHEDULED);
        reminders.setAll(15);
        loadColleagues();
    }

    /**
     * An existing event; {@code o} is the occurrence it was opened from (its times are shown),
     * or null when opened by id.
     */
    public void initExisting(EventDetail e, Occurrence o) {
        existing = e;
        occurrence = o;
        notes = e.notes();
        title.set(e.title());
        calendar.set(parent.calendar(e.calendarId()).orElse(null));
        ZoneId z = e.start().getZone();
        zone.set(z.getId());
        ZonedDateTime s = o != null ? o.start().withZoneSameInstant(z) : e.start();
        ZonedDateTime en = o != null ? o.end().withZoneSameInstant(z) : e.end();
        setTimes(s, en, e.allDay());
        status.set(e.status());
        location.set(nz(e.location()));
        meetingUrl.set(nz(e.meetingUrl()));
        description.set(nz(e.description()));
        attendees.setAll(e.attendees());
        reminders.setAll(e.reminderMinutes());
        originalRule = e.recurrenceRule();
        setRule(e.recurrenceRule(), z);
        editable.set(o == null ? parent.calendar(e.calendarId()).map(c -> c.access().canEditEvents()).orElse(false)
                && parent.user().can(Resource.EVENTS, Action.UPDATE) : o.editable());
        loadLinks(e);
        loadColleagues();
    }

    private void setTimes(ZonedDateTime s, ZonedDateTime e, boolean fullDay) {
        allDay.set(fullDay);
        startDate.set(s.toLocalDate());
        startTime.set(TimeChoices.format(s.toLocalTime()));
        LocalDate last = fullDay && e.toLocalTime().equals(LocalTime.MIDNIGHT) && e.toLocalDate().isAfter(s.toLocalDate())
                ? e.toLocalDate().minusDays(1) : e.toLocalDate();
        endDate.set(last);
        endTime.set(TimeChoices.format(e.toLocalTime()));
    }

    private void setRule(String rule, ZoneId z) {
        customRule.set("");
        if (rule == null) {
            repeat.set(Repeat.NONE);
            return;
        }
        var parsed = RecurrencePattern.parse(rule, z);
        if (parsed.isEmpty()) {
            repeat.set(Repeat.CUSTOM);
            customRule.set(rule);
            return;
        }
        RecurrencePattern p = parsed.get();
        repeat.set(Repeat.valueOf(p.frequency().name()));
        interval.set(p.interval());
        weekdays.clear();
        weekdays.addAll(p.weekdays());
        if (p.count() != null) {
            ends.set(Ends.AFTER);
            count.set(p.count());
        } else if (p.until() != null) {
            ends.set(Ends.ON_DATE);
            until.set(p.until());
        } else {
            ends.set(Ends.NEVER);
        }
    }

    private void loadLinks(EventDetail e) {
        if (e.companyId() == null && e.contactId() == null && e.dealId() == null) {
            return;
        }
        BackgroundTask.of(parent.messages().get("calendar.task.loadEvent"), p -> {
                    var links = parent.feature().links;
                    return new LinkedRecord[] {
                        links.find(parent.user(), LinkedRecord.Type.COMPANY, e.companyId()).orElse(null),
                        links.find(parent.user(), LinkedRecord.Type.CONTACT, e.contactId()).orElse(null),
                        links.find(parent.user(), LinkedRecord.Type.DEAL, e.dealId()).orElse(null)};
                })
                .onSuccess(found -> {
                    company.set(found[0]);
                    contact.set(found[1]);
                    deal.set(found[2]);
                })
                .onFailure(err -> error.set(Errors.message(parent.messages(), err)))
                .runOn(parent.workspace().tasks());
    }

    private void loadColleagues() {
        BackgroundTask.of(parent.messages().get("calendar.task.loadShares"), p -> parent.feature().calendars.colleagues(parent.user()))
                .onSuccess(colleagues::putAll)
                .onFailure(err -> { })
                .runOn(parent.workspace().tasks());
    }

    // ------------------------------------------------------------------ state for the view

    public boolean isNew() {
        return existing == null;
    }

    /** A series, or one occurrence of a series: saving asks "this one or all". */
    public boolean isRecurring() {
        return existing != null && (existing.isSeries() || existing.isException());
    }

    /** The repeat rule was changed: that can only apply to the whole series. */
    public boolean ruleChanged() {
        try {
            String now = rule(ZoneId.of(zone.get()));
            return existing != null && existing.isSeries() && !java.util.Objects.equals(now, originalRule);
        } catch (RuntimeException e) {
            return true;
        }
    }

    public boolean canDelete() {
        return existing != null && editable.get() && parent.user().can(Resource.EVENTS, Action.DELETE);
    }

    public EventDetail existing() {
        return existing;
    }

    // ------------------------------------------------------------------ building the draft

    /** The draft from the fields; local mistakes (an unreadable time, a bad zone) become field errors. */
    public EventDraft draft() {
        Map<String, String> errors = new LinkedHashMap<>();
        ZoneId z = null;
        try {
            z = ZoneId.of(zone.get().strip());
        } catch (DateTimeException | NullPointerException e) {
            errors.put("zone", parent.messages().get("calendar.editor.badZone", zone.get()));
        }
        LocalTime st = null;
        LocalTime et = null;
        if (!allDay.get()) {
            try {
                st = TimeChoices.parse(startTime.get());
            } catch (DateTimeParseException e) {
                errors.put("start", parent.messages().get("calendar.editor.badTime", startTime.get()));
            }
            try {
                et = TimeChoices.parse(endTime.get());
            } catch (DateTimeParseException e) {
                errors.put("end", parent.messages().get("calendar.editor.badTime", endTime.get()));
            }
        }
        if (startDate.get() == null || endDate.get() == null) {
            errors.put("start", parent.messages().get("calendar.editor.noDate"));
        }
        if (repeat.get() != Repeat.NONE && repeat.get() != Repeat.CUSTOM && ends.get() == Ends.ON_DATE && until.get() == null) {
            errors.put("recurrence", parent.messages().get("calendar.editor.noUntil"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        ZonedDateTime s;
        ZonedDateTime e;
        if (allDay.get()) {
            s = startDate.get().atStartOfDay(z);
            e = endDate.get().plusDays(1).atStartOfDay(z);
        } else {
            s = ZonedDateTime.of(startDate.get(), st, z);
            e = ZonedDateTime.of(endDate.get(), et, z);
        }
        List<Attendee> guests = new ArrayList<>(attendees);
        return new EventDraft(calendar.get() == null ? null : calendar.get().id(), title.get(), blank(description.get()),
                blank(location.get()), blank(meetingUrl.get()), s, e, allDay.get(), status.get(), rule(z),
                company.get() == null ? null : company.get().id(), contact.get() == null ? null : contact.get().id(),
                deal.get() == null ? null : deal.get().id(), guests, new ArrayList<>(reminders), notes);
    }

    private String rule(ZoneId z) {
        return switch (repeat.get()) {
            case NONE -> null;
            case CUSTOM -> customRule.get();
            default -> {
                var freq = RecurrencePattern.Frequency.valueOf(repeat.get().name());
                EnumSet<DayOfWeek> days = weekdays.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(weekdays);
                if (freq == RecurrencePattern.Frequency.WEEKLY && days.isEmpty() && startDate.get() != null) {
                    days.add(startDate.get().getDayOfWeek());
                }
                yield new RecurrencePattern(freq, interval.get(), freq == RecurrencePattern.Frequency.WEEKLY ? days : null,
                        ends.get() == Ends.ON_DATE ? until.get() : null, ends.get() == Ends.AFTER ? count.get() : null)
                        .toRule(z, allDay.get());
            }
        };
    }

    // ------------------------------------------------------------------ actions

    /** Saves; {@code scope} matters for recurring events only. */
    public void save(EditScope scope, Runnable onSaved) {
        error.set("");
        fieldErrors.clear();
        EventDraft d;
        try {
            d = draft();
        } catch (ValidationException e) {
            fieldErrors.putAll(e.fieldErrors());
            error.set(String.join("\n", e.messages()));
            return;
        }
        busy.set(true);
        EventDetail before = existing;
        Occurrence from = occurrence;
        BackgroundTask.of(parent.messages().get("calendar.task.saveEvent"), p -> {
                    if (before == null) {
                        return parent.feature().events.create(parent.user(), d);
                    }
                    OffsetDateTime occurrenceStart = from == null ? null : from.originalStart();
                    if (before.isException() && occurrenceStart == null) {
                        occurrenceStart = before.originalStart();
                    }
                    return parent.feature().events.update(parent.user(), before.id(), before.version(), occurrenceStart, d, scope);
                })
                .onSuccess(saved -> {
                    onSaved.run();
                    parent.reload();
                })
                .onFailure(e -> {
                    if (e instanceof ValidationException v) {
                        fieldErrors.putAll(v.fieldErrors());
                    }
                    error.set(Errors.message(parent.messages(), e));
                })
                .onFinally(() -> busy.set(false))
                .runOn(parent.workspace().tasks());
    }

    public void delete(EditScope scope, Runnable onDeleted) {
        busy.set(true);
        EventDetail before = existing;
        Occurrence from = occurrence;
        BackgroundTask.of(parent.messages().get("calendar.task.deleteEvent"), p -> {
                    OffsetDateTime occurrenceStart = from == null ? null : from.originalStart();
                    parent.feature().events.delete(parent.user(), before.id(), before.version(), occurrenceStart, scope);
                    return null;
                })
                .onSuccess(v -> {
                    onDeleted.run();
                    parent.reload();
                })
                .onFailure(e -> error.set(Errors.message(parent.messages(), e)))
                .onFinally(() -> busy.set(false))
                .runOn(parent.workspace().tasks());
    }

    /** Finds companies, contacts or deals for a picker, in the background. */
    public void search(LinkedRecord.Type type, String text, Consumer<List<LinkedRecord>> then) {
        BackgroundTask.of(parent.messages().get("calendar.task.search"), p -> parent.feature().links.search(parent.user(), type, text, 10))
                .onSuccess(then::accept)
                .onFailure(e -> error.set(Errors.message(parent.messages(), e)))
                .runOn(parent.workspace().tasks());
    }

    /** Adds a guest by e-mail; false (with a message) when the address is not valid. */
    public boolean addGuest(String email) {
        if (!Emails.isValid(email)) {
            error.set(parent.messages().get("calendar.editor.badEmail", email == null ? "" : email));
            return false;
        }
        String clean = email.strip();
        if (attendees.stream().noneMatch(a -> clean.equalsIgnoreCase(a.email()))) {
            attendees.add(Attendee.ofEmail(clean, null));
        }
        error.set("");
        return true;
    }

    public void addContactGuest(LinkedRecord c) {
        if (c != null && attendees.stream().noneMatch(a -> c.id().equals(a.contactId()))) {
            attendees.add(Attendee.ofContact(c.id(), c.label(), c.email()));
        }
    }

    public void addColleague(UUID userId) {
        if (userId != null && attendees.stream().noneMatch(a -> userId.equals(a.userId()))) {
            attendees.add(Attendee.ofUser(userId, colleagues.get(userId), null));
        }
    }

    public void addReminder(Integer minutes) {
        if (minutes != null && !reminders.contains(minutes)) {
            reminders.add(minutes);
            reminders.sort(Integer::compare);
        }
    }

    // ------------------------------------------------------------------ properties

    public StringProperty titleProperty() { return title; }
    public ObjectProperty<CalendarInfo> calendarProperty() { return calendar; }
    public BooleanProperty allDayProperty() { return allDay; }
    public ObjectProperty<LocalDate> startDateProperty() { return startDate; }
    public StringProperty startTimeProperty() { return startTime; }
    public ObjectProperty<LocalDate> endDateProperty() { return endDate; }
    public StringProperty endTimeProperty() { return endTime; }
    public StringProperty zoneProperty() { return zone; }
    public ObjectProperty<Repeat> repeatProperty() { return repeat; }
    public IntegerProperty intervalProperty() { return interval; }
    public ObservableSet<DayOfWeek> weekdays() { return weekdays; }
    public ObjectProperty<Ends> endsProperty() { return ends; }
    public ObjectProperty<LocalDate> untilProperty() { return until; }
    public IntegerProperty countProperty() { return count; }
    public StringProperty customRuleProperty() { return customRule; }
    public ObjectProperty<EventStatus> statusProperty() { return status; }
    public StringProperty locationProperty() { return location; }
    public StringProperty meetingUrlProperty() { return meetingUrl; }
    public StringProperty descriptionProperty() { return description; }
    public ObjectProperty<LinkedRecord> companyProperty() { return company; }
    public ObjectProperty<LinkedRecord> contactProperty() { return contact; }
    public ObjectProperty<LinkedRecord> dealProperty() { return deal; }
    public ObservableList<Attendee> attendees() { return attendees; }
    public ObservableList<Integer> reminders() { return reminders; }
    public ObservableMap<UUID, String> colleagues() { return colleagues; }
    public StringProperty errorProperty() { return error; }
    public ObservableMap<String, String> fieldErrors() { return fieldErrors; }
    public BooleanProperty busyProperty() { return busy; }
    public BooleanProperty editableProperty() { return editable; }

    List<CalendarInfo> calendarChoices() {
        List<CalendarInfo> out = new ArrayList<>(parent.writableCalendars());
        if (calendar.get() != null && out.stream().noneMatch(c -> c.id().equals(calendar.get().id()))) {
            out.add(calendar.get());
        }
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
