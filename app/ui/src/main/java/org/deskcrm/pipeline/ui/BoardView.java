package org.deskcrm.pipeline.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.deskcrm.deal.CurrencyTotal;
import org.deskcrm.deal.DealCard;
import org.deskcrm.deal.StageTotals;
import org.deskcrm.ui.i18n.Messages;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/**
 * The kanban board: a column per stage, each a virtualized {@link ListView} of cards (only the
 * visible cards exist as nodes; more are fetched when the last one scrolls into view).
 *
 * <p>Cards move by dragging them with the mouse (a press-drag-release gesture with a ghost image
 * and a drop line, so it behaves the same on every platform and in headless tests) or with the
 * keyboard: Ctrl+Left/Right to the previous/next stage, Ctrl+Up/Down one place up/down; the
 * arrows alone move between cards and columns, Enter opens the deal. Read-only cards do not move.
 */
final class BoardView {
    private static final double DRAG_THRESHOLD = 6;
    private static final double COLUMN_WIDTH = 276;

    private final PipelineViewModel vm;
    private final Formats formats;
    private final Messages messages;
    private final HBox columnsBox = new HBox(12);
    private final ScrollPane scroll = new ScrollPane(columnsBox);
    private final Pane overlay = new Pane();
    private final StackPane root = new StackPane(scroll, overlay);
    private final Region dropLine = new Region();
    private final Map<BoardColumn, ListView<DealCard>> lists = new LinkedHashMap<>();
    private final Map<BoardColumn, VBox> columnNodes = new LinkedHashMap<>();

    private DealCardCell pressedCell;
    private DealCard dragCard;
    private Point2D pressPoint;
    private boolean dragging;
    private ImageView ghost;
    private Point2D ghostOffset;
    private VBox highlighted;
    private final ChangeListener<UUID> focusListener = (o, a, id) -> focus(id);

    BoardView(PipelineViewModel vm, Formats formats, Messages messages) {
        this.vm = vm;
        this.formats = formats;
        this.messages = messages;
        columnsBox.getStyleClass().add("board");
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("board-scroll");
        overlay.setMouseTransparent(true);
        overlay.setPickOnBounds(false);
        dropLine.getStyleClass().add("board-drop-line");
        dropLine.setManaged(false);
        dropLine.setVisible(false);
        overlay.getChildren().add(dropLine);
        root.setId("pipeline-board");
    }

    Node root() {
        return root;
    }

    void bind() {
        vm.focusDealProperty().addListener(focusListener);
    }

    void unbind() {
        vm.focusDealProperty().removeListener(focusListener);
    }

    /** Re-creates the column nodes from the view model's columns. */
    void rebuild() {
        lists.clear();
        columnNodes.clear();
        columnsBox.getChildren().clear();
        for (BoardColumn col : vm.columns()) {
            columnsBox.getChildren().add(column(col));
        }
    }

    /** Re-renders the cards (e.g. after the stale threshold changed). */
    void refreshCards() {
        lists.values().forEach(ListView::refresh);
    }

    private VBox column(BoardColumn col) {
        var stage = col.stage();
        var name = new Label(stage.name());
        name.getStyleClass().add("board-column-name");
        var count = new Label();
        count.getStyleClass().add("board-column-count");
        var grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        var top = new HBox(8, name, count, grow);
        top.setAlignment(Pos.CENTER_LEFT);
        if (stage.closed()) {
            var flag = new FontIcon(stage.won() ? Material2OutlinedAL.EMOJI_EVENTS : Material2OutlinedAL.CLOSE);
            flag.getStyleClass().add(stage.won() ? "board-won-icon" : "board-lost-icon");
            top.getChildren().add(flag);
        }
        var total = new Label();
        total.getStyleClass().add("board-column-total");
        var others = new Label();
        others.getStyleClass().addAll("board-column-others", "muted");
        var header = new VBox(2, top, total, others);
        header.getStyleClass().add("board-column-header");
        header.setStyle("-fx-border-color: " + stage.color() + " transparent transparent transparent;");
        Runnable showTotals = () -> showTotals(col.totalsProperty().get(), count, total, others);
        col.totalsProperty().addListener((o, a, b) -> showTotals.run());
        vm.organizationCurrencyProperty().addListener((o, a, b) -> showTotals.run());
        showTotals.run();

        ListView<DealCard> list = new ListView<>(col.cards());
        list.getStyleClass().add("board-list");
        list.setId("board-list-" + stage.position());
        list.setUserData(col);
        list.setFixedCellSize(118);
        list.setFocusTraversable(true);
        var placeholder = new Label(messages.get(vm.hasFilters() ? "pipeline.column.emptyFiltered" : "pipeline.column.empty"));
        placeholder.getStyleClass().add("muted");
        list.setPlaceholder(placeholder);
        list.setCellFactory(lv -> new DealCardCell(vm, formats, messages, this, col));
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> onKey(list, col, e));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                lists.values().stream().filter(l -> l != list).forEach(l -> l.getSelectionModel().clearSelection());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        var box = new VBox(8, header, list);
        box.getStyleClass().add("board-column");
        box.setMinWidth(COLUMN_WIDTH);
        box.setPrefWidth(COLUMN_WIDTH);
        box.setMaxWidth(COLUMN_WIDTH);
        box.setUserData(col);
        lists.put(col, list);
        columnNodes.put(col, box);
        return box;
    }

    private void showTotals(StageTotals t, Label count, Label total, Label others) {
        String cur = vm.organizationCurrencyProperty().get();
        if (t == null) {
            count.setText("0");
            total.setText("");
            others.setText("");
            return;
        }
        count.setText(Long.toString(t.count()));
        CurrencyTotal mine = t.in(cur);
        total.setText(messages.get("pipeline.column.total", formats.compactMoney(mine.total(), cur),
                formats.compactMoney(mine.weighted(), cur)));
        var rest = t.others(cur);
        others.setText(rest.isEmpty() ? "" : messages.get("pipeline.column.others",
                rest.stream().mapToLong(CurrencyTotal::count).sum(),
                rest.stream().map(CurrencyTotal::currency).collect(Collectors.joining(", "))));
        others.setVisible(!rest.isEmpty());
        others.setManaged(!rest.isEmpty());
    }

    // ------------------------------------------------------------------ keyboard

    private void onKey(ListView<DealCard> list, BoardColumn col, KeyEvent e) {
        DealCard card = list.getSelectionModel().getSelectedItem();
        if (card == null) {
            return;
        }
        KeyCode code = e.getCode();
        if (e.isControlDown() || e.isShortcutDown()) {
            PipelineViewModel.Direction d = switch (code) {
                case LEFT -> PipelineViewModel.Direction.LEFT;
                case RIGHT -> PipelineViewModel.Direction.RIGHT;
                case UP -> PipelineViewModel.Direction.UP;
                case DOWN -> PipelineViewModel.Direction.DOWN;
                default -> null;
            };
            if (d != null) {
                e.consume();
                if (vm.canMove(card)) {
                    vm.moveByKeyboard(card, d);
                } else {
                    vm.showError(messages.get("pipeline.move.readOnly", card.name()));
                }
            }
            return;
        }
        if (code == KeyCode.ENTER) {
            e.consume();
            vm.openDeal(card.id());
        } else if (code == KeyCode.LEFT || code == KeyCode.RIGHT) {
            e.consume();
            var cols = vm.columns();
            int c = cols.indexOf(col) + (code == KeyCode.LEFT ? -1 : 1);
            if (c >= 0 && c < cols.size()) {
                var next = lists.get(cols.get(c));
                if (next != null && !next.getItems().isEmpty()) {
                    int i = Math.min(list.getSelectionModel().getSelectedIndex(), next.getItems().size() - 1);
                    next.requestFocus();
                    next.getSelectionModel().select(Math.max(0, i));
                    next.scrollTo(Math.max(0, i));
                }
            }
        }
    }

    /** Selects and focuses a card wherever it is now (after a move). */
    private void focus(UUID dealId) {
        if (dealId == null) {
            return;
        }
        for (var entry : lists.entrySet()) {
            int i = entry.getKey().indexOf(dealId);
            if (i >= 0) {
                var list = entry.getValue();
                list.getSelectionModel().select(i);
                list.scrollTo(Math.max(0, i - 2));
                list.requestFocus();
                Bounds b = columnNodes.get(entry.getKey()).getBoundsInParent();
                double viewport = scroll.getViewportBounds().getWidth();
                double content = columnsBox.getWidth();
                if (content > viewport) {
                    double left = scroll.getHvalue() * (content - viewport);
                    if (b.getMinX() < left || b.getMaxX() > left + viewport) {
                        scroll.setHvalue(Math.max(0, Math.min(1, (b.getMinX() - 24) / (content - viewport))));
                    }
                }
                return;
            }
        }
    }

    // ------------------------------------------------------------------ dragging

    void press(DealCardCell cell, MouseEvent e) {
        pressedCell = cell;
        dragCard = cell.getItem();
        pressPoint = new Point2D(e.getSceneX(), e.getSceneY());
        dragging = false;
        cell.getListView().getSelectionModel().select(cell.getIndex());
        cell.getListView().requestFocus();
    }

    void dragged(MouseEvent e) {
        if (dragCard == null || pressPoint == null) {
            return;
        }
        if (!dragging) {
            if (pressPoint.distance(e.getSceneX(), e.getSceneY()) < DRAG_THRESHOLD || !vm.canMove(dragCard)) {
                return;
            }
            startDrag(e);
        }
        e.consume();
        Point2D p = overlay.sceneToLocal(e.getSceneX(), e.getSceneY());
        ghost.relocate(p.getX() - ghostOffset.getX(), p.getY() - ghostOffset.getY());
        autoScroll(e.getSceneX());
        showTarget(targetAt(e.getSceneX(), e.getSceneY()));
    }

    void released(MouseEvent e) {
        DealCard card = dragCard;
        Target t = dragging && card != null ? targetAt(e.getSceneX(), e.getSceneY()) : null;
        endDrag();
        if (t != null) {
            // After the ghost is gone: a closed stage opens the reason dialog.
            vm.drop(card, t.column(), t.afterId(), t.beforeId());
        }
    }

    private void startDrag(MouseEvent e) {
        dragging = true;
        ghost = new ImageView(pressedCell.snapshot(null, null));
        ghost.setOpacity(0.85);
        ghost.setManaged(false);
        ghost.getStyleClass().add("board-ghost");
        Point2D inCell = pressedCell.sceneToLocal(pressPoint);
        ghostOffset = inCell;
        overlay.getChildren().add(ghost);
        pressedCell.setOpacity(0.35);
        root.setCursor(Cursor.CLOSED_HAND);
    }

    private void endDrag() {
        if (ghost != null) {
            overlay.getChildren().remove(ghost);
        }
        if (pressedCell != null) {
            pressedCell.setOpacity(1);
        }
        if (highlighted != null) {
            highlighted.getStyleClass().remove("drop-target");
        }
        highlighted = null;
        dropLine.setVisible(false);
        root.setCursor(Cursor.DEFAULT);
        ghost = null;
        dragging = false;
        dragCard = null;
        pressedCell = null;
        pressPoint = null;
    }

    private void autoScroll(double sceneX) {
        Bounds b = scroll.localToScene(scroll.getBoundsInLocal());
        double step = 0.02;
        if (sceneX < b.getMinX() + 48) {
            scroll.setHvalue(Math.max(0, scroll.getHvalue() - step));
        } else if (sceneX > b.getMaxX() - 48) {
            scroll.setHvalue(Math.min(1, scroll.getHvalue() + step));
        }
    }

    /** Where a drop at this scene point lands: a column and the card to go after or before. */
    record Target(BoardColumn column, UUID afterId, UUID beforeId, double lineY, Bounds columnBounds) {}

    private Target targetAt(double x, double y) {
        for (var entry : columnNodes.entrySet()) {
            VBox node = entry.getValue();
            Bounds cb = node.localToScene(node.getBoundsInLocal());
            if (x < cb.getMinX() || x > cb.getMaxX()) {
                continue;
            }
            BoardColumn col = entry.getKey();
            ListView<DealCard> list = lists.get(col);
            Bounds lb = list.localToScene(list.getBoundsInLocal());
            ListCell<?> lastFilled = null;
            ListCell<?> firstFilled = null;
            for (Node n : list.lookupAll(".deal-card-cell")) {
                if (!(n instanceof ListCell<?> cell) || !cell.isVisible() || cell.getItem() == null || cell.isEmpty()) {
                    continue;
                }
                Bounds b = cell.localToScene(cell.getBoundsInLocal());
                if (b.getMaxY() < lb.getMinY() || b.getMinY() > lb.getMaxY()) {
                    continue;
                }
                if (firstFilled == null || b.getMinY() < firstFilled.localToScene(firstFilled.getBoundsInLocal()).getMinY()) {
                    firstFilled = cell;
                }
                if (lastFilled == null || b.getMaxY() > lastFilled.localToScene(lastFilled.getBoundsInLocal()).getMaxY()) {
                    lastFilled = cell;
                }
                if (y >= b.getMinY() && y <= b.getMaxY()) {
                    DealCard item = (DealCard) cell.getItem();
                    boolean upper = y < b.getMinY() + b.getHeight() / 2;
                    return upper ? new Target(col, null, item.id(), b.getMinY(), cb)
                            : new Target(col, item.id(), null, b.getMaxY(), cb);
                }
            }
            if (firstFilled != null && y < firstFilled.localToScene(firstFilled.getBoundsInLocal()).getMinY()) {
                Bounds b = firstFilled.localToScene(firstFilled.getBoundsInLocal());
                return new Target(col, null, ((DealCard) firstFilled.getItem()).id(), b.getMinY(), cb);
            }
            if (lastFilled != null) {
                Bounds b = lastFilled.localToScene(lastFilled.getBoundsInLocal());
                DealCard last = (DealCard) lastFilled.getItem();
                // Below the last loaded card of a column with more pages: "the end" is not loaded; let the service place it.
                boolean atEnd = col.cards().indexOf(last) == col.cards().size() - 1;
                if (atEnd && !col.hasMoreProperty().get()) {
                    return new Target(col, last.id(), null, b.getMaxY(), cb);
                }
                return new Target(col, null, null, b.getMaxY(), cb);
            }
            return new Target(col, null, null, lb.getMinY() + 4, cb);
        }
        return null;
    }

    private void showTarget(Target t) {
        VBox node = t == null ? null : columnNodes.get(t.column());
        if (highlighted != node) {
            if (highlighted != null) {
                highlighted.getStyleClass().remove("drop-target");
            }
            if (node != null) {
                node.getStyleClass().add("drop-target");
            }
            highlighted = node;
        }
        if (t == null) {
            dropLine.setVisible(false);
            return;
        }
        Point2D topLeft = overlay.sceneToLocal(t.columnBounds().getMinX() + 6, t.lineY());
        dropLine.resizeRelocate(topLeft.getX(), topLeft.getY() - 2, t.columnBounds().getWidth() - 12, 4);
        dropLine.setVisible(true);
    }
}
