package org.deskcrm.crm.ui;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.deskcrm.crm.DuplicateMatch;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.task.BackgroundTask;
import org.deskcrm.ui.task.TaskRunner;

/**
 * "New company / contact / lead": a short form (the essentials and required custom fields; the
 * rest is edited on the record). Saving first looks for likely duplicates; when there are some
 * they are listed with "Open" and the button becomes "Save anyway".
 */
public final class CreateSheet {

    /** The entity's side of creating: duplicate check and create, both run in the background. */
    public interface Creator {
        List<DuplicateMatch> duplicates(Map<String, Object> values);

        UUID create(Map<String, Object> values);
    }

    private CreateSheet() {}

    public static void show(StackPane host, Messages messages, TaskRunner tasks, FormContext ctx, String entityType,
            List<FieldSpec> fields, Map<String, Object> initial, Map<String, String> displayNames, Creator creator,
            Consumer<UUID> created, Function<DuplicateMatch, Runnable> openDuplicate) {
        var model = new FormModel();
        model.setFields(fields);
        model.displayNames().putAll(displayNames);
        model.load(initial);
        model.editableProperty().set(true);
        var form = new FormView(model, ctx, "new-" + entityType);
        form.build();
        var duplicatesBox = new VBox(6);
        duplicatesBox.getStyleClass().add("duplicates-box");
        duplicatesBox.setId("new-" + entityType + "-duplicates");
        duplicatesBox.setVisible(false);
        duplicatesBox.setManaged(false);
        var scroll = new ScrollPane(form.root());
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(460);
        scroll.getStyleClass().add("form-scroll");
        var sheet = new Sheet(host, messages.get("crm.new." + entityType), new VBox(10, duplicatesBox, scroll), 760);
        sheet.addCancel(messages.get("common.cancel"));
        boolean[] confirmed = {false};
        Button[] save = new Button[1];
        // The button's disable is bound (invalid fields or a save running), so saving flips this, never setDisable.
        var saving = new javafx.beans.property.SimpleBooleanProperty();
        save[0] = sheet.addButton(messages.get("common.save"), "new-" + entityType + "-save", true, () -> {
            Map<String, Object> values = model.values();
            saving.set(true);
            sheet.showError(null);
            boolean checkDuplicates = !confirmed[0];
            BackgroundTask.of("Creating", p -> {
                        if (checkDuplicates) {
                            List<DuplicateMatch> found = creator.duplicates(values);
                            if (!found.isEmpty()) {
                                return new Outcome(null, found);
                            }
                        }
                        return new Outcome(creator.create(values), List.of());
                    })
                    .onSuccess(o -> {
                        if (o.id() != null) {
                            sheet.close();
                            created.accept(o.id());
                        } else {
                            confirmed[0] = true;
                            save[0].setText(messages.get("crm.duplicates.saveAnyway"));
                            showDuplicates(duplicatesBox, messages, o.duplicates(), m -> {
                                sheet.close();
                                openDuplicate.apply(m).run();
                            });
                        }
                    })
                    .onFailure(e -> {
                        if (e instanceof ValidationException v) {
                            model.setErrors(v.fieldErrors());
                            sheet.showError(messages.get("crm.record.fixErrors"));
                        } else {
                            sheet.showError(e.getMessage());
                        }
                    })
                    .onFinally(() -> saving.set(false))
                    .runOn(tasks);
        });
        save[0].disableProperty().bind(form.validator().containsErrorsProperty().or(saving));
        sheet.show();
    }

    private record Outcome(UUID id, List<DuplicateMatch> duplicates) {}

    private static void showDuplicates(VBox box, Messages messages, List<DuplicateMatch> matches, Consumer<DuplicateMatch> open) {
        box.getChildren().clear();
        var title = new Label(messages.get("crm.duplicates.title", matches.size()));
        title.getStyleClass().add("duplicates-title");
        box.getChildren().add(title);
        for (DuplicateMatch m : matches) {
            var name = new Label(m.title());
            name.getStyleClass().add("item-title");
            var why = new Label(String.join(", ", m.reasons().stream()
                    .map(r -> messages.get("crm.duplicates.reason." + r.name())).sorted().toList())
                    + (m.detail().isBlank() ? "" : " · " + m.detail()));
            why.getStyleClass().add("muted");
            var kind = new Label(messages.get("search.kind." + m.entityType()));
            kind.getStyleClass().addAll("pill", "pill-kind");
            var spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            var openButton = new Button(messages.get("crm.duplicates.open"));
            openButton.setId("duplicate-open-" + box.getChildren().size());
            openButton.setOnAction(e -> open.accept(m));
            var row = new HBox(10, kind, new VBox(2, name, why), spacer, openButton);
            row.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(row);
        }
        var hint = new Label(messages.get("crm.duplicates.hint"));
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        box.getChildren().add(hint);
        box.setVisible(true);
        box.setManaged(true);
    }
}
