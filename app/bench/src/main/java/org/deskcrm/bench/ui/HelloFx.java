package org.deskcrm.bench.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The start-up baseline: a hello-world JavaFX window, started with the same JVM flags as the app. */
public final class HelloFx extends Application {
    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(new Label("Hello, world")), 1280, 800));
        stage.setTitle("Hello");
        stage.show();
    }

    /** Launched like the app: a plain main class that starts the JavaFX application. */
    public static void main(String[] args) {
        FirstFrame.install(Platform::exit);
        Application.launch(HelloFx.class, args);
    }
}
