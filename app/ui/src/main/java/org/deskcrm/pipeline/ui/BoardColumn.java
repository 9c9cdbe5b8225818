package org.deskcrm.pipeline.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.deal.DealCard;
import org.deskcrm.deal.StageTotals;
import org.deskcrm.pipeline.PipelineStage;

/** One column of the board as the view sees it: the stage, the cards loaded so far, its totals. */
public final class BoardColumn {
    private final PipelineStage stage;
    private final ObservableList<DealCard> cards = FXCollections.observableArrayList();
    private final ObjectProperty<StageTotals> totals = new SimpleObjectProperty<>();
    private final BooleanProperty hasMore = new SimpleBooleanProperty();
    private final BooleanProperty loading = new SimpleBooleanProperty();

    public BoardColumn(PipelineStage stage) {
        this.stage = stage;
    }

    public PipelineStage stage() {
        return stage;
    }

    public ObservableList<DealCard> cards() {
        return cards;
    }

    public ObjectProperty<StageTotals> totalsProperty() {
        return totals;
    }

    public BooleanProperty hasMoreProperty() {
        return hasMore;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public int indexOf(java.util.UUID dealId) {
        for (int i = 0; i < cards.size(); i++) {
            if (cards.get(i).id().equals(dealId)) {
                return i;
            }
        }
        return -1;
    }
}
