package org.deskcrm.ui.shell;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.ui.task.TaskHandle;
import org.deskcrm.ui.task.TaskRunner;
import org.deskcrm.ui.theme.Theme;

/** State of the main window: which screen is shown, who is signed in, what runs in the background. */
public final class MainViewModel {
    private final CurrentUser user;
    private final String connection;
    private final List<Screen> screens;
    private final TaskRunner tasks;
    private final ObjectProperty<Screen> current = new SimpleObjectProperty<>();
    private final ObjectProperty<Theme> theme;

    public MainViewModel(CurrentUser user, String connection, List<Screen> allScreens, TaskRunner tasks, Theme theme) {
        this.user = user;
        this.connection = connection;
        this.screens = allScreens.stream().filter(s -> s.allowed().test(user))
                .sorted(java.util.Comparator.comparingInt(MainViewModel::navigationRank)).toList();
        this.tasks = tasks;
        this.theme = new SimpleObjectProperty<>(theme);
        if (!screens.isEmpty()) {
            current.set(screens.getFirst());
        }
    }

    /** The navigation order a salesperson expects; screens not listed go before Settings. */
    private static final List<String> ORDER = List.of("dashboard", "companies", "contacts", "leads", "pipeline",
            "invoices", "orders", "products", "calendar");

    private static int navigationRank(Screen s) {
        if (s.id().equals("settings")) {
            return Integer.MAX_VALUE;
        }
        int i = ORDER.indexOf(s.id());
        return i >= 0 ? i : ORDER.size();
    }

    public List<Screen> screens() {
        return screens;
    }

    public ObjectProperty<Screen> currentProperty() {
        return current;
    }

    public void show(String screenId) {
        screens.stream().filter(s -> s.id().equals(screenId)).findFirst().ifPresent(current::set);
    }

    public CurrentUser user() {
        return user;
    }

    public String connection() {
        return connection;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public void toggleTheme() {
        theme.set(theme.get().toggled());
    }

    /** The newest running task, or null. */
    public javafx.beans.binding.ObjectBinding<TaskHandle> latestTask() {
        return Bindings.createObjectBinding(
                () -> tasks.running().isEmpty() ? null : tasks.running().getLast(), tasks.running());
    }

    public BooleanBinding busy() {
        return Bindings.isNotEmpty(tasks.running());
    }

    public StringBinding taskCount() {
        return Bindings.createStringBinding(() -> Integer.toString(tasks.running().size()), tasks.running());
    }
}
