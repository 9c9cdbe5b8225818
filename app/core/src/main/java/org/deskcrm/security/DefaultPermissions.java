package org.deskcrm.security;

import static org.deskcrm.security.Action.APPROVE;
import static org.deskcrm.security.Action.CREATE;
import static org.deskcrm.security.Action.DELETE;
import static org.deskcrm.security.Action.EXPORT;
import static org.deskcrm.security.Action.IMPORT;
import static org.deskcrm.security.Action.MANAGE_STAGES;
import static org.deskcrm.security.Action.READ;
import static org.deskcrm.security.Action.UPDATE;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The grants a new organization starts with (an admin edits them in Settings). They follow the
 * seed policies: admins everything; sales work their own book; finance owns money; support reads
 * customers and works tickets; viewers read. Record rules then narrow which rows each may touch.
 */
public final class DefaultPermissions {
    private DefaultPermissions() {}

    /**
     * The default grants of every role, limited to the permission catalog of the database (the
     * {@code permissions} table): admins get the whole catalog.
     */
    public static Map<Role, Set<Permission>> all(Set<Permission> catalog) {
        Map<Role, Set<Permission>> map = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            Set<Permission> grants = role == Role.ADMIN ? new HashSet<>(catalog) : of(role);
            grants.retainAll(catalog);
            map.put(role, grants);
        }
        return map;
    }

    public static Set<Permission> of(Role role) {
        Set<Permission> p = new HashSet<>();
        switch (role) {
            case ADMIN -> {
                for (Resource r : Resource.values()) {
                    for (Action a : Action.values()) {
                        p.add(Permission.of(r, a));
                    }
                }
            }
            case MANAGER -> {
                grant(p, EnumSet.of(CREATE, READ, UPDATE, DELETE, EXPORT, IMPORT),
                        Resource.COMPANIES, Resource.CONTACTS, Resource.LEADS, Resource.DEALS, Resource.ACTIVITIES,
                        Resource.NOTES, Resource.DOCUMENTS, Resource.EVENTS, Resource.CALENDARS, Resource.BOOKING_TYPES,
                        Resource.TAGS);
                grant(p, EnumSet.of(READ), Resource.PRODUCTS, Resource.ORDERS, Resource.INVOICES, Resource.PAYMENTS,
                        Resource.PIPELINES, Resource.PIPELINE_STAGES, Resource.INDUSTRIES, Resource.EMAIL_TEMPLATES,
                        Resource.USERS, Resource.CUSTOM_FIELDS, Resource.TICKETS, Resource.PROJECTS);
                grant(p, EnumSet.of(READ, EXPORT), Resource.REPORTS);
                grant(p, EnumSet.of(APPROVE), Resource.PROJECTS, Resource.DEALS);
            }
            case SALES -> {
                grant(p, EnumSet.of(CREATE, READ, UPDATE, EXPORT, IMPORT),
                        Resource.COMPANIES, Resource.CONTACTS, Resource.LEADS, Resource.DEALS);
                grant(p, EnumSet.of(CREATE, READ, UPDATE, DELETE),
                        Resource.ACTIVITIES, Resource.NOTES, Resource.DOCUMENTS, Resource.EVENTS, Resource.CALENDARS,
                        Resource.BOOKING_TYPES);
                grant(p, EnumSet.of(CREATE, READ), Resource.TAGS);
                grant(p, EnumSet.of(READ), Resource.PRODUCTS, Resource.INVOICES, Resource.PAYMENTS, Resource.ORDERS,
                        Resource.PIPELINES, Resource.PIPELINE_STAGES, Resource.INDUSTRIES, Resource.EMAIL_TEMPLATES,
                        Resource.CUSTOM_FIELDS, Resource.REPORTS);
            }
            case SUPPORT -> {
                grant(p, EnumSet.of(READ), Resource.COMPANIES, Resource.CONTACTS, Resource.PRODUCTS, Resource.PIPELINES,
                        Resource.PIPELINE_STAGES, Resource.INDUSTRIES, Resource.EMAIL_TEMPLATES, Resource.TAGS,
                        Resource.CUSTOM_FIELDS);
                grant(p, EnumSet.of(CREATE, READ, UPDATE, DELETE), Resource.TICKETS);
                grant(p, EnumSet.of(CREATE, READ, UPDATE), Resource.ACTIVITIES, Resource.NOTES, Resource.EVENTS,
                        Resource.CALENDARS);
                grant(p, EnumSet.of(READ, CREATE), Resource.DOCUMENTS);
            }
            case FINANCE -> {
                grant(p, EnumSet.of(CREATE, READ, UPDATE, DELETE, EXPORT, IMPORT), Resource.INVOICES, Resource.PAYMENTS,
                        Resource.PRODUCTS, Resource.ORDERS);
                grant(p, EnumSet.of(APPROVE), Resource.INVOICES);
                grant(p, EnumSet.of(READ), Resource.COMPANIES, Resource.CONTACTS, Resource.DEALS, Resource.PIPELINES,
                        Resource.PIPELINE_STAGES, Resource.INDUSTRIES, Resource.TAGS, Resource.CUSTOM_FIELDS,
                        Resource.DOCUMENTS, Resource.EMAIL_TEMPLATES);
                grant(p, EnumSet.of(READ, EXPORT), Resource.REPORTS);
                grant(p, EnumSet.of(CREATE, READ, UPDATE), Resource.ACTIVITIES, Resource.NOTES, Resource.EVENTS,
                        Resource.CALENDARS);
            }
            case VIEWER -> grant(p, EnumSet.of(READ), Resource.COMPANIES, Resource.CONTACTS, Resource.LEADS, Resource.DEALS,
                    Resource.ACTIVITIES, Resource.NOTES, Resource.DOCUMENTS, Resource.PRODUCTS, Resource.INVOICES,
                    Resource.PIPELINES, Resource.PIPELINE_STAGES, Resource.INDUSTRIES, Resource.EVENTS,
                    Resource.CALENDARS, Resource.TAGS, Resource.CUSTOM_FIELDS, Resource.REPORTS);
            default -> throw new IllegalStateException(role.name());
        }
        if (role == Role.ADMIN) {
            p.add(Permission.of(Resource.PIPELINES, MANAGE_STAGES));
        }
        return p;
    }

    private static void grant(Set<Permission> into, Set<Action> actions, Resource... resources) {
        for (Resource r : resources) {
            for (Action a : actions) {
                into.add(Permission.of(r, a));
            }
        }
    }
}
