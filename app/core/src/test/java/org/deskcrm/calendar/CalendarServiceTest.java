package org.deskcrm.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deskcrm.db.Tables.AUDIT_LOG;
import static org.deskcrm.db.Tables.EVENTS;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.platform.persistence.StaleRecordException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.Role;
import org.deskcrm.testing.BothDatabases;
import org.deskcrm.testing.TestWorkspace;

/** Calendars: the lazy default calendar, managing, sharing with colleagues (and what each share allows), hiding. */
class CalendarServiceTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @BothDatabases
    void everyoneGetsOneDefaultCalendarAndManagesTheirOwn(Database db) {
        var kit = new CalendarKit(new TestWorkspace(db));
        var sales = kit.ws.as(Role.SALES);
        CalendarInfo mine = kit.calendars.ensureDefault(sales, BERLIN).orElseThrow();
        assertThat(mine.name()).isEqualTo(CalendarService.DEFAULT_NAME);
        assertThat(mine.isDefault()).isTrue();
        assertThat(mine.zone()).isEqualTo(BERLIN);
        assertThat(mine.access()).isEqualTo(CalendarAccess.OWNER);
        assertThat(kit.calendars.ensureDefault(sales, ZoneId.of("UTC")).orElseThrow().id()).isEqualTo(mine.id());
        // Viewers may not create calendars: no default is made for them.
        assertThat(kit.calendars.ensureDefault(kit.ws.as(Role.VIEWER), BERLIN)).isEmpty();

        CalendarInfo trips = kit.calendars.create(sales, new CalendarDraft("Trips", "Travel", "#22C55E", "Europe/Berlin", false));
        assertThat(trips.isDefault()).isFalse();
        assertThat(trips.color()).isEqualTo("#22c55e");
        CalendarInfo renamed = kit.calendars.update(sales, trips.id(), trips.version(),
                new CalendarDraft("Travel", null, "#ef4444", "Europe/Paris", false));
        assertThat(renamed.name()).isEqualTo("Travel");
        assertThat(renamed.version()).isEqualTo(trips.version() + 1);
        assertThatThrownBy(() -> kit.calendars.update(sales, trips.id(), trips.version(),
                new CalendarDraft("Again", null, "#ef4444", "UTC", false))).isInstanceOf(StaleRecordException.class);
        assertThatThrownBy(() -> kit.calendars.create(sales, new CalendarDraft(" ", null, "blue", "Mars/Olympus", false)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldErrors()).containsKeys("name", "color", "timezone"));
        assertThatThrownBy(() -> kit.calendars.delete(sales, mine.id(), mine.version()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("default calendar");

        var start = ZonedDateTime.of(2026, 4, 1, 10, 0, 0, 0, BERLIN);
        kit.events.create(sales, EventDraft.simple(renamed.id(), "Flight", start, start.plusHours(2)));
        kit.calendars.delete(sales, renamed.id(), renamed.version());
        assertThat(kit.calendars.list(sales)).extracting(CalendarInfo::name).containsExactly(CalendarService.DEFAULT_NAME);
        assertThat(db.dsl().fetchCount(EVENTS, EVENTS.CALENDAR_ID.eq(renamed.id()).and(EVENTS.DELETED_AT.isNull()))).isZero();
        assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.RECORD_ID.eq(renamed.id()))).isEqualTo(3);
    }

    @BothDatabases
    void aManagerSeesTheCalendarsOfTheirTeamButMayNotChangeThem(Database db) {
        var kit = new CalendarKit(new TestWorkspace(db));
        var rep = kit.ws.sales2;                       // reports to the manager
        var manager = kit.ws.as(Role.MANAGER);
        var outsider = kit.ws.as(Role.SALES);          // reports to nobody
        var cal = kit.calendars.ensureDefault(rep, BERLIN).orElseThrow();
        var start = ZonedDateTime.of(2026, 4, 3, 14, 0, 0, 0, BERLIN);
        kit.events.create(rep, EventDraft.simple(cal.id(), "Demo at Initech", start, start.plusHours(1)));
        Instant from = start.minusDays(1).toInstant();
        Instant to = start.plusDays(1).toInstant();

        CalendarInfo seen = kit.calendars.list(manager).stream().filter(c -> c.id().equals(cal.id())).findFirst().orElseThrow();
        assertThat(seen.access()).isEqualTo(CalendarAccess.VIEW);
        assertThat(kit.events.occurrences(manager, Set.of(cal.id()), from, to)).extracting(Occurrence::title)
                .containsExactly("Demo at Initech");
        assertThatThrownBy(() -> kit.events.create(manager, EventDraft.simple(cal.id(), "Overbooked", start, start.plusHours(1))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> kit.calendars.update(manager, cal.id(), cal.version(),
                new CalendarDraft("Mine now", null, "#ef4444", "UTC", false))).isInstanceOfAny(AccessDeniedException.class,
                NotFoundException.class);
        // A rep outside the team does not see it.
        assertThat(kit.calendars.list(outsider)).extracting(CalendarInfo::id).doesNotContain(cal.id());
    }

    @BothDatabases
    void sharesGrantFreeBusyViewEditOrManage(Database db) {
        var kit = new CalendarKit(new TestWorkspace(db));
        var owner = kit.ws.as(Role.SALES);
        var colleague = kit.ws.sales2;
        var cal = kit.calendars.ensureDefault(owner, BERLIN).orElseThrow();
        var start = ZonedDateTime.of(2026, 4, 2, 9, 0, 0, 0, BERLIN);
        var lunch = kit.events.create(owner, EventDraft.simple(cal.id(), "Lunch with Acme", start, start.plusHours(1)));
        Instant from = start.minusDays(1).toInstant();
        Instant to = start.plusDays(1).toInstant();

        // Not shared: the colleague sees neither the calendar nor its events.
        assertThat(kit.calendars.list(colleague)).extracting(CalendarInfo::id).doesNotContain(cal.id());
        assertThat(kit.events.occurrences(colleague, Set.of(cal.id()), from, to)).isEmpty();
        assertThatThrownBy(() -> kit.events.get(colleague, lunch.id())).isInstanceOf(NotFoundException.class);
        // Only the owner (or an admin, or a manager share) may share it.
        assertThatThrownBy(() -> kit.calendars.share(colleague, cal.id(), colleague.userId(), SharePermission.MANAGE))
                .isInstanceOf(NotFoundException.class);

        kit.calendars.share(owner, cal.id(), colleague.userId(), SharePermission.FREE_BUSY);
        List<Occurrence> busy = kit.events.occurrences(colleague, Set.of(cal.id()), from, to);
        assertThat(busy).singleElement().satisfies(o -> {
            assertThat(o.busyOnly()).isTrue();
            assertThat(o.title()).isNull();
            assertThat(o.editable()).isFalse();
        });
        assertThatThrownBy(() -> kit.events.get(colleague, lunch.id())).isInstanceOf(AccessDeniedException.class);

        kit.calendars.share(owner, cal.id(), colleague.userId(), SharePermission.VIEW);
        assertThat(kit.calendars.shares(owner, cal.id())).singleElement()
                .satisfies(s -> assertThat(s.permission()).isEqualTo(SharePermission.VIEW));
        assertThat(kit.events.occurrences(colleague, Set.of(cal.id()), from, to)).singleElement()
                .satisfies(o -> assertThat(o.title()).isEqualTo("Lunch with Acme"));
        assertThatThrownBy(() -> kit.events.update(colleague, lunch.id(), lunch.version(), null,
                lunch.toDraft().withTitle("Mine now"), EditScope.ALL_OCCURRENCES)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> kit.events.create(colleague, EventDraft.simple(cal.id(), "Sneaky", start, start.plusHours(1))))
                .isInstanceOf(AccessDeniedException.class);

        kit.calendars.share(owner, cal.id(), colleague.userId(), SharePermission.EDIT);
        var moved = kit.events.update(colleague, lunch.id(), lunch.version(), null,
                lunch.toDraft().withTimes(start.plusHours(3), start.plusHours(4)), EditScope.ALL_OCCURRENCES);
        assertThat(moved.start()).isEqualTo(start.plusHours(3));
        var added = kit.events.create(colleague, EventDraft.simple(cal.id(), "Prep", start, start.plusMinutes(30)));
        assertThat(added.ownerId()).as("the calendar's owner organizes events put in their calendar").isEqualTo(owner.userId());
        assertThatThrownBy(() -> kit.calendars.update(colleague, cal.id(), cal.version(),
                new CalendarDraft("Hijacked", null, "#ef4444", "UTC", false))).isInstanceOf(AccessDeniedException.class);

        kit.calendars.unshare(owner, cal.id(), colleague.userId());
        assertThat(kit.calendars.list(colleague)).extracting(CalendarInfo::id).doesNotContain(cal.id());
        // Admins see every calendar of the organization.
        assertThat(kit.calendars.list(kit.ws.admin)).extracting(CalendarInfo::id).contains(cal.id());
        assertThat(kit.calendars.list(kit.ws.admin).stream().filter(c -> c.id().equals(cal.id())).findFirst().orElseThrow().access())
                .isEqualTo(CalendarAccess.ADMIN);
    }

    @BothDatabases
    void organizationWideCalendarsAreReadOnlyForOthersAndHidingIsPersonal(Database db) {
        var kit = new CalendarKit(new TestWorkspace(db));
        var owner = kit.ws.as(Role.MANAGER);
        var team = kit.calendars.create(owner, new CalendarDraft("Team holidays", null, "#f59e0b", "Europe/Berlin", true));
        var sales = kit.ws.as(Role.SALES);
        CalendarInfo seen = kit.calendars.list(sales).stream().filter(c -> c.id().equals(team.id())).findFirst().orElseThrow();
        assertThat(seen.access()).isEqualTo(CalendarAccess.ORGANIZATION);
        assertThat(seen.access().canEditEvents()).isFalse();
        assertThat(seen.visible()).isTrue();
        kit.calendars.setVisible(sales, team.id(), false);
        assertThat(kit.calendars.get(sales, team.id()).visible()).isFalse();
        assertThat(kit.calendars.get(owner, team.id()).visible()).as("hiding is per person").isTrue();
        kit.calendars.setVisible(owner, team.id(), false);
        assertThat(kit.calendars.get(owner, team.id()).visible()).isFalse();
        kit.calendars.setVisible(sales, team.id(), true);
        assertThat(kit.calendars.get(sales, team.id()).visible()).isTrue();
    }
}
