package org.deskcrm.ui.fx;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;

/** Opens a file with the desktop's default application (a PDF invoice, an attached document). */
@FunctionalInterface
public interface FileLauncher {
    /** False when this desktop cannot open files (headless, no handler); called off the UI thread (it may block). */
    boolean open(Path file);

    FileLauncher DESKTOP = file -> {
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
