package org.deskcrm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The plan check recognises H2's full table scans, and tells big tables from small ones. */
class PlansTest {
    @Test
    void aQueryWithoutAUsableIndexIsAFullScanAndAnIndexRangeIsNot() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:plans;DB_CLOSE_DELAY=-1");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE contacts (id UUID PRIMARY KEY, organization_id UUID, full_name_lc VARCHAR(200), city VARCHAR(100))");
            s.execute("CREATE INDEX ix_contacts_org_name ON contacts (organization_id, full_name_lc, id)");
            String scan = Plans.explain(c, "SELECT id FROM contacts WHERE city = ?", List.of("Oslo"));
            String range = Plans.explain(c, "SELECT id FROM contacts WHERE organization_id = ? AND full_name_lc >= ? "
                    + "ORDER BY organization_id, full_name_lc, id LIMIT 50", List.of(java.util.UUID.randomUUID(), "ann"));

            Set<String> small = new TreeSet<>();
            assertThat(Plans.scans(scan, Map.of("contacts", 5_000L), small)).as(scan).isTrue();
            assertThat(Plans.scans(range, Map.of("contacts", 5_000L), small)).as(range).isFalse();
            assertThat(small).isEmpty();

            assertThat(Plans.scans(scan, Map.of("contacts", 10L), small)).isFalse();
            assertThat(small).containsExactly("contacts (10 rows)");
        }
    }
}
