package org.deskcrm.crm.ui;

import java.text.Normalizer;
import java.util.Locale;
import javafx.scene.text.Text;
import javafx.geometry.Pos;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Rectangle;

/** Draws text with the parts that match the search (case- and accent-insensitive, at word starts) highlighted. */
public final class Highlight {
    private Highlight() {}

    /** One line (no wrapping, clipped to the cell) with the match highlighted. */
    public static HBox of(String text, String query, boolean bold) {
        var flow = new HBox();
        flow.setAlignment(Pos.CENTER_LEFT);
        flow.setMinWidth(0);
        flow.getStyleClass().add("cell-flow");
        var clip = new Rectangle();
        clip.widthProperty().bind(flow.widthProperty());
        clip.heightProperty().bind(flow.heightProperty());
        flow.setClip(clip);
        if (text == null) {
            return flow;
        }
        int[] range = match(text, query);
        if (range == null) {
            // No match: a label, so long values end in an ellipsis instead of being cut.
            var label = new javafx.scene.control.Label(text);
            label.getStyleClass().add(bold ? "cell-title-label" : "cell-label");
            label.setMinWidth(0);
            HBox.setHgrow(label, javafx.scene.layout.Priority.ALWAYS);
            flow.getChildren().add(label);
            return flow;
        }
        if (range[0] > 0) {
            flow.getChildren().add(text(text.substring(0, range[0]), bold, false));
        }
        flow.getChildren().add(text(text.substring(range[0], range[1]), bold, true));
        if (range[1] < text.length()) {
            flow.getChildren().add(text(text.substring(range[1]), bold, false));
        }
        return flow;
    }

    /** Start and end of the first match of the query in the text, or null. Digits-only queries match phone digits. */
    static int[] match(String text, String query) {
        if (query == null || query.isBlank()) {
            return null;
        }
        String q = fold(query.strip());
        String t = fold(text);
        if (t.length() != text.length()) {
            return null;
        }
        int i = t.indexOf(q);
        while (i > 0 && Character.isLetterOrDigit(t.charAt(i - 1)) && Character.isLetterOrDigit(q.charAt(0))) {
            i = t.indexOf(q, i + 1);
        }
        if (i >= 0) {
            return new int[] {i, i + q.length()};
        }
        String digits = query.replaceAll("\\D", "");
        if (digits.length() >= 3 && query.chars().noneMatch(Character::isLetter)) {
            return digitRange(text, digits);
        }
        return null;
    }

    private static int[] digitRange(String text, String digits) {
        int matched = 0;
        int start = -1;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                if (text.charAt(i) == digits.charAt(matched)) {
                    if (matched == 0) {
                        start = i;
                    }
                    matched++;
                    if (matched == digits.length()) {
                        return new int[] {start, i + 1};
                    }
                } else {
                    return null; // prefix match only, like the search
                }
            }
        }
        return null;
    }

    private static String fold(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return n.toLowerCase(Locale.ROOT);
    }

    private static Text text(String s, boolean bold, boolean highlighted) {
        var t = new Text(s);
        t.getStyleClass().add("cell-text");
        if (bold) {
            t.getStyleClass().add("cell-title");
        }
        if (highlighted) {
            t.getStyleClass().add("search-hit");
        }
        return t;
    }
}
