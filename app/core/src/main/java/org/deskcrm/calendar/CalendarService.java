package org.deskcrm.calendar;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.deskcrm.audit.AuditAction;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.calendar.persistence.CalendarRepository;
import org.deskcrm.calendar.persistence.EventRepository;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Resource;
import org.jooq.DSLContext;

/**
 * The user's calendars and the ones shared with them: create, recolor, share, hide, delete. Each
 * user has one default calendar ("My calendar"), created the first time they need one.
 */
public final class CalendarService {
    /** The colors the calendar form offers (the calendar view draws these exactly; other colors show as the nearest). */
    public static final List<String> PALETTE = List.of(
            "#22c55e", "#3b82f6", "#f59e0b", "#8b5cf6", "#ef4444", "#14b8a6");
    public static final String DEFAULT_COLOR = "#3b82f6";
    public static final String DEFAULT_NAME = "My calendar";
    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

    private final DSLContext dsl;
    private final CalendarRepository calendars;
    private final EventRepository events;
    private final AuditLog audit;

    public CalendarService(DSLContext dsl, CalendarRepository calendars, EventRepository events, AuditLog audit) {
        this.dsl = dsl;
        this.calendars = calendars;
        this.events = events;
        this.audit = audit;
    }

    /** Calendars the user may see: their own first, then colleagues' shared with them (admins: all). */
    public List<CalendarInfo> list(CurrentUser user) {
        return calendars.visible(dsl, user);
    }

    public CalendarInfo get(CurrentUser user, UUID id) {
        return calendars.find(dsl, user, id)
                .orElseThrow(() -> new NotFoundException("This calendar does not exist or you may not see it."));
    }

    /**
     * The user's default calendar, created ("My calendar" in {@code zone}) when they have none
     * and may create calendars; empty for users who may not.
     */
    public Optional<CalendarInfo> ensureDefault(CurrentUser user, ZoneId zone) {
        Optional<UUID> existing = calendars.defaultOf(dsl, user.organizationId(), user.userId());
        if (existing.isPresent()) {
            return calendars.find(dsl, user, existing.get());
        }
        if (!user.can(Resource.CALENDARS, Action.CREATE)) {
            return Optional.empty();
        }
        UUID id = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            calendars.lockOwner(tx, user.organizationId(), user.userId());
            Optional<UUID> again = calendars.defaultOf(tx, user.organizationId(), user.userId());
            if (again.isPresent()) {
                return again.get();
            }
            UUID newId = Ids.newId();
            CalendarDraft d = new CalendarDraft(DEFAULT_NAME, null, DEFAULT_COLOR, zone.getId(), false);
            calendars.insert(tx, user.organizationId(), newId, user.userId(), d, true, user.userId());
            audit.record(tx, user, "calendars", newId, AuditAction.INSERT, null, calendars.loadRaw(tx, newId));
            return newId;
        });
        return calendars.find(dsl, user, id);
    }

    public CalendarInfo create(CurrentUser user, CalendarDraft draft) {
        user.require(Resource.CALENDARS, Action.CREATE);
        CalendarDraft d = validate(draft);
        UUID id = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            UUID newId = Ids.newId();
            boolean first = calendars.defaultOf(tx, user.organizationId(), user.userId()).isEmpty();
            calendars.insert(tx, user.organizationId(), newId, user.userId(), d, first, user.userId());
            audit.record(tx, user, "calendars", newId, AuditAction.INSERT, null, calendars.loadRaw(tx, newId));
            return newId;
        });
        return get(user, id);
    }

    public CalendarInfo update(CurrentUser user, UUID id, long version, CalendarDraft draft) {
        user.require(Resource.CALENDARS, Action.UPDATE);
        CalendarDraft d = validate(draft);
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            requireManageable(tx, user, id);
            var before = calendars.loadRaw(tx, id);
            calendars.update(tx, id, version, d);
            audit.record(tx, user, "calendars", id, AuditAction.UPDATE, before, calendars.loadRaw(tx, id));
        });
        return get(user, id);
    }

    /** Deletes a calendar and its events (tombstones); the default calendar cannot be deleted. */
    public void delete(CurrentUser user, UUID id, long version) {
        user.require(Resource.CALENDARS, Action.DELETE);
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            CalendarInfo cal = requireManageable(tx, user, id);
            if (cal.isDefault()) {
                throw new ValidationException("", "The default calendar cannot be deleted; rename it instead.");
            }
            var before = calendars.loadRaw(tx, id);
            calendars.softDelete(tx, id, version);
            int removed = events.softDeleteByCalendar(tx, id);
            calendars.removeAllShares(tx, id);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("events_deleted", removed);
            audit.record(tx, user.organizationId(), user.userId(), "calendars", id, AuditAction.DELETE, before.intoMap(), after);
        });
    }

    /** Shows or hides a calendar in the user's calendar view (their own or a shared one). */
    public void setVisible(CurrentUser user, UUID id, boolean visible) {
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            CalendarInfo cal = calendars.find(tx, user, id)
                    .orElseThrow(() -> new NotFoundException("This calendar does not exist or you may not see it."));
            if (cal.ownedBy(user.userId())) {
                calendars.setOwnVisibility(tx, id, visible);
            } else {
                Set<UUID> hidden = new HashSet<>(calendars.hiddenCalendars(tx, user));
                boolean changed = visible ? hidden.remove(id) : hidden.add(id);
                if (changed) {
                    calendars.setHiddenCalendars(tx, user, hidden);
                }
            }
        });
    }

    // ------------------------------------------------------------------ sharing

    /** Active colleagues of the user's organization, by name (the user included). */
    public Map<UUID, String> colleagues(CurrentUser user) {
        return calendars.members(dsl, user.organizationId());
    }

    public List<CalendarShare> shares(CurrentUser user, UUID calendarId) {
        requireManageable(dsl, user, calendarId);
        return calendars.shares(dsl, user.organizationId(), calendarId);
    }

    /** Shares a calendar with a colleague (or changes what they may do). */
    public void share(CurrentUser user, UUID calendarId, UUID colleagueId, SharePermission permission) {
        user.require(Resource.CALENDARS, Action.UPDATE);
        if (permission == null) {
            throw new ValidationException("permission", "Choose what the colleague may do.");
        }
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            CalendarInfo cal = requireManageable(tx, user, calendarId);
            if (cal.ownerId().equals(colleagueId)) {
                throw new ValidationException("user", "This is the owner's own calendar.");
            }
            if (!calendars.isMember(tx, user.organizationId(), colleagueId)) {
                throw new NotFoundException("That person is not a member of this organization.");
            }
            calendars.upsertShare(tx, user.organizationId(), calendarId, colleagueId, permission, user.userId());
            audit.record(tx, user.organizationId(), user.userId(), "calendar_shares", calendarId, AuditAction.PERMISSION_CHANGE,
                    null, Map.of("user_id", colleagueId, "permission", permission.dbName()));
        });
    }

    public void unshare(CurrentUser user, UUID calendarId, UUID colleagueId) {
        user.require(Resource.CALENDARS, Action.UPDATE);
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            requireManageable(tx, user, calendarId);
            if (calendars.removeShare(tx, calendarId, colleagueId)) {
                audit.record(tx, user.organizationId(), user.userId(), "calendar_shares", calendarId, AuditAction.PERMISSION_CHANGE,
                        Map.of("user_id", colleagueId), null);
            }
        });
    }

    // ------------------------------------------------------------------ helpers

    private CalendarInfo requireManageable(DSLContext tx, CurrentUser user, UUID id) {
        CalendarInfo cal = calendars.find(tx, user, id)
                .orElseThrow(() -> new NotFoundException("This calendar does not exist or you may not see it."));
        if (!cal.access().canManage() || !calendars.writable(tx, user, id)) {
            throw new AccessDeniedException("You may not change the calendar \"" + cal.name() + "\".");
        }
        return cal;
    }

    static CalendarDraft validate(CalendarDraft d) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (d.name() == null || d.name().isBlank()) {
            errors.put("name", "Give the calendar a name.");
        } else if (d.name().strip().length() > 200) {
            errors.put("name", "The name may have at most 200 characters.");
        }
        String color = d.color() == null || d.color().isBlank() ? DEFAULT_COLOR : d.color().strip();
        if (!HEX.matcher(color).matches()) {
            errors.put("color", "Colors are written like #3b82f6.");
        }
        String zone = d.timezone() == null || d.timezone().isBlank() ? "UTC" : d.timezone().strip();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            errors.put("timezone", "\"" + zone + "\" is not a time zone DeskCRM knows (use names like Europe/Berlin).");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new CalendarDraft(d.name().strip(), d.description(), color.toLowerCase(java.util.Locale.ROOT), zone,
                d.sharedWithOrganization());
    }
}
