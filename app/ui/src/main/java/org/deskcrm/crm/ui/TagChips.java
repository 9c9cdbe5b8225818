package org.deskcrm.crm.ui;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import org.deskcrm.tag.Tag;

/** Tags as coloured chips: a tinted background and a dot in the tag's colour. */
public final class TagChips {
    private TagChips() {}

    public static Label chip(Tag tag) {
        var label = new Label(tag.name());
        label.getStyleClass().add("tag-chip");
        label.setStyle(style(tag.color()));
        return label;
    }

    /** A chip with a remove button (editors). */
    public static HBox removable(Tag tag, Consumer<Tag> onRemove) {
        var name = new Label(tag.name());
        var x = new Button("×");
        x.getStyleClass().add("tag-chip-remove");
        x.setOnAction(e -> onRemove.accept(tag));
        x.setId("tag-remove-" + tag.name().replaceAll("\\W+", "-"));
        var box = new HBox(4, name, x);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("tag-chip");
        box.setStyle(style(tag.color()));
        return box;
    }

    public static HBox row(List<Tag> tags) {
        var box = new HBox(4);
        box.setAlignment(Pos.CENTER_LEFT);
        for (Tag t : tags) {
            box.getChildren().add(chip(t));
        }
        return box;
    }

    static String style(String hex) {
        Color c;
        try {
            c = Color.web(hex);
        } catch (IllegalArgumentException e) {
            c = Color.web("#64748B");
        }
        String rgb = (int) (c.getRed() * 255) + "," + (int) (c.getGreen() * 255) + "," + (int) (c.getBlue() * 255);
        return "-fx-background-color: rgba(" + rgb + ",0.18); -fx-border-color: rgba(" + rgb + ",0.65);";
    }
}
