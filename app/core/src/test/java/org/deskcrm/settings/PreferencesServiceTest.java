package org.deskcrm.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deskcrm.audit.AuditQuery;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.Role;
import org.deskcrm.settings.persistence.SettingsRepository;
import org.deskcrm.testing.BothDatabases;
import org.deskcrm.testing.TestWorkspace;

class PreferencesServiceTest {

    @BothDatabases
    void eachUserKeepsTheirOwnTheme(Database db) {
        var ws = new TestWorkspace(db);
        var prefs = new PreferencesService(db.dsl(), new SettingsRepository(), ws.audit);
        assertThat(prefs.theme(ws.as(Role.VIEWER))).isEmpty();

        prefs.setTheme(ws.as(Role.VIEWER), "dark");
        prefs.setTheme(ws.as(Role.VIEWER), "dark"); // unchanged: no second audit row
        assertThat(prefs.theme(ws.as(Role.VIEWER))).contains("dark");
        assertThat(prefs.theme(ws.as(Role.SALES))).isEmpty();
        prefs.setTheme(ws.as(Role.VIEWER), "light");
        assertThat(prefs.theme(ws.as(Role.VIEWER))).contains("light");

        var log = ws.audit.search(db.dsl(), ws.admin, new AuditQuery(ws.as(Role.VIEWER).userId(), "settings", null, null, null, null, 10));
        assertThat(log).hasSize(2);
        assertThat(log.getFirst().changes()).singleElement().satisfies(c -> {
            assertThat(c.before()).isEqualTo("dark");
            assertThat(c.after()).isEqualTo("light");
        });
        assertThatThrownBy(() -> prefs.setTheme(ws.as(Role.VIEWER), "purple")).isInstanceOf(ValidationException.class);
    }
}
