package org.deskcrm.document.ui;

import java.io.File;
import java.nio.file.Path;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks the user for a file (the native chooser). A seam so the app can be driven where no native
 * dialog exists (headless UI tests hand in a picker that returns prepared files).
 */
public interface FilePicker {
    /** A file to read, or null when the user cancelled. */
    Path open(Window owner, String title);

    /** Where to write a copy, or null when the user cancelled. */
    Path save(Window owner, String title, String initialName);

    FilePicker NATIVE = new FilePicker() {
        @Override
        public Path open(Window owner, String title) {
            var chooser = new FileChooser();
            chooser.setTitle(title);
            File f = chooser.showOpenDialog(owner);
            return f == null ? null : f.toPath();
        }

        @Override
        public Path save(Window owner, String title, String initialName) {
            var chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.setInitialFileName(initialName);
            File f = chooser.showSaveDialog(owner);
            return f == null ? null : f.toPath();
        }
    };
}
