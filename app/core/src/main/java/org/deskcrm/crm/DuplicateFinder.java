package org.deskcrm.crm;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.deskcrm.crm.DuplicateMatch.Reason;
import org.deskcrm.crm.persistence.DuplicateQueries;
import org.deskcrm.platform.text.Normalize;
import org.deskcrm.security.CurrentUser;
import org.jooq.DSLContext;

/**
 * Finds likely duplicates before a contact, company or lead is saved (the create forms) or
 * imported. Only records the user may see are returned; each query is an indexed lookup.
 *
 * <p>The rules:
 * <ul>
 * <li><b>Same e-mail</b>: equal after trimming and lower-casing.
 * <li><b>Same phone</b>: equal digits (of phone, else mobile), at least 7 of them.
 * <li><b>Similar name</b>, contacts: at the same company, the full names are equal, or the last
 *     names are equal and one first name equals or starts the other ("Rob" / "Robert").
 *     Companies: the base names (normalized, punctuation and legal forms like Inc, Ltd, LLC,
 *     GmbH removed) are equal, or one is a whole-word prefix of the other ("Acme" / "Acme
 *     Industries"); base names shorter than 3 characters only match exactly. Leads: equal full
 *     names, and equal company names when both leads have one.
 * </ul>
 */
public final class DuplicateFinder {
    private static final int LIMIT = 10;
    private static final Set<String> LEGAL_FORMS = Set.of("inc", "incorporated", "ltd", "limited", "llc", "llp", "lp", "gmbh",
            "ag", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "plc", "corp", "corporation", "co", "company", "pty", "oy", "ab",
            "as", "kg", "ug", "the");

    /** A person being created or imported. */
    public record Person(String firstName, String lastName, String email, String phone, String mobile, UUID companyId,
            String companyName) {}

    /** A company being created or imported. */
    public record Organization(String name, String email, String phone) {}

    private final DSLContext dsl;
    private final DuplicateQueries queries;

    public DuplicateFinder(DSLContext dsl, DuplicateQueries queries) {
        this.dsl = dsl;
        this.queries = queries;
    }

    public List<DuplicateMatch> contacts(CurrentUser user, Person p, UUID excludeId) {
        return contacts(dsl, user, p, excludeId);
    }

    /** In the caller's transaction (import). */
    public List<DuplicateMatch> contacts(DSLContext tx, CurrentUser user, Person p, UUID excludeId) {
        Map<UUID, Builder> found = new LinkedHashMap<>();
        String email = Normalize.email(p.email());
        if (email != null) {
            queries.contactsByEmail(tx, user, email, LIMIT).forEach(r -> add(found, r, Reason.SAME_EMAIL));
        }
        String digits = phoneKey(p.phone(), p.mobile());
        if (digits != null) {
            queries.contactsByPhone(tx, user, digits, LIMIT).forEach(r -> add(found, r, Reason.SAME_PHONE));
        }
        if (p.companyId() != null && p.firstName() != null) {
            String last = Normalize.key(p.lastName());
            for (DuplicateQueries.Person r : queries.contactsAtCompany(tx, user, p.companyId(), last,
                    Normalize.fullName(p.firstName(), p.lastName()), 200)) {
                if (similarPerson(p.firstName(), p.lastName(), r.firstName(), r.lastName())) {
                    add(found, r, Reason.SIMILAR_NAME);
                }
            }
        }
        return finish(found, excludeId);
    }

    public List<DuplicateMatch> companies(CurrentUser user, Organization o, UUID excludeId) {
        return companies(dsl, user, o, excludeId);
    }

    public List<DuplicateMatch> companies(DSLContext tx, CurrentUser user, Organization o, UUID excludeId) {
        Map<UUID, Builder> found = new LinkedHashMap<>();
        String base = companyBase(o.name());
        if (base != null) {
            String firstWord = base.split(" ")[0];
            for (DuplicateQueries.Org r : queries.companiesByNamePrefix(tx, user, firstWord, 50)) {
                if (similarCompany(base, companyBase(r.name()))) {
                    add(found, new Builder("company", r.id(), r.name(), detail(r.email(), r.phone())), Reason.SIMILAR_NAME);
                }
            }
        }
        String email = Normalize.email(o.email());
        if (email != null) {
            queries.companiesByEmail(tx, user, email, LIMIT).forEach(r ->
                    add(found, new Builder("company", r.id(), r.name(), detail(r.email(), r.phone())), Reason.SAME_EMAIL));
        }
        String digits = phoneKey(o.phone(), null);
        if (digits != null) {
            queries.companiesByPhone(tx, user, digits, LIMIT).forEach(r ->
                    add(found, new Builder("company", r.id(), r.name(), detail(r.email(), r.phone())), Reason.SAME_PHONE));
        }
        return finish(found, excludeId);
    }

    /** Leads that look like the same person, and contacts with the same e-mail or phone (already a customer?). */
    public List<DuplicateMatch> leads(CurrentUser user, Person p, UUID excludeId) {
        return leads(dsl, user, p, excludeId);
    }

    public List<DuplicateMatch> leads(DSLContext tx, CurrentUser user, Person p, UUID excludeId) {
        Map<UUID, Builder> found = new LinkedHashMap<>();
        String email = Normalize.email(p.email());
        String digits = phoneKey(p.phone(), null);
        if (email != null) {
            queries.leadsByEmail(tx, user, email, LIMIT).forEach(r -> add(found, r, Reason.SAME_EMAIL));
            queries.contactsByEmail(tx, user, email, LIMIT).forEach(r -> add(found, r, Reason.SAME_EMAIL));
        }
        if (digits != null) {
            queries.leadsByPhone(tx, user, digits, LIMIT).forEach(r -> add(found, r, Reason.SAME_PHONE));
            queries.contactsByPhone(tx, user, digits, LIMIT).forEach(r -> add(found, r, Reason.SAME_PHONE));
        }
        String full = Normalize.fullName(p.firstName(), p.lastName());
        if (full != null) {
            String company = Normalize.key(p.companyName());
            for (DuplicateQueries.Person r : queries.leadsByFullName(tx, user, full, LIMIT)) {
                String other = Normalize.key(r.companyName());
                if (company == null || other == null || company.equals(other)) {
                    add(found, r, Reason.SIMILAR_NAME);
                }
            }
        }
        return finish(found, excludeId);
    }

    // ---------------------------------------------------------------- rules

    static String phoneKey(String phone, String mobile) {
        String d = Normalize.phoneDigits(phone);
        if (d == null) {
            d = Normalize.phoneDigits(mobile);
        }
        return d != null && d.length() >= 7 ? d : null;
    }

    /** Full names equal, or equal last names and one first name equal to or starting the other. */
    public static boolean similarPerson(String first1, String last1, String first2, String last2) {
        String a = Normalize.fullName(first1, last1);
        String b = Normalize.fullName(first2, last2);
        if (a != null && a.equals(b)) {
            return true;
        }
        String l1 = Normalize.key(last1);
        String l2 = Normalize.key(last2);
        String f1 = Normalize.key(first1);
        String f2 = Normalize.key(first2);
        if (l1 == null || !l1.equals(l2) || f1 == null || f2 == null) {
            return false;
        }
        return f1.startsWith(f2) || f2.startsWith(f1);
    }

    /** The normalized name without punctuation and legal forms, or null. */
    public static String companyBase(String name) {
        String k = Normalize.key(name);
        if (k == null) {
            return null;
        }
        List<String> words = new ArrayList<>();
        for (String w : k.replaceAll("[^\\p{L}\\p{N}]+", " ").strip().split(" ")) {
            if (!w.isEmpty() && !LEGAL_FORMS.contains(w)) {
                words.add(w);
            }
        }
        if (words.isEmpty()) {
            return k.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        }
        return String.join(" ", words);
    }

    public static boolean similarCompany(String base1, String base2) {
        if (base1 == null || base2 == null) {
            return false;
        }
        if (base1.equals(base2)) {
            return true;
        }
        if (base1.length() < 3 || base2.length() < 3) {
            return false;
        }
        return base1.startsWith(base2 + " ") || base2.startsWith(base1 + " ");
    }

    // ---------------------------------------------------------------- collecting

    private static final class Builder {
        final String type;
        final UUID id;
        final String title;
        final String detail;
        final Set<Reason> reasons = EnumSet.noneOf(Reason.class);

        Builder(String type, UUID id, String title, String detail) {
            this.type = type;
            this.id = id;
            this.title = title;
            this.detail = detail;
        }
    }

    private static void add(Map<UUID, Builder> found, DuplicateQueries.Person r, Reason reason) {
        String title = (r.firstName() + (r.lastName() == null ? "" : " " + r.lastName())).strip();
        String detail = detail(r.email(), r.phone());
        if (r.companyName() != null) {
            detail = detail.isEmpty() ? r.companyName() : r.companyName() + " · " + detail;
        }
        add(found, new Builder(r.entityType(), r.id(), title, detail), reason);
    }

    private static void add(Map<UUID, Builder> found, Builder b, Reason reason) {
        found.computeIfAbsent(b.id, k -> b).reasons.add(reason);
    }

    private static String detail(String email, String phone) {
        List<String> parts = new ArrayList<>();
        if (email != null) {
            parts.add(email);
        }
        if (phone != null) {
            parts.add(phone);
        }
        return String.join(" · ", parts);
    }

    private static List<DuplicateMatch> finish(Map<UUID, Builder> found, UUID excludeId) {
        List<DuplicateMatch> out = new ArrayList<>();
        for (Builder b : found.values()) {
            if (!b.id.equals(excludeId)) {
                out.add(new DuplicateMatch(b.type, b.id, b.title, b.detail, b.reasons));
            }
        }
        // Strongest evidence first: more reasons, then e-mail before phone before name.
        out.sort((x, y) -> {
            int c = Integer.compare(y.reasons().size(), x.reasons().size());
            return c != 0 ? c : Integer.compare(rank(x), rank(y));
        });
        return out.size() > LIMIT ? out.subList(0, LIMIT) : out;
    }

    private static int rank(DuplicateMatch m) {
        return m.reasons().contains(Reason.SAME_EMAIL) ? 0 : m.reasons().contains(Reason.SAME_PHONE) ? 1 : 2;
    }
}
