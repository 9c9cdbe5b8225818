package org.deskcrm.calendar.ui;


import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.deskcrm.notification.Notification;
import org.deskcrm.ui.fx.View;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.shell.Workspace;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The bell in the top bar: a badge with the unread count, a list of the newest notifications
 * (click one to open its event), and a popup when a reminder fires.
 */
final class NotificationBell implements View {
    private final NotificationsViewModel vm;
    private final Messages messages;
    private final Workspace workspace;
    private final StackPane root = new StackPane();
    private final Button bell = new Button();
    private final Label badge = new Label();
    private final Popup popup = new Popup();
    private final VBox list = new VBox(2);

    NotificationBell(NotificationsViewModel vm, Workspace workspace) {
        this.vm = vm;
        this.workspace = workspace;
        this.messages = workspace.messages();
        bell.setId("notification-bell");
        bell.setGraphic(new FontIcon(Material2OutlinedMZ.NOTIFICATIONS));
        bell.getStyleClass().addAll("flat", "notification-bell");
        bell.setTooltip(new Tooltip(messages.get("calendar.notifications.title")));
        badge.setId("notification-count");
        badge.getStyleClass().add("notification-badge");
        badge.setMouseTransparent(true);
        StackPane.setAlignment(badge, Pos.TOP_RIGHT);
        root.getChildren().addAll(bell, badge);
        root.getStyleClass().add("notification-bell-box");

        Label title = new Label(messages.get("calendar.notifications.title"));
        title.getStyleClass().add("card-title");
        Hyperlink allRead = new Hyperlink(messages.get("calendar.notifications.markAll"));
        allRead.setId("notification-mark-all");
        allRead.setOnAction(e -> vm.markAllRead());
        Region space = new Region();
        HBox.setHgrow(space, Priority.ALWAYS);
        HBox header = new HBox(8, title, space, allRead);
        header.setAlignment(Pos.CENTER_LEFT);
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.setPrefSize(380, 360);
        scroll.getStyleClass().add("edge-to-edge");
        VBox card = new VBox(8, header, scroll);
        card.getStyleClass().addAll("card", "notification-popup");
        card.setId("notification-list");
        popup.getContent().add(card);
        popup.setAutoHide(true);
        bell.setOnAction(e -> toggle());
    }

    private void toggle() {
        if (popup.isShowing()) {
            popup.hide();
            return;
        }
        vm.refresh();
        Bounds b = bell.localToScreen(bell.getBoundsInLocal());
        popup.show(bell, b.getMaxX() - 400, b.getMaxY() + 4);
    }

    private void render() {
        int n = vm.unreadProperty().get();
        badge.setText(n > 99 ? "99+" : Integer.toString(n));
        badge.setVisible(n > 0);
        list.getChildren().clear();
        if (vm.recent().isEmpty()) {
            Label none = new Label(messages.get("calendar.notifications.none"));
            none.getStyleClass().add("muted");
            list.getChildren().add(none);
        }
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(messages.getLocale());
        for (Notification n2 : List.copyOf(vm.recent())) {
            Label t = new Label(n2.title());
            t.getStyleClass().add(n2.read() ? "notification-read" : "notification-unread");
            Label m = new Label(n2.message() == null ? "" : n2.message());
            m.getStyleClass().add("muted");
            m.setWrapText(true);
            Label at = new Label(n2.createdAt().atZoneSameInstant(workspace.zone()).format(when));
            at.getStyleClass().addAll("muted", "notification-time");
            VBox item = new VBox(2, t, m, at);
            item.getStyleClass().add("notification-item");
            item.setOnMouseClicked(e -> {
                popup.hide();
                vm.open(n2);
            });
            list.getChildren().add(item);
        }
    }

    private void popUp(List<Notification> fired) {
        if (root.getScene() == null || root.getScene().getWindow() == null) {
            return;
        }
        for (Notification n : fired) {
            Notifications.create()
                    .title(n.title())
                    .text(n.message() == null ? "" : n.message())
                    .graphic(new FontIcon(Material2OutlinedMZ.NOTIFICATIONS_ACTIVE))
                    .owner(root.getScene().getWindow())
                    .hideAfter(Duration.seconds(12))
                    .onAction(e -> vm.open(n))
                    .show();
        }
    }

    @Override
    public Parent root() {
        return root;
    }

    private javafx.util.Subscription bindings = javafx.util.Subscription.EMPTY;

    @Override
    public void onActivate() {
        bindings = javafx.util.Subscription.combine(vm.unreadProperty().subscribe(this::render), vm.recent().subscribe(this::render));
        render();
        vm.onFired(this::popUp);
        vm.start();
    }

    @Override
    public void onDeactivate() {
        vm.stop();
        popup.hide();
        bindings.unsubscribe();
    }

}
