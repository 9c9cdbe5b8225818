package org.deskcrm.pipeline.ui;

import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.deskcrm.deal.DealCard;
import org.deskcrm.ui.i18n.Messages;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/**
 * A deal card on the board: name, company, value and probability, owner, expected close date
 * (red when overdue) and days in the stage (amber card when stale). The nodes are built once
 * per cell and only their text changes, so scrolling thousands of cards stays cheap.
 */
final class DealCardCell extends ListCell<DealCard> {
    private final PipelineViewModel vm;
    private final Formats formats;
    private final Messages messages;
    private final BoardView board;
    private final BoardColumn column;

    private final VBox card = new VBox(4);
    private final Label title = new Label();
    private final Label company = new Label();
    private final Label value = new Label();
    private final Label probability = new Label();
    private final Label avatar = new Label();
    private final Label owner = new Label();
    private final Label close = new Label();
    private final Label age = new Label();
    private final FontIcon staleIcon = new FontIcon(Material2OutlinedAL.HOURGLASS_EMPTY);
    private final Tooltip tooltip = new Tooltip();

    DealCardCell(PipelineViewModel vm, Formats formats, Messages messages, BoardView board, BoardColumn column) {
        this.vm = vm;
        this.formats = formats;
        this.messages = messages;
        this.board = board;
        this.column = column;
        getStyleClass().add("deal-card-cell");
        title.getStyleClass().add("deal-card-title");
        company.getStyleClass().addAll("deal-card-company", "muted");
        value.getStyleClass().add("deal-card-value");
        probability.getStyleClass().add("deal-card-prob");
        avatar.getStyleClass().add("deal-card-avatar");
        avatar.setMinSize(22, 22);
        avatar.setMaxSize(22, 22);
        avatar.setAlignment(Pos.CENTER);
        owner.getStyleClass().addAll("deal-card-owner", "muted");
        close.getStyleClass().add("deal-card-close");
        close.setGraphic(new FontIcon(Material2OutlinedAL.EVENT));
        age.getStyleClass().addAll("deal-card-age", "muted");
        age.setGraphic(new FontIcon(Material2OutlinedAL.ACCESS_TIME));
        staleIcon.getStyleClass().add("deal-card-stale-icon");
        Region grow1 = new Region();
        HBox.setHgrow(grow1, Priority.ALWAYS);
        // The owner's name gives way first; dates and age always show in full.
        owner.setMinWidth(0);
        owner.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(owner, Priority.ALWAYS);
        for (Label l : new Label[] {close, age, value, probability, avatar}) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        var money = new HBox(6, value, grow1, probability);
        money.setAlignment(Pos.CENTER_LEFT);
        var people = new HBox(6, avatar, owner, staleIcon, close, age);
        people.setAlignment(Pos.CENTER_LEFT);
        card.getChildren().addAll(title, company, money, people);
        card.getStyleClass().add("deal-card");
        card.setMaxWidth(Double.MAX_VALUE);
        setGraphic(null);
        setText(null);
        setPrefWidth(0);

        setOnMousePressed(e -> {
            if (e.getButton() == MouseButton.PRIMARY && getItem() != null) {
                board.press(this, e);
            }
        });
        setOnMouseDragged(e -> {
            if (getItem() != null) {
                board.dragged(e);
            }
        });
        setOnMouseReleased(board::released);
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() != null) {
                vm.openDeal(getItem().id());
            }
        });
    }

    BoardColumn column() {
        return column;
    }

    @Override
    protected void updateItem(DealCard item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setTooltip(null);
            setCursor(Cursor.DEFAULT);
            return;
        }
        title.setText(item.name());
        company.setText(item.companyName() == null ? messages.get("pipeline.card.noCompany") : item.companyName());
        value.setText(formats.money(item.value(), item.currency()));
        probability.setText(item.probability() + "%");
        avatar.setText(Formats.initials(item.ownerName()));
        owner.setText(item.ownerName() == null ? messages.get("pipeline.card.unassigned") : item.ownerName());
        boolean overdue = item.overdue(vm.today());
        boolean stale = vm.isStale(item);
        close.setText(item.expectedCloseDate() == null ? "" : formats.shortDate(item.expectedCloseDate()));
        close.setVisible(item.expectedCloseDate() != null);
        close.setManaged(item.expectedCloseDate() != null);
        age.setText(formats.age(item.daysInStage(vm.now())));
        staleIcon.setVisible(stale);
        staleIcon.setManaged(stale);
        card.getStyleClass().removeAll("overdue", "stale", "read-only", "closed-won", "closed-lost");
        close.getStyleClass().remove("overdue");
        if (overdue) {
            card.getStyleClass().add("overdue");
            close.getStyleClass().add("overdue");
        } else if (stale) {
            card.getStyleClass().add("stale");
        }
        switch (item.status()) {
            case WON -> card.getStyleClass().add("closed-won");
            case LOST -> card.getStyleClass().add("closed-lost");
            default -> { }
        }
        if (!item.editable()) {
            card.getStyleClass().add("read-only");
        }
        setCursor(item.editable() ? Cursor.OPEN_HAND : Cursor.DEFAULT);
        StringBuilder tip = new StringBuilder(item.name());
        if (overdue) {
            tip.append('\n').append(messages.get("pipeline.card.overdue", formats.date(item.expectedCloseDate())));
        }
        if (stale) {
            tip.append('\n').append(messages.get("pipeline.card.stale", vm.staleDaysProperty().get()));
        }
        tip.append("\n\n").append(messages.get(item.editable() ? "pipeline.keys.help" : "pipeline.card.readOnly"));
        tooltip.setText(tip.toString());
        setTooltip(tooltip);
        setGraphic(card);
        if (getIndex() == getListView().getItems().size() - 1 && column.hasMoreProperty().get()) {
            vm.loadMore(column);
        }
    }
}
