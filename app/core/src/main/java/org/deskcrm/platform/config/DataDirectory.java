package org.deskcrm.platform.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The per-OS folder for DeskCRM's data (database, documents, backups, settings): XDG on Linux,
 * %APPDATA% on Windows, Application Support on macOS. {@code --data-dir} overrides it.
 */
public final class DataDirectory {
    private DataDirectory() {}

    public static Path defaultFor(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return (appData != null && !appData.isBlank() ? Path.of(appData) : home.resolve("AppData").resolve("Roaming"))
                    .resolve("DeskCRM");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("DeskCRM");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".local").resolve("share");
        return base.resolve("deskcrm");
    }

    public static Path current() {
        return defaultFor(System.getProperty("os.name"), System.getenv(), Path.of(System.getProperty("user.home")));
    }
}
