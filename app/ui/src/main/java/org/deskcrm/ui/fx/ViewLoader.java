package org.deskcrm.ui.fx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import org.deskcrm.ui.i18n.Messages;

/**
 * Loads {@code SomeView.fxml} from beside the controller class {@code SomeView}, handing FXML the
 * controller instance we built (with its view model) instead of letting FXML construct one.
 */
public final class ViewLoader {
    private final Messages messages;

    public ViewLoader(Messages messages) {
        this.messages = messages;
    }

    public Messages messages() {
        return messages;
    }

    public Parent load(Object controller) {
        Class<?> type = controller.getClass();
        URL fxml = type.getResource(type.getSimpleName() + ".fxml");
        if (fxml == null) {
            throw new IllegalStateException("No " + type.getSimpleName() + ".fxml beside " + type.getName());
        }
        var loader = new FXMLLoader(fxml, messages);
        loader.setControllerFactory(requested -> {
            if (!requested.isInstance(controller)) {
                throw new IllegalStateException(fxml + " asks for controller " + requested.getName() + " but got " + type.getName());
            }
            return controller;
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load " + fxml, e);
        }
    }
}
