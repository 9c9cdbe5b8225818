package org.deskcrm.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deskcrm.db.Tables.AUDIT_LOG;
import static org.deskcrm.db.Tables.CUSTOM_FIELD_DEFINITIONS;
import static org.deskcrm.db.Tables.DEALS;
import static org.deskcrm.db.Tables.DEAL_STAGE_HISTORY;
import static org.deskcrm.db.Tables.NOTES;
import static org.deskcrm.db.Tables.PRODUCTS;
import static org.deskcrm.db.Tables.TAGS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.deskcrm.activity.NoteDraft;
import org.deskcrm.activity.NoteService;
import org.deskcrm.activity.persistence.NoteRepository;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.platform.persistence.StaleRecordException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.platform.text.Normalize;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.Role;
import org.deskcrm.security.persistence.RecordAccess;
import org.deskcrm.testing.BothDatabases;
import org.deskcrm.testing.Fixtures;

/** Creating, editing, products, tags and deleting deals, with validation, versions and rules. */
class DealServiceTest {

    @BothDatabases
    void aNewDealStartsInTheFirstOpenStageWithItsDefaults(Database db) {
        var f = new DealFixture(db);
        var sales = f.ws.as(Role.SALES);
        var company = Fixtures.company(db.dsl(), f.ws.organizationId, "Acme", sales.userId(), "active");
        var first = f.deals.create(sales, DealDraft.of("Acme – 50 seats", company, new BigDecimal("12000.50")));
        var second = f.deals.create(sales, DealDraft.of("Acme – support", company, new BigDecimal("999")));
        assertThat(first.pipelineName()).isEqualTo("Sales");
        assertThat(first.stageName()).isEqualTo("Lead");
        assertThat(first.probability()).isEqualTo(10);
        assertThat(first.expectedRevenue()).isEqualByComparingTo("1200.05");
        assertThat(first.currency()).isEqualTo("USD");
        assertThat(first.status()).isEqualTo(DealStatus.OPEN);
        assertThat(first.ownerId()).isEqualTo(sales.userId());
        assertThat(first.companyName()).isEqualTo("Acme");
        assertThat(first.editable()).isTrue();
        assertThat(second.position()).isGreaterThan(first.position());
        assertThat(db.dsl().fetchValue(DEALS.NAME_LC, DEALS.ID.eq(first.id()))).isEqualTo(Normalize.key("Acme – 50 seats"));
        var placement = db.dsl().fetchOne(DEAL_STAGE_HISTORY, DEAL_STAGE_HISTORY.DEAL_ID.eq(first.id()));
        assertThat(placement.getFromStageId()).isNull();
        assertThat(placement.getToStageName()).isEqualTo("Lead");
        assertThat(db.dsl().fetchExists(AUDIT_LOG, AUDIT_LOG.RECORD_ID.eq(first.id()).and(AUDIT_LOG.ACTION.eq("insert")))).isTrue();

        // Validation: a name, a real currency, a sane probability; a lost stage needs a reason.
        assertThatThrownBy(() -> f.deals.create(sales, DealDraft.of(" ", null, BigDecimal.ONE)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> f.deals.create(sales, DealDraft.of("x", null, BigDecimal.ONE).withValue(BigDecimal.ONE, "XYZ")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("currency");
        assertThatThrownBy(() -> f.deals.create(sales, DealDraft.of("x", null, BigDecimal.ONE).withProbability(120)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> f.deals.create(sales, DealDraft.of("x", null, new BigDecimal("-1"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> f.deals.create(sales, DealDraft.of("x", null, BigDecimal.ONE)
                .withStage(f.sales.id(), f.stage("Lost").id())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("lost");
        // Sales may only own their deals; nobody may link a company they cannot see.
        assertThatThrownBy(() -> f.deals.create(sales, DealDraft.of("x", null, BigDecimal.ONE).withOwner(f.ws.sales2.userId())))
                .isInstanceOf(AccessDeniedException.class);
        var hidden = Fixtures.company(db.dsl(), f.ws.organizationId, "Hidden", f.ws.sales2.userId(), "active");
        assertThatThrownBy(() -> f.deals.create(sales, DealDraft.of("x", hidden, BigDecimal.ONE)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.deals.create(f.ws.as(Role.VIEWER), DealDraft.of("x", null, BigDecimal.ONE)))
                .isInstanceOf(AccessDeniedException.class);
        // The manager assigns deals to the team.
        var managed = f.deals.create(f.ws.as(Role.MANAGER), DealDraft.of("For Sam", null, BigDecimal.TEN).withOwner(f.ws.sales2.userId()));
        assertThat(f.deals.get(f.ws.sales2, managed.id()).ownerName()).isEqualTo("Sam Second");
    }

    @BothDatabases
    void editsAreVersionCheckedAndAStageChangeInTheFormIsAMove(Database db) {
        var f = new DealFixture(db);
        var sales = f.ws.as(Role.SALES);
        var deal = f.deals.create(sales, DealDraft.of("Initech", null, new BigDecimal("2000")).withTags(List.of("Q2")));
        var edited = f.deals.update(sales, deal.id(), deal.version(), DealDraft.from(deal)
                .withCloseDate(LocalDate.of(2026, 6, 30)).withProbability(40).withTags(List.of("Q2", "Upsell")));
        assertThat(edited.probability()).isEqualTo(40);
        assertThat(edited.expectedRevenue()).isEqualByComparingTo("800");
        assertThat(edited.expectedCloseDate()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(edited.tags()).containsExactly("Q2", "Upsell");
        assertThat(db.dsl().fetchValue(TAGS.USAGE_COUNT, TAGS.ORGANIZATION_ID.eq(f.ws.organizationId).and(TAGS.NAME.eq("Q2"))))
                .isEqualTo(1);

        // The same edit from a stale copy is refused.
        assertThatThrownBy(() -> f.deals.update(sales, deal.id(), deal.version(), DealDraft.from(deal)))
                .isInstanceOf(StaleRecordException.class);
        // Another rep cannot edit it, the viewer may not.
        assertThatThrownBy(() -> f.deals.update(f.ws.sales2, deal.id(), edited.version(), DealDraft.from(edited)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.deals.update(f.ws.as(Role.VIEWER), deal.id(), edited.version(), DealDraft.from(edited)))
                .isInstanceOf(AccessDeniedException.class);

        // Choosing the Won stage in the form closes the deal and writes history.
        var won = f.deals.update(sales, deal.id(), edited.version(), DealDraft.from(edited)
                .withStage(f.sales.id(), f.stage("Won").id()).withProbability(null).withReasons("Best fit", null, null)
                .withTags(List.of("Upsell")));
        assertThat(won.status()).isEqualTo(DealStatus.WON);
        assertThat(won.probability()).isEqualTo(100);
        assertThat(won.actualCloseDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(won.wonReason()).isEqualTo("Best fit");
        assertThat(won.tags()).containsExactly("Upsell");
        assertThat(f.deals.history(sales, deal.id())).extracting(StageHistoryEntry::toStageName).containsExactly("Lead", "Won");
        assertThat(db.dsl().fetchValue(TAGS.USAGE_COUNT, TAGS.ORGANIZATION_ID.eq(f.ws.organizationId).and(TAGS.NAME.eq("Q2"))))
                .isEqualTo(0);
    }

    @BothDatabases
    void productsSetTheValueAndDeletingCascades(Database db) {
        var f = new DealFixture(db);
        var sales = f.ws.as(Role.SALES);
        var deal = f.deals.create(sales, DealDraft.of("Hooli", null, new BigDecimal("1")));
        UUID licence = product(db, f.ws.organizationId, "Licence", "199.99", "USD");
        UUID euro = product(db, f.ws.organizationId, "Euro pack", "50", "EUR");
        assertThat(f.deals.catalog(sales, "lic", 10)).extracting(Options.Product::name).containsExactly("Licence");

        var withLine = f.deals.addProduct(sales, deal.id(), DealProductDraft.of(licence, new BigDecimal("3")));
        assertThat(withLine.value()).isEqualByComparingTo("599.97");
        assertThat(withLine.expectedRevenue()).isEqualByComparingTo("59.997");
        assertThat(withLine.hasProducts()).isTrue();
        var line = f.deals.products(sales, deal.id()).getFirst();
        assertThat(line.description()).isEqualTo("Licence");
        var discounted = f.deals.updateProduct(sales, deal.id(), line.id(), line.version(),
                new DealProductDraft(null, null, new BigDecimal("2"), new BigDecimal("150"), new BigDecimal("20")));
        assertThat(discounted.value()).isEqualByComparingTo("280");
        assertThatThrownBy(() -> f.deals.addProduct(sales, deal.id(), DealProductDraft.of(euro, BigDecimal.ONE)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("EUR");
        assertThatThrownBy(() -> f.deals.addProduct(f.ws.sales2, deal.id(), DealProductDraft.of(licence, BigDecimal.ONE)))
                .isInstanceOf(NotFoundException.class);
        // With products the form's value is ignored: the lines decide.
        var saved = f.deals.update(sales, deal.id(), discounted.version(), DealDraft.from(discounted).withValue(new BigDecimal("5"), "USD"));
        assertThat(saved.value()).isEqualByComparingTo("280");
        var line2 = f.deals.products(sales, deal.id()).getFirst();
        var empty = f.deals.removeProduct(sales, deal.id(), line2.id(), line2.version());
        assertThat(empty.value()).isEqualByComparingTo("0");

        var notes = new NoteService(db.dsl(), new NoteRepository(), new RecordAccess(), f.ws.audit);
        var note = notes.add(sales, NoteDraft.on(null, null, deal.id(), "Call back in May"));
        assertThatThrownBy(() -> f.deals.delete(sales, deal.id(), empty.version()))
                .isInstanceOf(AccessDeniedException.class); // sales hold no deals:delete by default
        f.deals.delete(f.ws.admin, deal.id(), empty.version());
        assertThatThrownBy(() -> f.deals.get(f.ws.admin, deal.id())).isInstanceOf(NotFoundException.class);
        assertThat(db.dsl().fetchValue(NOTES.DELETED_AT, NOTES.ID.eq(note.id()))).isNotNull();
        assertThat(db.dsl().fetchValue(DEALS.DELETED_AT, DEALS.ID.eq(deal.id())))
                .isEqualTo(db.dsl().fetchValue(NOTES.DELETED_AT, NOTES.ID.eq(note.id())));
    }

    @BothDatabases
    void customFieldValuesAreValidatedSavedAndReadWithTheDeal(Database db) {
        var f = new DealFixture(db);
        var sales = f.ws.as(Role.SALES);
        // Deal fields are defined by an admin; written here as a row (the definition screen is another feature's).
        UUID budget = Ids.newId();
        db.dsl().insertInto(CUSTOM_FIELD_DEFINITIONS).set(CUSTOM_FIELD_DEFINITIONS.ID, budget)
                .set(CUSTOM_FIELD_DEFINITIONS.ORGANIZATION_ID, f.ws.organizationId).set(CUSTOM_FIELD_DEFINITIONS.ENTITY_TYPE, "deal")
                .set(CUSTOM_FIELD_DEFINITIONS.NAME, "budget_confirmed").set(CUSTOM_FIELD_DEFINITIONS.LABEL, "Budget confirmed")
                .set(CUSTOM_FIELD_DEFINITIONS.FIELD_TYPE, "boolean").set(CUSTOM_FIELD_DEFINITIONS.IS_REQUIRED, true).execute();
        assertThat(f.deals.customFieldDefinitions(sales)).extracting(d -> d.label()).containsExactly("Budget confirmed");
        assertThatThrownBy(() -> f.deals.create(sales, DealDraft.of("Vandelay", null, BigDecimal.TEN)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Budget confirmed is required");
        assertThatThrownBy(() -> f.deals.create(sales, DealDraft.of("Vandelay", null, BigDecimal.TEN)
                .withCustomValues(java.util.Map.of(budget, "yes"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("yes or no");
        var deal = f.deals.create(sales, DealDraft.of("Vandelay", null, BigDecimal.TEN).withCustomValues(java.util.Map.of(budget, true)));
        assertThat(f.deals.get(sales, deal.id()).customValues()).containsEntry(budget, true);
        var changed = f.deals.update(sales, deal.id(), deal.version(), DealDraft.from(deal).withCustomValues(java.util.Map.of(budget, false)));
        assertThat(changed.customValues()).containsEntry(budget, false);
        assertThat(db.dsl().fetchExists(AUDIT_LOG, AUDIT_LOG.TABLE_NAME.eq("custom_field_values").and(AUDIT_LOG.RECORD_ID.eq(deal.id()))))
                .isTrue();
    }

    private static UUID product(Database db, UUID org, String name, String price, String currency) {
        UUID id = Ids.newId();
        db.dsl().insertInto(PRODUCTS).set(PRODUCTS.ID, id).set(PRODUCTS.ORGANIZATION_ID, org).set(PRODUCTS.NAME, name)
                .set(PRODUCTS.NAME_LC, Normalize.key(name)).set(PRODUCTS.PRICE, new BigDecimal(price))
                .set(PRODUCTS.CURRENCY, currency).execute();
        return id;
    }
}
