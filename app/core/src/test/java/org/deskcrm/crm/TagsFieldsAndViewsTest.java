package org.deskcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deskcrm.db.Tables.ENTITY_TAGS;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.deskcrm.company.CompanyDraft;
import org.deskcrm.customfield.CustomFieldDefinition;
import org.deskcrm.customfield.CustomFieldDraft;
import org.deskcrm.customfield.CustomFieldType;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.savedview.SavedView;
import org.deskcrm.savedview.ViewDefinition;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.Role;
import org.deskcrm.tag.Tag;
import org.deskcrm.testing.BothDatabases;
import org.deskcrm.testing.TestWorkspace;

class TagsFieldsAndViewsTest {

    @BothDatabases
    void tagsAreSharedColouredAndComeBackWhenRecreated(Database db) {
        var ws = new TestWorkspace(db);
        var crm = new CrmServices(db.dsl(), ws.audit, Clock.systemUTC());
        var sales = ws.as(Role.SALES);
        Tag vip = crm.tags.create(sales, "  VIP   client ", "#F59E0B");
        assertThat(vip.name()).isEqualTo("VIP client");
        assertThatThrownBy(() -> crm.tags.create(sales, "VIP client", "#000000")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> crm.tags.create(sales, "Bad colour", "orange")).isInstanceOf(ValidationException.class);
        assertThat(crm.tags.list(ws.sales2)).extracting(Tag::name).contains("VIP client");
        // Renaming and deleting follow the tags rule (not sales by default).
        assertThatThrownBy(() -> crm.tags.update(sales, vip.id(), vip.version(), "VIP", "#F59E0B"))
                .isInstanceOf(AccessDeniedException.class);
        var company = crm.companies.create(sales, CompanyDraft.named("Tagged", sales.userId()).with("tags", Set.of(vip.id())));
        assertThat(company.tags()).extracting(Tag::name).containsExactly("VIP client");
        crm.tags.delete(ws.admin, vip.id(), crm.tags.list(ws.admin).getFirst().version());
        assertThat(db.dsl().fetchCount(ENTITY_TAGS, ENTITY_TAGS.TAG_ID.eq(vip.id()).and(ENTITY_TAGS.DELETED_AT.isNull()))).isZero();
        assertThat(crm.companies.get(sales, company.id()).tags()).isEmpty();
        Tag again = crm.tags.create(sales, "VIP client", "#10B981");
        assertThat(again.id()).isEqualTo(vip.id());
        assertThat(again.color()).isEqualTo("#10B981");
        assertThat(again.usageCount()).isZero();
    }

    @BothDatabases
    void customFieldsAreDefinedByAdminsAndValidatedLikeBuiltInFields(Database db) {
        var ws = new TestWorkspace(db);
        var crm = new CrmServices(db.dsl(), ws.audit, Clock.systemUTC());
        var sales = ws.as(Role.SALES);
        assertThatThrownBy(() -> crm.customFields.define(sales, new CustomFieldDraft("company", null, "Tier",
                CustomFieldType.CHOICE, List.of("Gold"), false, 0))).isInstanceOf(AccessDeniedException.class);
        var tier = crm.customFields.define(ws.admin, new CustomFieldDraft("company", null, "Support tier",
                CustomFieldType.CHOICE, List.of("Gold", "Silver", " Gold "), true, 1));
        assertThat(tier.name()).isEqualTo("support_tier");
        assertThat(tier.options()).containsExactly("Gold", "Silver");
        var seats = crm.customFields.define(ws.admin, new CustomFieldDraft("company", "seats", "Seats", CustomFieldType.NUMBER,
                List.of(), false, 2));
        var renewal = crm.customFields.define(ws.admin, new CustomFieldDraft("company", null, "Renewal date", CustomFieldType.DATE,
                List.of(), false, 3));
        var partner = crm.customFields.define(ws.admin, new CustomFieldDraft("company", null, "Partner", CustomFieldType.BOOLEAN,
                List.of(), false, 4));
        assertThatThrownBy(() -> crm.customFields.define(ws.admin, new CustomFieldDraft("company", null, "Colour",
                CustomFieldType.CHOICE, List.of(), false, 0)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("options"));
        assertThat(crm.companies.customFields(sales)).extracting(CustomFieldDefinition::label)
                .containsExactly("Support tier", "Seats", "Renewal date", "Partner");

        assertThatThrownBy(() -> crm.companies.create(sales, CompanyDraft.named("No tier", sales.userId())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey(tier.key()));
        assertThatThrownBy(() -> crm.companies.create(sales, CompanyDraft.named("Bronze", sales.userId()).with(tier.key(), "Bronze")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors().get(tier.key())).contains("Gold"));
        var c = crm.companies.create(sales, CompanyDraft.named("Custom Co", sales.userId()).with(tier.key(), "Gold")
                .with(seats.key(), new BigDecimal("25")).with(renewal.key(), LocalDate.of(2027, 1, 31)).with(partner.key(), true));
        assertThat(c.fields().customValues()).containsEntry(tier.id(), "Gold").containsEntry(partner.id(), true)
                .containsEntry(renewal.id(), LocalDate.of(2027, 1, 31));
        assertThat((BigDecimal) c.fields().customValues().get(seats.id())).isEqualByComparingTo("25");
        var updated = crm.companies.update(sales, c.id(), c.version(), c.fields().with(tier.key(), "Silver").with(seats.key(), null));
        assertThat(updated.fields().customValues()).containsEntry(tier.id(), "Silver").doesNotContainKey(seats.id());

        crm.customFields.delete(ws.admin, seats.id(), seats.version());
        assertThat(crm.companies.customFields(sales)).hasSize(3);
        var relabeled = crm.customFields.update(ws.admin, tier.id(), tier.version(), new CustomFieldDraft("company", "ignored",
                "Tier", CustomFieldType.TEXT, List.of("Gold", "Silver", "Platinum"), false, 0));
        assertThat(relabeled.name()).isEqualTo("support_tier");
        assertThat(relabeled.type()).isEqualTo(CustomFieldType.CHOICE);
        assertThat(relabeled.options()).contains("Platinum");
    }

    @BothDatabases
    void savedViewsArePersonalAndReplaceByName(Database db) {
        var ws = new TestWorkspace(db);
        var crm = new CrmServices(db.dsl(), ws.audit, Clock.systemUTC());
        var sales = ws.as(Role.SALES);
        var query = ListQuery.sortedBy(SortOrder.desc("last_contacted"))
                .withFilter(RecordFilter.NONE.withOwner(OwnerFilter.MINE).withStatuses(Set.of("active"))
                        .withLastContacted(Recency.OVER_30_DAYS));
        SavedView v = crm.savedViews.save(sales, "companies", "My cold accounts", new ViewDefinition(query, List.of("name", "owner")));
        assertThat(v.definition().query()).isEqualTo(query);
        assertThat(v.definition().columns()).containsExactly("name", "owner");
        crm.savedViews.save(sales, "companies", "My cold accounts", new ViewDefinition(query.withSearch("acme"), List.of("name")));
        List<SavedView> views = crm.savedViews.list(sales, "companies");
        assertThat(views).hasSize(1);
        assertThat(views.getFirst().definition().query().search()).isEqualTo("acme");
        crm.savedViews.setDefault(sales, v.id(), true);
        assertThat(crm.savedViews.list(sales, "companies").getFirst().isDefault()).isTrue();
        assertThat(crm.savedViews.list(ws.sales2, "companies")).isEmpty();
        assertThatThrownBy(() -> crm.savedViews.delete(ws.sales2, v.id(), 1)).isInstanceOf(NotFoundException.class);
        crm.savedViews.delete(sales, v.id(), crm.savedViews.list(sales, "companies").getFirst().version());
        assertThat(crm.savedViews.list(sales, "companies")).isEmpty();
        assertThatThrownBy(() -> crm.savedViews.save(sales, "companies", " ", new ViewDefinition(query, List.of())))
                .isInstanceOf(ValidationException.class);
    }
}
