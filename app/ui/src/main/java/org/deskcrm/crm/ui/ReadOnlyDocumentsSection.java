package org.deskcrm.crm.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.deskcrm.crm.Related;
import org.deskcrm.ui.i18n.Messages;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The documents of a record as stored (name, type, revision, size, signed), read-only. */
public final class ReadOnlyDocumentsSection implements DocumentsSection {
    private final Messages messages;
    private final Formats formats;

    public ReadOnlyDocumentsSection(Messages messages, Formats formats) {
        this.messages = messages;
        this.formats = formats;
    }

    @Override
    public Node view(Context context) {
        var list = new ListView<Related.Document>();
        list.setId(context.entityType() + "-documents");
        list.getItems().setAll(context.documents());
        list.setPlaceholder(new Label(messages.get("crm.documents.none")));
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Related.Document d, boolean empty) {
                super.updateItem(d, empty);
                if (empty || d == null) {
                    setGraphic(null);
                    return;
                }
                var name = new Label(d.fileName());
                name.getStyleClass().add("item-title");
                var meta = new Label(String.join(" · ", Option.label(messages, "document_type", d.documentType()),
                        messages.get("crm.documents.revision", d.docVersion()), size(d.sizeBytes()),
                        formats.date(d.createdAt()), d.uploadedByName() == null ? "" : d.uploadedByName()));
                meta.getStyleClass().add("muted");
                var text = new VBox(2, name, meta);
                var spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                var row = new HBox(10, new FontIcon(Material2AL.DESCRIPTION), text, spacer);
                if (d.signed()) {
                    var signed = new Label(messages.get("crm.documents.signed"), new FontIcon(Material2MZ.VERIFIED));
                    signed.getStyleClass().addAll("pill", "pill-active");
                    row.getChildren().add(signed);
                }
                row.setAlignment(Pos.CENTER_LEFT);
                setGraphic(row);
            }
        });
        return list;
    }

    private String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return (bytes / 1024) + " KB";
        }
        return String.format(messages.getLocale(), "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
