package org.deskcrm.calendar.persistence;

import static org.deskcrm.db.Tables.CALENDARS;
import static org.deskcrm.db.Tables.CALENDAR_SHARES;
import static org.deskcrm.db.Tables.CALENDAR_SYNC_LOGS;
import static org.deskcrm.db.Tables.SETTINGS;
import static org.deskcrm.db.Tables.USERS;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.deskcrm.calendar.CalendarAccess;
import org.deskcrm.calendar.CalendarDraft;
import org.deskcrm.calendar.CalendarInfo;
import org.deskcrm.calendar.CalendarShare;
import org.deskcrm.calendar.SharePermission;
import org.deskcrm.db.tables.records.CalendarsRecord;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.persistence.SyncColumns;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.rules.RecordRules;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Calendars, their shares, and which calendars a user has hidden; reads apply the calendars record rule. */
public final class CalendarRepository {
    private static final SyncColumns<CalendarsRecord> SYNC = new SyncColumns<>(CALENDARS);
    /** User setting: ids of other people's calendars the user has hidden (JSON-free: comma separated). */
    static final String HIDDEN_KEY = "calendar.hidden_calendars";

    /** Calendars the user may see, own first (default first), then by owner and name. */
    public List<CalendarInfo> visible(DSLContext dsl, CurrentUser user) {
        Map<UUID, SharePermission> shares = sharesOf(dsl, user);
        Set<UUID> hidden = hiddenCalendars(dsl, user);
        List<CalendarInfo> out = new ArrayList<>();
        dsl.select(CALENDARS.fields()).select(USERS.FULL_NAME)
                .from(CALENDARS)
                .join(USERS).on(USERS.ID.eq(CALENDARS.OWNER_ID))
                .where(RecordRules.calendars(user).read())
                .orderBy(CALENDARS.OWNER_ID.eq(user.userId()).desc(), USERS.FULL_NAME, CALENDARS.IS_DEFAULT.desc(),
                        CALENDARS.NAME, CALENDARS.ID)
                .forEach(r -> out.add(toInfo(r, user, shares, hidden)));
        return out;
    }

    public Optional<CalendarInfo> find(DSLContext dsl, CurrentUser user, UUID id) {
        Map<UUID, SharePermission> shares = sharesOf(dsl, user);
        Set<UUID> hidden = hiddenCalendars(dsl, user);
        return dsl.select(CALENDARS.fields()).select(USERS.FULL_NAME)
                .from(CALENDARS)
                .join(USERS).on(USERS.ID.eq(CALENDARS.OWNER_ID))
                .where(CALENDARS.ID.eq(id).and(RecordRules.calendars(user).read()))
                .fetchOptional(r -> toInfo(r, user, shares, hidden));
    }

    /** A calendar regardless of the user (for booking into the owner's calendar); null when deleted. */
    public CalendarsRecord loadRaw(DSLContext dsl, UUID id) {
        return dsl.fetchOne(CALENDARS, CALENDARS.ID.eq(id));
    }

    public boolean writable(DSLContext dsl, CurrentUser user, UUID id) {
        return dsl.fetchExists(CALENDARS, CALENDARS.ID.eq(id).and(RecordRules.calendars(user).write()));
    }

    public Optional<UUID> defaultOf(DSLContext dsl, UUID organizationId, UUID ownerId) {
        return dsl.select(CALENDARS.ID).from(CALENDARS)
                .where(CALENDARS.ORGANIZATION_ID.eq(organizationId).and(CALENDARS.OWNER_ID.eq(ownerId))
                        .and(CALENDARS.IS_DEFAULT.isTrue()).and(CALENDARS.DELETED_AT.isNull()))
                .orderBy(CALENDARS.CREATED_AT, CALENDARS.ID)
                .limit(1)
                .fetchOptional(CALENDARS.ID);
    }

    /** Ids of the live calendars a user owns (for busy times). */
    public List<UUID> ownedBy(DSLContext dsl, UUID organizationId, UUID ownerId) {
        return dsl.select(CALENDARS.ID).from(CALENDARS)
                .where(CALENDARS.ORGANIZATION_ID.eq(organizationId).and(CALENDARS.OWNER_ID.eq(ownerId))
                        .and(CALENDARS.DELETED_AT.isNull()))
                .fetch(CALENDARS.ID);
    }

    /** Locks the owner's calendars until the transaction ends (serializes bookings of one person). */
    public void lockOwner(DSLContext tx, UUID organizationId, UUID ownerId) {
        tx.select(CALENDARS.ID).from(CALENDARS)
                .where(CALENDARS.ORGANIZATION_ID.eq(organizationId).and(CALENDARS.OWNER_ID.eq(ownerId)))
                .orderBy(CALENDARS.ID)
                .forUpdate()
                .fetch();
    }

    public void insert(DSLContext tx, UUID organizationId, UUID id, UUID ownerId, CalendarDraft d, boolean isDefault, UUID createdBy) {
        var now = SyncColumns.now();
        tx.insertInto(CALENDARS)
                .set(CALENDARS.ID, id)
                .set(CALENDARS.ORGANIZATION_ID, organizationId)
                .set(CALENDARS.OWNER_ID, ownerId)
                .set(CALENDARS.NAME, d.name().strip())
                .set(CALENDARS.DESCRIPTION, blankToNull(d.description()))
                .set(CALENDARS.COLOR, d.color())
                .set(CALENDARS.TIMEZONE, d.timezone())
                .set(CALENDARS.IS_DEFAULT, isDefault)
                .set(CALENDARS.IS_VISIBLE, true)
                .set(CALENDARS.IS_SHARED, d.sharedWithOrganization())
                .set(CALENDARS.CREATED_AT, now)
                .set(CALENDARS.UPDATED_AT, now)
                .set(CALENDARS.CREATED_BY, createdBy)
                .execute();
    }

    public void update(DSLContext tx, UUID id, long version, CalendarDraft d) {
        SYNC.updateChecked(tx, id, version, u -> u
                .set(CALENDARS.NAME, d.name().strip())
                .set(CALENDARS.DESCRIPTION, blankToNull(d.description()))
                .set(CALENDARS.COLOR, d.color())
                .set(CALENDARS.TIMEZONE, d.timezone())
                .set(CALENDARS.IS_SHARED, d.sharedWithOrganization()));
    }

    public void setOwnVisibility(DSLContext tx, UUID id, boolean visible) {
        tx.update(CALENDARS)
                .set(CALENDARS.IS_VISIBLE, visible)
                .set(CALENDARS.VERSION, CALENDARS.VERSION.plus(1))
                .set(CALENDARS.UPDATED_AT, SyncColumns.now())
                .where(CALENDARS.ID.eq(id).and(CALENDARS.IS_VISIBLE.ne(visible)))
                .execute();
    }

    public void softDelete(DSLContext tx, UUID id, long version) {
        SYNC.softDelete(tx, id, version);
    }

    // ------------------------------------------------------------------ shares

    /** Live members of the organization by name (for the share dialog and attendee pickers). */
    public Map<UUID, String> members(DSLContext dsl, UUID organizationId) {
        Map<UUID, String> out = new java.util.LinkedHashMap<>();
        dsl.select(USERS.ID, USERS.FULL_NAME)
                .from(USERS)
                .join(org.deskcrm.db.Tables.ORGANIZATION_MEMBERS).on(org.deskcrm.db.Tables.ORGANIZATION_MEMBERS.USER_ID.eq(USERS.ID))
                .where(org.deskcrm.db.Tables.ORGANIZATION_MEMBERS.ORGANIZATION_ID.eq(organizationId)
                        .and(org.deskcrm.db.Tables.ORGANIZATION_MEMBERS.DELETED_AT.isNull())
                        .and(USERS.DELETED_AT.isNull()).and(USERS.STATUS.eq("active")))
                .orderBy(USERS.FULL_NAME, USERS.ID)
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    public boolean isMember(DSLContext dsl, UUID organizationId, UUID userId) {
        return dsl.fetchExists(org.deskcrm.db.Tables.ORGANIZATION_MEMBERS,
                org.deskcrm.db.Tables.ORGANIZATION_MEMBERS.ORGANIZATION_ID.eq(organizationId)
                        .and(org.deskcrm.db.Tables.ORGANIZATION_MEMBERS.USER_ID.eq(userId))
                        .and(org.deskcrm.db.Tables.ORGANIZATION_MEMBERS.DELETED_AT.isNull()));
    }

    public List<CalendarShare> shares(DSLContext dsl, UUID organizationId, UUID calendarId) {
        return dsl.select(CALENDAR_SHARES.CALENDAR_ID, CALENDAR_SHARES.USER_ID, USERS.FULL_NAME, CALENDAR_SHARES.PERMISSION)
                .from(CALENDAR_SHARES)
                .join(USERS).on(USERS.ID.eq(CALENDAR_SHARES.USER_ID))
                .where(CALENDAR_SHARES.CALENDAR_ID.eq(calendarId).and(CALENDAR_SHARES.ORGANIZATION_ID.eq(organizationId))
                        .and(CALENDAR_SHARES.DELETED_AT.isNull()))
                .orderBy(USERS.FULL_NAME)
                .fetch(r -> new CalendarShare(r.value1(), r.value2(), r.value3(), SharePermission.fromDb(r.value4())));
    }

    /** Adds, changes or restores (a tombstoned) share. */
    public void upsertShare(DSLContext tx, UUID organizationId, UUID calendarId, UUID userId, SharePermission p, UUID actor) {
        var now = SyncColumns.now();
        int n = tx.update(CALENDAR_SHARES)
                .set(CALENDAR_SHARES.PERMISSION, p.dbName())
                .set(CALENDAR_SHARES.DELETED_AT, (java.time.OffsetDateTime) null)
                .set(CALENDAR_SHARES.VERSION, CALENDAR_SHARES.VERSION.plus(1))
                .set(CALENDAR_SHARES.UPDATED_AT, now)
                .where(CALENDAR_SHARES.CALENDAR_ID.eq(calendarId).and(CALENDAR_SHARES.USER_ID.eq(userId)))
                .execute();
        if (n == 0) {
            tx.insertInto(CALENDAR_SHARES)
                    .set(CALENDAR_SHARES.CALENDAR_ID, calendarId)
                    .set(CALENDAR_SHARES.USER_ID, userId)
                    .set(CALENDAR_SHARES.ORGANIZATION_ID, organizationId)
                    .set(CALENDAR_SHARES.PERMISSION, p.dbName())
                    .set(CALENDAR_SHARES.CREATED_AT, now)
                    .set(CALENDAR_SHARES.UPDATED_AT, now)
                    .set(CALENDAR_SHARES.CREATED_BY, actor)
                    .execute();
        }
    }

    public boolean removeShare(DSLContext tx, UUID calendarId, UUID userId) {
        var now = SyncColumns.now();
        return tx.update(CALENDAR_SHARES)
                .set(CALENDAR_SHARES.DELETED_AT, now)
                .set(CALENDAR_SHARES.VERSION, CALENDAR_SHARES.VERSION.plus(1))
                .set(CALENDAR_SHARES.UPDATED_AT, now)
                .where(CALENDAR_SHARES.CALENDAR_ID.eq(calendarId).and(CALENDAR_SHARES.USER_ID.eq(userId))
                        .and(CALENDAR_SHARES.DELETED_AT.isNull()))
                .execute() > 0;
    }

    /** Tombstones every share of a deleted calendar. */
    public void removeAllShares(DSLContext tx, UUID calendarId) {
        var now = SyncColumns.now();
        tx.update(CALENDAR_SHARES)
                .set(CALENDAR_SHARES.DELETED_AT, now)
                .set(CALENDAR_SHARES.VERSION, CALENDAR_SHARES.VERSION.plus(1))
                .set(CALENDAR_SHARES.UPDATED_AT, now)
                .where(CALENDAR_SHARES.CALENDAR_ID.eq(calendarId).and(CALENDAR_SHARES.DELETED_AT.isNull()))
                .execute();
    }

    private Map<UUID, SharePermission> sharesOf(DSLContext dsl, CurrentUser user) {
        Map<UUID, SharePermission> out = new HashMap<>();
        dsl.select(CALENDAR_SHARES.CALENDAR_ID, CALENDAR_SHARES.PERMISSION)
                .from(CALENDAR_SHARES)
                .where(CALENDAR_SHARES.USER_ID.eq(user.userId()).and(CALENDAR_SHARES.ORGANIZATION_ID.eq(user.organizationId()))
                        .and(CALENDAR_SHARES.DELETED_AT.isNull()))
                .forEach(r -> out.put(r.value1(), SharePermission.fromDb(r.value2())));
        return out;
    }

    // ------------------------------------------------------------------ hidden calendars (a per-user setting)

    public Set<UUID> hiddenCalendars(DSLContext dsl, CurrentUser user) {
        String value = dsl.select(SETTINGS.SETTING_VALUE).from(SETTINGS)
                .where(SETTINGS.ORGANIZATION_ID.eq(user.organizationId()).and(SETTINGS.SCOPE_ID.eq(user.userId()))
                        .and(SETTINGS.SETTING_KEY.eq(HIDDEN_KEY)).and(SETTINGS.DELETED_AT.isNull()))
                .fetchOne(SETTINGS.SETTING_VALUE);
        Set<UUID> out = new LinkedHashSet<>();
        if (value != null) {
            for (String s : value.split(",")) {
                if (!s.isBlank()) {
                    try {
                        out.add(UUID.fromString(s.strip()));
                    } catch (IllegalArgumentException ignored) {
                        // a value written by hand; skip it
                    }
                }
            }
        }
        return out;
    }

    public void setHiddenCalendars(DSLContext tx, CurrentUser user, Collection<UUID> ids) {
        String value = String.join(",", ids.stream().map(UUID::toString).toList());
        var now = SyncColumns.now();
        int n = tx.update(SETTINGS)
                .set(SETTINGS.SETTING_VALUE, value)
                .set(SETTINGS.DELETED_AT, (java.time.OffsetDateTime) null)
                .set(SETTINGS.VERSION, SETTINGS.VERSION.plus(1))
                .set(SETTINGS.UPDATED_AT, now)
                .where(SETTINGS.ORGANIZATION_ID.eq(user.organizationId()).and(SETTINGS.SCOPE_ID.eq(user.userId()))
                        .and(SETTINGS.SETTING_KEY.eq(HIDDEN_KEY)))
                .execute();
        if (n == 0) {
            tx.insertInto(SETTINGS)
                    .set(SETTINGS.ID, Ids.newId())
                    .set(SETTINGS.ORGANIZATION_ID, user.organizationId())
                    .set(SETTINGS.USER_ID, user.userId())
                    .set(SETTINGS.SCOPE_ID, user.userId())
                    .set(SETTINGS.SETTING_KEY, HIDDEN_KEY)
                    .set(SETTINGS.SETTING_VALUE, value)
                    .set(SETTINGS.CREATED_AT, now)
                    .set(SETTINGS.UPDATED_AT, now)
                    .set(SETTINGS.CREATED_BY, user.userId())
                    .execute();
        }
    }

    // ------------------------------------------------------------------ mapping

    private static CalendarInfo toInfo(Record r, CurrentUser user, Map<UUID, SharePermission> shares, Set<UUID> hidden) {
        UUID id = r.get(CALENDARS.ID);
        UUID owner = r.get(CALENDARS.OWNER_ID);
        boolean own = owner.equals(user.userId());
        CalendarAccess access = accessOf(user, own, shares.get(id), r.get(CALENDARS.IS_SHARED));
        if (access == CalendarAccess.ORGANIZATION && !Boolean.TRUE.equals(r.get(CALENDARS.IS_SHARED))) {
            // readable without a share or the organization flag: a calendar of the manager's team
            access = CalendarAccess.VIEW;
        }
        boolean visible = own ? Boolean.TRUE.equals(r.get(CALENDARS.IS_VISIBLE)) : !hidden.contains(id);
        return new CalendarInfo(id, owner, r.get(USERS.FULL_NAME), r.get(CALENDARS.NAME), r.get(CALENDARS.DESCRIPTION),
                r.get(CALENDARS.COLOR), zoneOf(r.get(CALENDARS.TIMEZONE)), Boolean.TRUE.equals(r.get(CALENDARS.IS_DEFAULT)),
                visible, Boolean.TRUE.equals(r.get(CALENDARS.IS_SHARED)), access, r.get(CALENDARS.VERSION));
    }

    static CalendarAccess accessOf(CurrentUser user, boolean own, SharePermission share, Boolean orgShared) {
        if (own) {
            return CalendarAccess.OWNER;
        }
        if (user.isAdmin()) {
            return CalendarAccess.ADMIN;
        }
        if (share != null) {
            return switch (share) {
                case MANAGE -> CalendarAccess.MANAGE;
                case EDIT -> CalendarAccess.EDIT;
                case VIEW -> CalendarAccess.VIEW;
                case FREE_BUSY -> Boolean.TRUE.equals(orgShared) ? CalendarAccess.ORGANIZATION : CalendarAccess.FREE_BUSY;
            };
        }
        return CalendarAccess.ORGANIZATION;
    }

    /** A stored zone name as a ZoneId; unknown names (hand-edited rows) fall back to UTC. */
    public static ZoneId zoneOf(String name) {
        if (name == null || name.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** One line of the calendar's import/export history (calendar_sync_logs, seed 004). */
    public void logSync(DSLContext tx, UUID organizationId, UUID userId, UUID calendarId, String type, String status,
            int count, String error, OffsetDateTime at) {
        tx.insertInto(CALENDAR_SYNC_LOGS)
                .set(CALENDAR_SYNC_LOGS.ID, Ids.newId())
                .set(CALENDAR_SYNC_LOGS.ORGANIZATION_ID, organizationId)
                .set(CALENDAR_SYNC_LOGS.USER_ID, userId)
                .set(CALENDAR_SYNC_LOGS.CALENDAR_ID, calendarId)
                .set(CALENDAR_SYNC_LOGS.SYNC_TYPE, type)
                .set(CALENDAR_SYNC_LOGS.STATUS, status)
                .set(CALENDAR_SYNC_LOGS.EVENTS_SYNCED, count)
                .set(CALENDAR_SYNC_LOGS.ERROR_MESSAGE, error)
                .set(CALENDAR_SYNC_LOGS.CREATED_AT, at)
                .execute();
    }
}
