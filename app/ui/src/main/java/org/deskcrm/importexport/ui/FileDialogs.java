package org.deskcrm.importexport.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * How the screens ask for a file. The app uses the system's file chooser; tests (which cannot
 * drive a native dialog) put in one that answers with a prepared path.
 */
public interface FileDialogs {
    /** The file to read, or null when the user cancelled. */
    Path open(Window owner, String title, List<FileChooser.ExtensionFilter> filters);

    /** The file to write, or null when the user cancelled. */
    Path save(Window owner, String title, String initialName, List<FileChooser.ExtensionFilter> filters);

    /** The system's file chooser. */
    FileDialogs SYSTEM = new FileDialogs() {
        @Override
        public Path open(Window owner, String title, List<FileChooser.ExtensionFilter> filters) {
            var chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.getExtensionFilters().setAll(filters);
            File f = chooser.showOpenDialog(owner);
            return f == null ? null : f.toPath();
        }

        @Override
        public Path save(Window owner, String title, String initialName, List<FileChooser.ExtensionFilter> filters) {
            var chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.setInitialFileName(initialName);
            chooser.getExtensionFilters().setAll(filters);
            File f = chooser.showSaveDialog(owner);
            return f == null ? null : f.toPath();
        }
    };
}
