package org.deskcrm.calendar.ui;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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
import org.deskcrm.booking.AvailabilityException;
import org.deskcrm.booking.Booking;
import org.deskcrm.booking.BookingRequest;
import org.deskcrm.booking.BookingType;
import org.deskcrm.booking.BookingTypeDraft;
import org.deskcrm.booking.Slot;
import org.deskcrm.booking.WeeklyHours;
import org.deskcrm.calendar.CalendarInfo;
import org.deskcrm.calendar.LinkedRecord;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Resource;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.shell.Workspace;
import org.deskcrm.ui.task.BackgroundTask;

/**
 * The booking pane: booking types, the user's working hours, date exceptions and notice, the
 * free slots of the chosen type for a date range, and booking one for a guest.
 */
public final class BookingViewModel {
    private final CalendarFeature feature;
    private final Workspace workspace;
    private final ObservableList<BookingType> types = FXCollections.observableArrayList();
    private final ObjectProperty<BookingType> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObservableList<Slot> slots = FXCollections.observableArrayList();
    private final BooleanProperty searched = new SimpleBooleanProperty();
    private final ObjectProperty<WeeklyHours> hours = new SimpleObjectProperty<>();
    private final IntegerProperty noticeMinutes = new SimpleIntegerProperty();
    private final ObservableList<AvailabilityException> exceptions = FXCollections.observableArrayList();
    private final ObservableList<CalendarInfo> ownCalendars = FXCollections.observableArrayList();
    private final ObjectProperty<ZoneId> slotZone = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private boolean loaded;

    public BookingViewModel(CalendarFeature feature, Workspace workspace) {
        this.feature = feature;
        this.workspace = workspace;
        LocalDate today = java.time.ZonedDateTime.now(workspace.clock()).withZoneSameInstant(workspace.zone()).toLocalDate();
        from.set(today);
        to.set(today.plusDays(13));
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

    public boolean canManageTypes() {
        return user().can(Resource.BOOKING_TYPES, Action.CREATE);
    }

    public boolean canEditHours() {
        return user().can(Resource.BOOKING_TYPES, Action.UPDATE);
    }

    public boolean canBook() {
        return user().can(Resource.EVENTS, Action.CREATE);
    }

    public boolean mayEdit(BookingType t) {
        return t != null && user().can(Resource.BOOKING_TYPES, Action.UPDATE) && (t.ownerId().equals(user().userId()) || user().isAdmin());
    }

    /** Loads types, hours, exceptions and the notice (once; {@link #reload()} forces it). */
    public void load() {
        if (!loaded) {
            reload();
        }
    }

    public void reload() {
        loaded = true;
        busy.set(true);
        LocalDate today = from.get() == null ? LocalDate.now(workspace.clock()) : from.get();
        BackgroundTask.of(messages().get("calendar.task.loadBooking"), p -> new Setup(
                        feature.booking.types(user()),
                        feature.booking.weeklyHours(user(), user().userId(), workspace.zone()),
                        feature.booking.minimumNotice(user(), user().userId()),
                        feature.booking.exceptions(user(), user().userId(), today.minusDays(1), today.plusYears(1)),
                        feature.calendars.list(user()).stream().filter(c -> c.ownedBy(user().userId())).toList()))
                .onSuccess(s -> {
                    BookingType keep = selected.get();
                    types.setAll(s.types());
                    noticeMinutes.set(s.notice());
                    hours.set(s.hours());
                    exceptions.setAll(s.exceptions());
                    ownCalendars.setAll(s.calendars());
                    selected.set(keep == null ? types.stream().filter(t -> t.active()).findFirst().orElse(null)
                            : types.stream().filter(t -> t.id().equals(keep.id())).findFirst().orElse(null));
                })
                .onFailure(e -> error.set(Errors.message(messages(), e)))
                .onFinally(() -> busy.set(false))
                .runOn(workspace.tasks());
    }

    private record Setup(List<BookingType> types, WeeklyHours hours, int notice, List<AvailabilityException> exceptions,
            List<CalendarInfo> calendars) {}

    // ------------------------------------------------------------------ types

    public void saveType(BookingType existing, BookingTypeDraft draft, Runnable onSaved, Consumer<String> onError) {
        BackgroundTask.of(messages().get("calendar.task.saveBookingType"), p -> existing == null
                        ? feature.booking.createType(user(), draft)
                        : feature.booking.updateType(user(), existing.id(), existing.version(), draft))
                .onSuccess(t -> {
                    selected.set(t);
                    onSaved.run();
                    reload();
                })
                .onFailure(e -> onError.accept(Errors.message(messages(), e)))
                .runOn(workspace.tasks());
    }

    public void deleteType(BookingType t) {
        BackgroundTask.of(messages().get("calendar.task.saveBookingType"), p -> {
                    feature.booking.deleteType(user(), t.id(), t.version());
                    return null;
                })
                .onSuccess(v -> {
                    selected.set(null);
                    slots.clear();
                    reload();
                })
                .onFailure(e -> error.set(Errors.message(messages(), e)))
                .runOn(workspace.tasks());
    }

    // ------------------------------------------------------------------ slots and booking

    public void findSlots() {
        BookingType t = selected.get();
        if (t == null) {
            return;
        }
        error.set("");
        busy.set(true);
        LocalDate a = from.get();
        LocalDate b = to.get();
        BackgroundTask.of(messages().get("calendar.task.findSlots"), p -> new Found(feature.booking.findSlots(user(), t.id(), a, b),
                        feature.booking.availabilityZone(user(), t.ownerId())))
                .onSuccess(f -> {
                    slotZone.set(f.zone());
                    slots.setAll(f.slots());
                    searched.set(true);
                })
                .onFailure(e -> {
                    slots.clear();
                    error.set(Errors.message(messages(), e));
                })
                .onFinally(() -> busy.set(false))
                .runOn(workspace.tasks());
    }

    private record Found(List<Slot> slots, ZoneId zone) {}

    public void book(Slot slot, BookingRequest request, Consumer<Booking> onBooked, Consumer<String> onError) {
        BookingType t = selected.get();
        BackgroundTask.of(messages().get("calendar.task.book"), p -> feature.booking.book(user(), t.id(), slot.start().toInstant(), request))
                .onSuccess(b -> {
                    notice.set(messages().get("calendar.booking.booked", b.title(),
                            b.start().withZoneSameInstant(workspace.zone()).format(
                                    java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM,
                                            java.time.format.FormatStyle.SHORT).withLocale(messages().getLocale()))));
                    onBooked.accept(b);
                    findSlots();
                })
                .onFailure(e -> {
                    onError.accept(Errors.message(messages(), e));
                    findSlots();
                })
                .runOn(workspace.tasks());
    }

    public void searchContacts(String text, Consumer<List<LinkedRecord>> then) {
        BackgroundTask.of(messages().get("calendar.task.search"), p -> feature.links.search(user(), LinkedRecord.Type.CONTACT, text, 10))
                .onSuccess(then::accept)
                .onFailure(e -> error.set(Errors.message(messages(), e)))
                .runOn(workspace.tasks());
    }

    /** The contact with a guest's e-mail address, if the user can see exactly one. */
    public void contactByEmail(String email, Consumer<LinkedRecord> then) {
        BackgroundTask.of(messages().get("calendar.task.search"), p -> feature.links.contactByEmail(user(), email).orElse(null))
                .onSuccess(then::accept)
                .runOn(workspace.tasks());
    }

    // ------------------------------------------------------------------ availability

    public void saveHours(WeeklyHours newHours, int notice, Runnable onSaved) {
        error.set("");
        BackgroundTask.of(messages().get("calendar.task.saveHours"), p -> {
                    feature.booking.setWeeklyHours(user(), newHours);
                    feature.booking.setMinimumNotice(user(), notice);
                    return null;
                })
                .onSuccess(v -> {
                    hours.set(newHours);
                    noticeMinutes.set(notice);
                    this.notice.set(messages().get("calendar.hours.saved"));
                    onSaved.run();
                    refindSlots();
                })
                .onFailure(e -> error.set(Errors.message(messages(), e)))
                .runOn(workspace.tasks());
    }

    public void addException(AvailabilityException x, Runnable onAdded) {
        error.set("");
        BackgroundTask.of(messages().get("calendar.task.saveHours"), p -> feature.booking.addException(user(), x))
                .onSuccess(saved -> {
                    onAdded.run();
                    reload();
                    refindSlots();
                })
                .onFailure(e -> error.set(Errors.message(messages(), e)))
                .runOn(workspace.tasks());
    }

    public void removeException(AvailabilityException x) {
        BackgroundTask.of(messages().get("calendar.task.saveHours"), p -> {
                    feature.booking.removeException(user(), x.id(), x.version());
                    return null;
                })
                .onSuccess(v -> {
                    reload();
                    refindSlots();
                })
                .onFailure(e -> error.set(Errors.message(messages(), e)))
                .runOn(workspace.tasks());
    }

    /** Slots already listed are searched again after the availability changed, so none that is gone stays offered. */
    private void refindSlots() {
        if (selected.get() != null && searched.get()) {
            findSlots();
        }
    }

    // ------------------------------------------------------------------ properties

    public ObservableList<BookingType> types() { return types; }
    public ObjectProperty<BookingType> selectedProperty() { return selected; }
    public ObjectProperty<LocalDate> fromProperty() { return from; }
    public ObjectProperty<LocalDate> toProperty() { return to; }
    public ObservableList<Slot> slots() { return slots; }
    public BooleanProperty searchedProperty() { return searched; }
    public ObjectProperty<WeeklyHours> hoursProperty() { return hours; }
    public IntegerProperty noticeMinutesProperty() { return noticeMinutes; }
    public ObservableList<AvailabilityException> exceptions() { return exceptions; }
    public ObservableList<CalendarInfo> ownCalendars() { return ownCalendars; }
    public ObjectProperty<ZoneId> slotZoneProperty() { return slotZone; }
    public StringProperty errorProperty() { return error; }
    public StringProperty noticeProperty() { return notice; }
    public BooleanProperty busyProperty() { return busy; }
}
