package org.deskcrm.ui.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** Light and dark themes: AtlantaFX's Primer as the base, our own stylesheet on top. */
public enum Theme {
    LIGHT, DARK;

    private static final String APP_CSS = Theme.class.getResource("deskcrm.css").toExternalForm();

    public void apply(Scene scene) {
        Application.setUserAgentStylesheet(this == LIGHT
                ? new PrimerLight().getUserAgentStylesheet()
                : new PrimerDark().getUserAgentStylesheet());
        if (!scene.getStylesheets().contains(APP_CSS)) {
            scene.getStylesheets().add(APP_CSS);
        }
        scene.getRoot().getStyleClass().removeAll("theme-light", "theme-dark");
        scene.getRoot().getStyleClass().add(this == LIGHT ? "theme-light" : "theme-dark");
    }

    public Theme toggled() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
