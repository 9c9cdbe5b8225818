package org.deskcrm.crm.ui;

import java.util.Arrays;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.deskcrm.customfield.CustomFieldDefinition;
import org.deskcrm.customfield.CustomFieldDraft;
import org.deskcrm.customfield.CustomFieldService;
import org.deskcrm.customfield.CustomFieldType;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.task.BackgroundTask;
import org.deskcrm.ui.task.TaskRunner;

/**
 * The admin editor of an entity's custom fields (custom_fields:create/update/delete): the fields
 * in display order, and a form to add one or change the label, options, required flag and
 * position of the selected one. The type and key of an existing field stay fixed.
 */
public final class CustomFieldsSheet {
    private CustomFieldsSheet() {}

    public static void show(StackPane host, Messages messages, TaskRunner tasks, CustomFieldService service, CurrentUser user,
            String entityType, Runnable changed) {
        ObservableList<CustomFieldDefinition> defs = FXCollections.observableArrayList();
        var table = new TableView<>(defs);
        table.setId("custom-fields-table");
        table.setPrefHeight(220);
        table.setPlaceholder(new Label(messages.get("crm.fields.none")));
        table.getColumns().add(column(messages.get("crm.fields.label"), CustomFieldDefinition::label, 170));
        table.getColumns().add(column(messages.get("crm.fields.key"), CustomFieldDefinition::name, 150));
        table.getColumns().add(column(messages.get("crm.fields.type"),
                d -> messages.get("opt.field_type." + d.type().dbName()), 90));
        table.getColumns().add(column(messages.get("crm.fields.required"),
                d -> d.required() ? messages.get("crm.yes") : "", 70));
        table.getColumns().add(column(messages.get("crm.fields.options"), d -> String.join(", ", d.options()), 180));

        var label = new TextField();
        label.setId("field-label");
        var type = new ComboBox<Option>();
        type.setId("field-type");
        for (CustomFieldType t : CustomFieldType.values()) {
            type.getItems().add(new Option(t, messages.get("opt.field_type." + t.dbName())));
        }
        type.getSelectionModel().selectFirst();
        var options = new TextField();
        options.setId("field-options");
        options.setPromptText(messages.get("crm.fields.optionsPrompt"));
        var required = new CheckBox(messages.get("crm.fields.required"));
        required.setId("field-required");
        var position = new TextField("0");
        position.setId("field-position");
        var grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label(messages.get("crm.fields.label")), label, new Label(messages.get("crm.fields.type")), type);
        grid.addRow(1, new Label(messages.get("crm.fields.options")), options, new Label(messages.get("crm.fields.position")), position);
        grid.add(required, 1, 2);
        GridPane.setHgrow(label, Priority.ALWAYS);
        GridPane.setHgrow(options, Priority.ALWAYS);
        options.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> type.getValue() == null || type.getValue().value() != CustomFieldType.CHOICE, type.valueProperty()));
        table.getSelectionModel().selectedItemProperty().subscribe(d -> {
            if (d == null) {
                return;
            }
            label.setText(d.label());
            type.getItems().stream().filter(o -> o.value() == d.type()).findFirst().ifPresent(type::setValue);
            options.setText(String.join(", ", d.options()));
            required.setSelected(d.required());
            position.setText(Integer.toString(d.position()));
        });
        type.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNotNull());

        var content = new VBox(12, table, grid);
        var sheet = new Sheet(host, messages.get("crm.fields.title." + entityType), content, 760);
        Runnable reload = () -> BackgroundTask.of("Loading fields", p -> service.definitions(user, entityType))
                .onSuccess(defs::setAll).onFailure(e -> sheet.showError(e.getMessage())).runOn(tasks);
        Runnable clear = () -> {
            table.getSelectionModel().clearSelection();
            label.clear();
            options.clear();
            required.setSelected(false);
            position.setText(Integer.toString(defs.size()));
            type.getSelectionModel().selectFirst();
        };
        var newButton = sheet.addButton(messages.get("crm.fields.new"), "field-new", false, clear);
        var delete = sheet.addButton(messages.get("common.delete"), "field-delete", false, () -> {
            var d = table.getSelectionModel().getSelectedItem();
            if (d == null) {
                return;
            }
            BackgroundTask.of("Deleting field", p -> {
                service.delete(user, d.id(), d.version());
                return true;
            }).onSuccess(ok -> {
                clear.run();
                reload.run();
                changed.run();
            }).onFailure(e -> sheet.showError(e.getMessage())).runOn(tasks);
        });
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        sheet.addButton(messages.get("common.close"), "field-close", false, sheet::close);
        sheet.addButton(messages.get("common.save"), "field-save", true, () -> {
            int pos;
            try {
                pos = Integer.parseInt(position.getText().strip());
            } catch (NumberFormatException e) {
                sheet.showError(messages.get("crm.form.integer"));
                return;
            }
            List<String> opts = Arrays.stream(options.getText().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            var draft = new CustomFieldDraft(entityType, null, label.getText(), (CustomFieldType) type.getValue().value(), opts,
                    required.isSelected(), pos);
            var selected = table.getSelectionModel().getSelectedItem();
            BackgroundTask.of("Saving field", p -> selected == null ? service.define(user, draft)
                            : service.update(user, selected.id(), selected.version(), draft))
                    .onSuccess(d -> {
                        sheet.showError(null);
                        clear.run();
                        reload.run();
                        changed.run();
                    })
                    .onFailure(e -> sheet.showError(e instanceof ValidationException v ? String.join(" ", v.messages())
                            : e.getMessage()))
                    .runOn(tasks);
        });
        HBox.setHgrow(newButton, Priority.NEVER);
        sheet.show();
        reload.run();
    }

    private static TableColumn<CustomFieldDefinition, String> column(String title,
            java.util.function.Function<CustomFieldDefinition, String> value, double width) {
        var c = new TableColumn<CustomFieldDefinition, String>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
