package org.deskcrm.ui.shell;

import java.nio.file.Path;

/**
 * A feature that imports files the user opens with DeskCRM: double-clicking a {@code .vcf} or
 * {@code .ics} file (the installers register these types) or naming one on the command line. The
 * feature module implements this next to {@link FeatureModule}; after sign-in the shell asks the
 * user whether to import the file and hands it to the first feature that accepts it.
 */
public interface FileOpener {
    /** True if this feature imports files like this one for this user (type and permission). */
    boolean canOpen(Workspace workspace, Path file);

    /** Starts the feature's import of the file (its own preview, mapping and progress). Runs on the FX thread. */
    void openFile(Workspace workspace, Path file);
}
