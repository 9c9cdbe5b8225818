package org.deskcrm.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppOptionsTest {
    private static AppOptions parse(String... args) {
        return AppOptions.parse(args, Map.of("DESKCRM_DATA_DIR", "/srv/crm-data"));
    }

    @Test
    void aContactCardOrCalendarFileIsKeptForImportAfterSignIn() {
        var options = parse("--data-dir", "/tmp/x", "Downloads/Ann Lee.VCF");
        assertThat(options.openFile()).isEqualTo(Path.of("Downloads/Ann Lee.VCF").toAbsolutePath().normalize());
        assertThat(options.command()).isEqualTo(AppOptions.Command.RUN);
        assertThat(options.withoutOpenFile().openFile()).isNull();
        assertThat(options.withoutOpenFile().dataDir()).isEqualTo(Path.of("/tmp/x"));

        assertThat(parse("/home/ann/team-offsite.ics").openFile()).isEqualTo(Path.of("/home/ann/team-offsite.ics"));
        assertThat(parse("/home/ann/people.csv").openFile()).isEqualTo(Path.of("/home/ann/people.csv"));
        assertThat(parse("notes.txt").openFile()).isNull();
        assertThat(parse().openFile()).isNull();
        assertThat(AppOptions.isImportable("a.vcard")).isTrue();
        assertThat(AppOptions.isImportable(".ics")).isFalse();
    }

    @Test
    void packagingChecksAskToExitAfterTheFirstFrame() {
        assertThat(parse("--exit-after-first-frame").exitAfterFirstFrame()).isTrue();
        assertThat(parse().exitAfterFirstFrame()).isFalse();
        assertThat(parse().dataDir()).isEqualTo(Path.of("/srv/crm-data"));
    }
}
