package org.deskcrm.company.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import org.deskcrm.app.AppContext;
import org.deskcrm.app.AppDriver;
import org.deskcrm.company.CompanyDraft;
import org.deskcrm.company.CompanyRow;
import org.deskcrm.crm.CrmServices;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Role;
import org.deskcrm.security.UserDraft;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The record rules as a user meets them in the real app: a sales rep sees the companies assigned
 * to them or to nobody (not a colleague's) and may change only their own; a viewer sees only
 * active companies and gets no button to create, edit, bulk-edit or delete anything.
 */
class RecordRulesUiTest {
    private static final String ADMIN = "alice@acme.test";
    private static final String SALES = "sam@acme.test";
    private static final String VIEWER = "vic@acme.test";
    private static final String PASSWORD = "a long password 1";
    private AppDriver app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void salesAndViewerSeeOnlyTheirCompaniesAndOnlyTheButtonsTheyMayUse() throws Exception {
        app = AppDriver.start();
        app.firstRun("Acme Ltd", "Alice Admin", ADMIN, PASSWORD);
        Map<String, UUID> ids = seed(app.app().context());
        app.signOut();

        // The sales rep: own and unassigned companies (whatever their status), not a colleague's.
        app.signIn(SALES, PASSWORD);
        openCompanies();
        assertListed("Sam's own", "Nobody's", "Nobody's dormant");
        assertThat(app.robot().lookup("#companies-new").<Node>query().isVisible()).as("sales may create").isTrue();
        openRecord("company", ids.get("Nobody's"));
        app.waitUntil(() -> titleIs("Nobody's"), 30, "the unassigned company opened");
        app.assertAbsent("#company-edit", "#company-delete");
        openRecord("company", ids.get("Sam's own"));
        app.waitUntil(() -> titleIs("Sam's own"), 30, "the rep's own company opened");
        app.waitFor("#company-edit", 10);
        // Choosing Companies again in the navigation goes back from the record to the list.
        assertThat(app.robot().lookup("#companies-table").tryQuery().map(Node::isVisible).orElse(false)).isFalse();
        app.robot().clickOn("#nav-companies");
        app.waitFor("#companies-table", 10);
        app.signOut();

        // The viewer: only active companies, read-only everywhere.
        app.signIn(VIEWER, PASSWORD);
        openCompanies();
        assertListed("Sam's own", "Nobody's", "Olga's");
        assertThat(app.robot().lookup("#companies-new").<Node>query().isVisible()).as("viewer may not create").isFalse();
        assertThat(app.robot().lookup("#companies-bulk").<Node>query().isVisible()).as("viewer has no bulk actions").isFalse();
        openRecord("company", ids.get("Olga's"));
        app.waitUntil(() -> titleIs("Olga's"), 30, "a colleague's company opened read-only");
        app.assertAbsent("#company-edit", "#company-delete");
    }

    /** As the admin, through the app's own services: a second sales rep, a viewer and four companies. */
    private static Map<String, UUID> seed(AppContext ctx) {
        CurrentUser admin = ctx.auth.signIn(ADMIN, PASSWORD.toCharArray());
        UUID sam = ctx.userAdmin.create(admin, new UserDraft(SALES, "Sam Sales", PASSWORD.toCharArray(), Set.of(Role.SALES), null));
        UUID olga = ctx.userAdmin.create(admin,
                new UserDraft("olga@acme.test", "Olga Other", PASSWORD.toCharArray(), Set.of(Role.SALES), null));
        ctx.userAdmin.create(admin, new UserDraft(VIEWER, "Vic Viewer", PASSWORD.toCharArray(), Set.of(Role.VIEWER), null));
        var crm = new CrmServices(ctx.db.dsl(), ctx.audit, ctx.clock);
        Map<String, UUID> ids = new HashMap<>();
        ids.put("Sam's own", crm.companies.create(admin, CompanyDraft.named("Sam's own", sam)).id());
        ids.put("Olga's", crm.companies.create(admin, CompanyDraft.named("Olga's", olga)).id());
        ids.put("Nobody's", crm.companies.create(admin, CompanyDraft.named("Nobody's", null)).id());
        Map<String, Object> dormant = new HashMap<>();
        dormant.put("name", "Nobody's dormant");
        dormant.put("status", "inactive");
        ids.put("Nobody's dormant", crm.companies.create(admin, CompanyDraft.of(dormant)).id());
        return ids;
    }

    private void openCompanies() {
        app.waitFor("#nav-companies", 30);
        app.robot().clickOn("#nav-companies");
        app.waitFor("#companies-table", 30);
    }

    private void assertListed(String... names) {
        TableView<?> table = app.robot().lookup("#companies-table").query();
        app.waitUntil(() -> names(table).size() == names.length, 30, "exactly " + List.of(names) + " listed, saw " + names(table));
        assertThat(names(table)).containsExactlyInAnyOrder(names);
    }

    private static List<String> names(TableView<?> table) {
        List<String> names = new ArrayList<>();
        for (Object row : List.copyOf(table.getItems())) {
            if (row instanceof CompanyRow c) {
                names.add(c.name());
            }
        }
        return names;
    }

    private void openRecord(String type, UUID id) {
        app.robot().interact(() -> app.app().navigator().openRecord(type, id));
    }

    private boolean titleIs(String title) {
        return app.robot().lookup("#company-record-title").tryQuery()
                .map(n -> n.isVisible() && n instanceof javafx.scene.control.Labeled l && l.getText().contains(title))
                .orElse(false);
    }
}
