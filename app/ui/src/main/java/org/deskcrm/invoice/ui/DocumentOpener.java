package org.deskcrm.invoice.ui;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;

/** Opens a file with the desktop's default application (the PDF viewer for invoices). */
@FunctionalInterface
public interface DocumentOpener {
    /** Returns false when this desktop cannot open files (headless, no handler); the file is still there. */
    boolean open(Path file);

    /** The system's handler through {@link Desktop}; called off the UI thread (it may block). */
    DocumentOpener DESKTOP = file -> {
        try {
            if (java.awt.GraphicsEnvironment.isHeadless() || !Desktop.isDesktopSupported()
                    || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                return false;
            }
            Desktop.getDesktop().open(file.toFile());
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    };
}
