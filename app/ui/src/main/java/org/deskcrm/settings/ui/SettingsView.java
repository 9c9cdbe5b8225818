package org.deskcrm.settings.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.deskcrm.ui.fx.View;
import org.deskcrm.ui.fx.ViewLoader;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Settings screen: a tab per page the user may open. A page's view is built the first time
 * its tab is shown and is active only while shown.
 */
public final class SettingsView implements View {
    /** One page: tab id suffix, title key, icon and how to build its view. */
    public record Page(String id, String titleKey, Ikon icon, Supplier<? extends View> factory) {}

    private final List<Page> pages;
    private final ViewLoader loader;
    private final Parent root;
    private final Map<Tab, View> views = new HashMap<>();
    private final Map<Tab, Page> pageOf = new HashMap<>();
    private View shown;
    private boolean active;

    @FXML private TabPane tabs;

    public SettingsView(ViewLoader loader, List<Page> pages) {
        this.loader = loader;
        this.pages = List.copyOf(pages);
        this.root = loader.load(this);
    }

    @FXML
    private void initialize() {
        for (Page page : pages) {
            var tab = new Tab(loader.messages().get(page.titleKey()));
            tab.setId("settings-tab-" + page.id());
            tab.setGraphic(new FontIcon(page.icon()));
            tab.setClosable(false);
            pageOf.put(tab, page);
            tabs.getTabs().add(tab);
        }
        tabs.getSelectionModel().selectedItemProperty().subscribe(this::select);
    }

    private void select(Tab tab) {
        if (shown != null) {
            shown.onDeactivate();
            shown = null;
        }
        if (tab == null || !active) {
            return;
        }
        View view = views.computeIfAbsent(tab, t -> pageOf.get(t).factory().get());
        if (tab.getContent() == null) {
            tab.setContent(view.root());
        }
        shown = view;
        view.onActivate();
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void onActivate() {
        active = true;
        select(tabs.getSelectionModel().getSelectedItem());
    }

    @Override
    public void onDeactivate() {
        active = false;
        if (shown != null) {
            shown.onDeactivate();
            shown = null;
        }
    }
}
