package org.deskcrm.document.ui;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.deskcrm.crm.ui.DocumentsSection;
import org.deskcrm.crm.ui.Formats;
import org.deskcrm.crm.ui.Option;
import org.deskcrm.crm.ui.Sheet;
import org.deskcrm.document.Document;
import org.deskcrm.document.DocumentEntity;
import org.deskcrm.document.DocumentService;
import org.deskcrm.document.DocumentType;
import org.deskcrm.ui.fx.FileLauncher;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.shell.Workspace;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The read-write Documents tab of companies and contacts: "Attach file", and per document open,
 * save a copy, new version, type, signed / not signed and delete, each shown only when the user's
 * role allows it (the service also checks the record rules).
 */
public final class DocumentsPanel implements DocumentsSection {
    private final Workspace ws;
    private final Messages messages;
    private final Formats formats;
    private final DocumentService service;
    private final Supplier<FilePicker> picker;
    private final FileLauncher launcher;
    /** The panel of the record each entity screen shows, kept so a refresh keeps its messages. */
    private final Map<String, Shown> shown = new HashMap<>();

    private record Shown(java.util.UUID entityId, DocumentsViewModel vm, StackPane root) {}

    public DocumentsPanel(Workspace ws, DocumentService service, Supplier<FilePicker> picker, FileLauncher launcher) {
        this.ws = ws;
        this.messages = ws.messages();
        this.formats = new Formats(messages, ws.zone(), ws.clock());
        this.service = service;
        this.picker = picker;
        this.launcher = launcher;
    }

    private static DocumentEntity entityOf(String type) {
        return DocumentEntity.fromDb(type);
    }

    @Override
    public Node view(Context context) {
        Shown s = shown.get(context.entityType());
        if (s != null && s.entityId().equals(context.entityId())) {
            long latest = s.vm().documents().stream().filter(Document::latest).count();
            if (!s.vm().loadedProperty().get() || latest != context.documents().size()) {
                s.vm().load();
            }
            return s.root();
        }
        var vm = new DocumentsViewModel(service, ws.user(), ws.tasks(), messages, launcher, entityOf(context.entityType()),
                context.entityId(), context.refresh());
        var root = new StackPane();
        root.getChildren().add(build(context.entityType(), vm, root));
        shown.put(context.entityType(), new Shown(context.entityId(), vm, root));
        vm.load();
        return root;
    }

    @Override
    public boolean canAttach() {
        return ws.user().can(org.deskcrm.security.Resource.DOCUMENTS, org.deskcrm.security.Action.CREATE);
    }

    @Override
    public void attach(Context context) {
        view(context); // makes sure the record's panel exists
        Shown s = shown.get(context.entityType());
        Path file = picker.get().open(window(s.root()), messages.get("docs.choose"));
        if (file != null) {
            s.vm().attach(file);
        }
    }

    private static Window window(Node node) {
        if (node.getScene() != null && node.getScene().getWindow() != null) {
            return node.getScene().getWindow();
        }
        return Window.getWindows().stream().filter(Window::isFocused).findFirst()
                .orElse(Window.getWindows().isEmpty() ? null : Window.getWindows().getFirst());
    }

    private Node build(String entity, DocumentsViewModel vm, StackPane host) {
        var attach = new Button(messages.get("crm.action.attach"), new FontIcon(Material2AL.ATTACH_FILE));
        attach.setId(entity + "-documents-attach");
        attach.getStyleClass().add("accent");
        attach.setVisible(vm.canAttach());
        attach.setManaged(vm.canAttach());
        attach.disableProperty().bind(vm.busyProperty());
        attach.setOnAction(e -> {
            Path file = picker.get().open(window(host), messages.get("docs.choose"));
            if (file != null) {
                vm.attach(file);
            }
        });
        var revisions = new CheckBox(messages.get("docs.showRevisions"));
        revisions.setId(entity + "-documents-revisions");
        revisions.selectedProperty().bindBidirectional(vm.showRevisionsProperty());
        var status = new Label();
        status.setId(entity + "-documents-message");
        status.setWrapText(true);
        status.setMinWidth(0);
        Runnable showStatus = () -> {
            boolean err = !vm.errorProperty().get().isBlank();
            status.setText(err ? vm.errorProperty().get() : vm.messageProperty().get());
            status.getStyleClass().setAll("label", err ? "error-text" : "muted");
        };
        vm.errorProperty().addListener((o, a, b) -> showStatus.run());
        vm.messageProperty().addListener((o, a, b) -> showStatus.run());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(status, Priority.SOMETIMES);
        var bar = new HBox(10, attach, revisions, spacer, status);
        bar.setAlignment(Pos.CENTER_LEFT);

        var list = new ListView<Document>(vm.documents());
        list.setId(entity + "-documents");
        var empty = new Label();
        empty.textProperty().bind(javafx.beans.binding.Bindings.when(vm.loadedProperty())
                .then(messages.get(vm.canAttach() ? "docs.none.attach" : "crm.documents.none")).otherwise(messages.get("common.loading")));
        empty.setWrapText(true);
        empty.getStyleClass().add("muted");
        list.setPlaceholder(empty);
        list.setCellFactory(lv -> new DocumentCell(vm, host));
        var box = new VBox(10, bar, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        return box;
    }

    private final class DocumentCell extends ListCell<Document> {
        private final DocumentsViewModel vm;
        private final StackPane host;

        DocumentCell(DocumentsViewModel vm, StackPane host) {
            this.vm = vm;
            this.host = host;
            setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && getItem() != null) {
                    vm.open(getItem());
                }
            });
        }

        @Override
        protected void updateItem(Document d, boolean empty) {
            super.updateItem(d, empty);
            if (empty || d == null) {
                setGraphic(null);
                return;
            }
            String key = safeId(d.fileName());
            var name = new Hyperlink(d.fileName());
            name.setId("doc-name-" + key);
            name.getStyleClass().add("item-title");
            name.setTooltip(new Tooltip(messages.get("docs.open")));
            name.setOnAction(e -> vm.open(d));
            name.setPadding(Insets.EMPTY);
            var meta = new Label(String.join(" · ", Option.label(messages, "document_type", d.documentType().dbName()),
                    messages.get("crm.documents.revision", d.docVersion()) + (d.latest() ? "" : " " + messages.get("docs.replaced")),
                    size(d.sizeBytes()), d.mimeType() == null ? "" : d.mimeType(), formats.dateTime(d.uploadedAt()),
                    d.uploadedByName() == null ? "" : d.uploadedByName()));
            meta.setId("doc-meta-" + key);
            meta.getStyleClass().add("muted");
            var text = new VBox(2, name, meta);
            if (d.description() != null && !d.description().isBlank()) {
                var desc = new Label(d.description());
                desc.getStyleClass().add("item-body");
                text.getChildren().add(desc);
            }
            // The text shrinks (with an ellipsis) so the actions always stay in view.
            name.setMinWidth(0);
            meta.setMinWidth(0);
            text.setMinWidth(0);
            text.setPrefWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            var icon = new FontIcon(iconOf(d));
            icon.getStyleClass().add("doc-icon");
            var row = new HBox(10, icon, text);
            if (d.signed()) {
                var signed = new Label(messages.get("crm.documents.signed"), new FontIcon(Material2MZ.VERIFIED));
                signed.setId("doc-signed-" + key);
                signed.getStyleClass().addAll("pill", "pill-active");
                String by = d.signedByName() == null ? "" : d.signedByName();
                signed.setTooltip(new Tooltip(messages.get("docs.signedBy", by, d.signedAt() == null ? "" : formats.dateTime(d.signedAt()))));
                row.getChildren().add(signed);
            }
            var open = new Button(messages.get("docs.open"), new FontIcon(Material2MZ.OPEN_IN_NEW));
            open.setId("doc-open-" + key);
            open.setOnAction(e -> vm.open(d));
            row.getChildren().add(open);
            var more = new MenuButton("", new FontIcon(Material2MZ.MORE_HORIZ));
            more.setId("doc-menu-" + key);
            more.getStyleClass().add("flat");
            var saveAs = new MenuItem(messages.get("docs.saveAs"), new FontIcon(Material2AL.GET_APP));
            saveAs.setId("doc-save-as");
            saveAs.setOnAction(e -> {
                Path target = picker.get().save(window(host), messages.get("docs.saveAs"), d.fileName());
                if (target != null) {
                    vm.saveAs(d, target);
                }
            });
            more.getItems().add(saveAs);
            if (d.latest() && vm.canAttach()) {
                var version = new MenuItem(messages.get("docs.newVersion"), new FontIcon(Material2AL.CLOUD_UPLOAD));
                version.setId("doc-new-version");
                version.setOnAction(e -> {
                    Path file = picker.get().open(window(host), messages.get("docs.newVersion"));
                    if (file != null) {
                        vm.newVersion(d, file);
                    }
                });
                more.getItems().add(version);
            }
            if (vm.canUpdate()) {
                var sign = new MenuItem(messages.get(d.signed() ? "docs.markUnsigned" : "docs.markSigned"),
                        new FontIcon(Material2MZ.VERIFIED));
                sign.setId("doc-sign");
                sign.setOnAction(e -> vm.setSigned(d, !d.signed()));
                var type = new Menu(messages.get("docs.type"));
                type.setId("doc-type");
                for (DocumentType t : DocumentType.values()) {
                    var item = new MenuItem(Option.label(messages, "document_type", t.dbName()));
                    item.setId("doc-type-" + t.dbName());
                    item.setDisable(t == d.documentType());
                    item.setOnAction(e -> vm.setType(d, t));
                    type.getItems().add(item);
                }
                more.getItems().addAll(sign, type);
            }
            if (vm.canDelete()) {
                var delete = new MenuItem(messages.get("common.delete"), new FontIcon(Material2AL.DELETE_OUTLINE));
                delete.setId("doc-delete");
                delete.setOnAction(e -> confirmDelete(d));
                more.getItems().addAll(new SeparatorMenuItem(), delete);
            }
            row.getChildren().add(more);
            for (Node n : row.getChildren()) {
                if (n != text && n instanceof Region r) {
                    r.setMinWidth(Region.USE_PREF_SIZE);
                }
            }
            row.setAlignment(Pos.CENTER_LEFT);
            row.setMinWidth(0);
            row.setPrefWidth(0);
            setGraphic(row);
        }

        private void confirmDelete(Document d) {
            var text = new Label(messages.get(d.docVersion() > 1 ? "docs.deleteConfirm.revisions" : "docs.deleteConfirm",
                    d.fileName(), d.docVersion()));
            text.setWrapText(true);
            var sheet = new Sheet(host, messages.get("common.delete"), text, 460);
            sheet.addCancel(messages.get("common.cancel"));
            var b = sheet.addButton(messages.get("common.delete"), "doc-delete-confirm", false, () -> {
                sheet.close();
                vm.delete(d);
            });
            b.getStyleClass().add("danger");
            sheet.show();
        }
    }

    /** A node id part from a file name ("Offer 2.pdf" → "offer-2-pdf"). */
    public static String safeId(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static Ikon iconOf(Document d) {
        String m = d.mimeType() == null ? "" : d.mimeType();
        if (m.startsWith("image/")) {
            return Material2AL.IMAGE;
        }
        if (m.equals("application/pdf")) {
            return Material2MZ.PICTURE_AS_PDF;
        }
        return Material2AL.DESCRIPTION;
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

    /** For tests: the documents the shown record's panel lists. */
    public List<Document> shownDocuments(String entityType) {
        Shown s = shown.get(entityType);
        return s == null ? List.of() : List.copyOf(s.vm().documents());
    }
}
