package org.deskcrm.importexport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The sample export files under test resources, copied to a temporary file for the import. */
final class Samples {
    private Samples() {}

    static Path copy(String name) {
        try (InputStream in = Samples.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("No sample " + name);
            }
            Path dir = Files.createTempDirectory("deskcrm-import-");
            Path file = dir.resolve(name);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(String name, String content) {
        try {
            Path dir = Files.createTempDirectory("deskcrm-import-");
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
