package org.deskcrm.crm.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.deskcrm.tag.Tag;
import org.deskcrm.ui.i18n.Messages;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** Table cells of the lists, one per {@link ColumnSpec.Kind}. Light: one node per cell, reused while scrolling. */
final class Cells {
    private Cells() {}

    static <R> TableCell<R, Object> create(ColumnSpec<R> spec, Messages messages, Formats formats, Supplier<String> search,
            String optionGroup) {
        return new TableCell<>() {
            @Override
            protected void updateItem(Object value, boolean empty) {
                super.updateItem(value, empty);
                setText(null);
                setGraphic(null);
                setTooltip(null);
                getStyleClass().removeAll("score-cell");
                if (empty || value == null) {
                    return;
                }
                switch (spec.kind()) {
                    case TITLE -> setGraphic(Highlight.of(value.toString(), search.get(), true));
                    case SEARCHABLE -> setGraphic(Highlight.of(value.toString(), search.get(), false));
                    case TEXT -> setText(value.toString());
                    case PILL -> {
                        var pill = new Label(Option.label(messages, optionGroup, value.toString()));
                        pill.getStyleClass().addAll("pill", "pill-" + value.toString().replace('_', '-'));
                        setGraphic(pill);
                    }
                    case SCORE -> {
                        int score = ((Number) value).intValue();
                        var bar = new ProgressBar(score / 100.0);
                        bar.setPrefWidth(54);
                        bar.getStyleClass().add(score >= 70 ? "score-high" : score >= 40 ? "score-medium" : "score-low");
                        var n = new Label(Integer.toString(score));
                        n.getStyleClass().add("score-number");
                        var box = new HBox(6, bar, n);
                        box.setAlignment(Pos.CENTER_LEFT);
                        setGraphic(box);
                    }
                    case RELATIVE_TIME -> {
                        OffsetDateTime t = (OffsetDateTime) value;
                        setText(formats.relative(t));
                        setTooltip(new Tooltip(formats.dateTime(t)));
                    }
                    case DATE -> setText(value instanceof LocalDate d ? formats.date(d) : formats.date((OffsetDateTime) value));
                    case MONEY -> {
                        var m = (Object[]) value;
                        setText(formats.money((BigDecimal) m[0], (String) m[1]));
                    }
                    case TAGS -> {
                        @SuppressWarnings("unchecked")
                        List<Tag> tags = (List<Tag>) value;
                        setGraphic(TagChips.row(tags));
                    }
                    case FLAG -> {
                        if (Boolean.TRUE.equals(value)) {
                            var star = new FontIcon(Material2MZ.STAR);
                            star.getStyleClass().add("flag-icon");
                            setGraphic(star);
                        }
                    }
                }
            }
        };
    }
}
