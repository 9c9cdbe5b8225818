package org.deskcrm.bench.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The start-up baseline: a hello-world JavaFX window, started with the same JVM flags and class
 * path as the app. Like the app's {@code Launcher}, the main class is not the {@link Application}
 * (the java launcher refuses an Application main class when JavaFX is on the class path).
 */
public final class HelloFx {
    private HelloFx() {}

    /** The window: one label in a scene of the app's default size. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new StackPane(new Label("Hello, world")), 1280, 800));
            stage.setTitle("Hello");
            stage.show();
        }
    }

    public static void main(String[] args) {
        FirstFrame.install(Platform::exit);
        Application.launch(App.class, args);
    }
}
