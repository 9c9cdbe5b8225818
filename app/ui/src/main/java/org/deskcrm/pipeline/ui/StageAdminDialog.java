package org.deskcrm.pipeline.ui;

import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.deskcrm.pipeline.Pipeline;
import org.deskcrm.pipeline.PipelineStage;
import org.deskcrm.pipeline.PipelineType;
import org.deskcrm.ui.i18n.Messages;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/**
 * "Pipelines and stages" (admins): choose a pipeline, create/rename/archive it or make it the
 * default; list its stages, move them up and down, archive or restore them, and edit a stage's
 * name, colour, default probability and closed/won flags.
 */
final class StageAdminDialog {
    private StageAdminDialog() {}

    static void show(Window owner, StageAdminViewModel vm, Messages messages, java.util.UUID pipelineId) {
        var dialog = new Dialog<Void>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(messages.get("stageAdmin.title"));
        dialog.setHeaderText(messages.get("stageAdmin.header"));
        dialog.setResizable(true);
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(messages.get("common.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().getStyleClass().add("stage-admin");
        dialog.getDialogPane().setMinSize(960, 620);
        dialog.getDialogPane().setPrefSize(960, 620);

        // Pipelines row
        var pipelineChoice = new ComboBox<Pipeline>(vm.pipelines());
        pipelineChoice.setId("stage-admin-pipeline");
        pipelineChoice.setPrefWidth(240);
        pipelineChoice.setMinWidth(220);
        pipelineChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Pipeline p) {
                if (p == null) {
                    return "";
                }
                String suffix = p.archived() ? " " + messages.get("stageAdmin.archivedSuffix")
                        : p.isDefault() ? " " + messages.get("stageAdmin.defaultSuffix") : "";
                return p.name() + suffix;
            }

            @Override
            public Pipeline fromString(String s) {
                return null;
            }
        });
        pipelineChoice.valueProperty().bindBidirectional(vm.pipelineProperty());
        var newPipeline = new Button(messages.get("stageAdmin.newPipeline"), new FontIcon(Material2OutlinedAL.ADD));
        newPipeline.setId("stage-admin-new-pipeline");
        newPipeline.setOnAction(e -> askPipeline(dialog.getDialogPane().getScene().getWindow(), messages, null)
                .ifPresent(r -> vm.createPipeline(r.name(), r.type())));
        var rename = new Button(messages.get("stageAdmin.renamePipeline"));
        rename.setId("stage-admin-rename-pipeline");
        rename.disableProperty().bind(vm.pipelineProperty().isNull());
        rename.setOnAction(e -> askPipeline(dialog.getDialogPane().getScene().getWindow(), messages, vm.pipelineProperty().get())
                .ifPresent(r -> vm.renamePipeline(r.name(), r.type())));
        var makeDefault = new Button(messages.get("stageAdmin.makeDefault"));
        makeDefault.setId("stage-admin-make-default");
        makeDefault.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> vm.pipelineProperty().get() == null
                || vm.pipelineProperty().get().isDefault() || vm.pipelineProperty().get().archived(), vm.pipelineProperty()));
        makeDefault.setOnAction(e -> vm.makeDefault());
        var archivePipeline = new Button();
        archivePipeline.setId("stage-admin-archive-pipeline");
        archivePipeline.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> messages.get(
                vm.pipelineProperty().get() != null && vm.pipelineProperty().get().archived()
                        ? "stageAdmin.restorePipeline" : "stageAdmin.archivePipeline"), vm.pipelineProperty()));
        archivePipeline.disableProperty().bind(vm.pipelineProperty().isNull());
        archivePipeline.setOnAction(e -> vm.togglePipelineArchived());
        var busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());
        for (Button b : new Button[] {newPipeline, rename, makeDefault, archivePipeline}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        var pipelineRow = new HBox(8, label(messages.get("stageAdmin.pipeline")), pipelineChoice, newPipeline, rename,
                makeDefault, archivePipeline, busy);
        pipelineRow.setAlignment(Pos.CENTER_LEFT);

        // Stages list
        var list = new ListView<PipelineStage>(vm.stages());
        list.setId("stage-admin-stages");
        list.setPrefSize(320, 360);
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(PipelineStage s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                var dot = new Region();
                dot.getStyleClass().add("stage-dot");
                dot.setStyle("-fx-background-color: " + s.color() + ";");
                var name = new Label(s.name());
                name.getStyleClass().add("strong");
                var prob = new Label(s.defaultProbability() + "%");
                prob.getStyleClass().add("muted");
                var grow = new Region();
                HBox.setHgrow(grow, Priority.ALWAYS);
                var row = new HBox(8, dot, name, grow, prob);
                row.setAlignment(Pos.CENTER_LEFT);
                if (s.closed()) {
                    var badge = new Label(messages.get(s.won() ? "stageAdmin.badge.won" : "stageAdmin.badge.lost"));
                    badge.getStyleClass().addAll("badge", s.won() ? "badge-won" : "badge-lost");
                    row.getChildren().add(badge);
                }
                if (s.archived()) {
                    var badge = new Label(messages.get("stageAdmin.badge.archived"));
                    badge.getStyleClass().addAll("badge", "badge-archived");
                    row.getChildren().add(badge);
                    row.setOpacity(0.6);
                }
                setGraphic(row);
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.stageProperty().set(b);
            }
        });
        vm.stageProperty().addListener((o, a, b) -> {
            if (b != null && list.getSelectionModel().getSelectedItem() != b) {
                list.getSelectionModel().select(b);
            }
        });
        var up = new Button(null, new FontIcon(Material2OutlinedAL.ARROW_UPWARD));
        up.setId("stage-admin-up");
        up.setOnAction(e -> vm.moveStage(-1));
        var down = new Button(null, new FontIcon(Material2OutlinedAL.ARROW_DOWNWARD));
        down.setId("stage-admin-down");
        down.setOnAction(e -> vm.moveStage(1));
        var archive = new Button();
        archive.setId("stage-admin-archive");
        archive.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> messages.get(
                vm.stageProperty().get() != null && vm.stageProperty().get().archived()
                        ? "stageAdmin.restoreStage" : "stageAdmin.archiveStage"), vm.stageProperty()));
        for (Button b : new Button[] {up, down, archive}) {
            b.disableProperty().bind(vm.stageProperty().isNull());
        }
        archive.setOnAction(e -> vm.toggleStageArchived());
        archive.setMinWidth(Region.USE_PREF_SIZE);
        var listButtons = new HBox(6, up, down, archive);
        var left = new VBox(8, list, listButtons);

        // Stage form
        var name = new TextField();
        name.setId("stage-admin-name");
        name.textProperty().bindBidirectional(vm.nameProperty());
        var color = new ColorPicker();
        color.setId("stage-admin-color");
        vm.colorProperty().addListener((o, a, b) -> {
            try {
                color.setValue(Color.web(b));
            } catch (IllegalArgumentException ex) {
                color.setValue(Color.CORNFLOWERBLUE);
            }
        });
        color.setValue(Color.web(vm.colorProperty().get()));
        color.valueProperty().addListener((o, a, c) -> vm.colorProperty().set(hex(c)));
        var probability = new Spinner<Integer>();
        probability.setId("stage-admin-probability");
        probability.setEditable(true);
        var factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 100, 50, 5);
        probability.setValueFactory(factory);
        factory.valueProperty().bindBidirectional(vm.probabilityProperty());
        var closed = new CheckBox(messages.get("stageAdmin.closed"));
        closed.setId("stage-admin-closed");
        closed.selectedProperty().bindBidirectional(vm.closedProperty());
        var won = new CheckBox(messages.get("stageAdmin.won"));
        won.setId("stage-admin-won");
        won.selectedProperty().bindBidirectional(vm.wonProperty());
        var description = new TextArea();
        description.setPrefRowCount(3);
        description.setWrapText(true);
        description.textProperty().bindBidirectional(vm.descriptionProperty());
        var grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.addRow(0, label(messages.get("stageAdmin.name")), name);
        grid.addRow(1, label(messages.get("stageAdmin.color")), color);
        grid.addRow(2, label(messages.get("stageAdmin.probability")), probability);
        grid.addRow(3, label(messages.get("stageAdmin.outcome")), new HBox(12, closed, won));
        grid.addRow(4, label(messages.get("stageAdmin.description")), description);
        var save = new Button(messages.get("stageAdmin.saveStage"));
        save.setId("stage-admin-save");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(vm.stageProperty().isNull().or(vm.nameProperty().isEmpty()));
        save.setOnAction(e -> vm.saveStage());
        var add = new Button(messages.get("stageAdmin.addStage"), new FontIcon(Material2OutlinedAL.ADD));
        add.setId("stage-admin-add");
        add.disableProperty().bind(vm.pipelineProperty().isNull().or(vm.nameProperty().isEmpty()));
        add.setOnAction(e -> vm.addStage());
        var hint = new Label(messages.get("stageAdmin.hint"));
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        save.setMinWidth(Region.USE_PREF_SIZE);
        add.setMinWidth(Region.USE_PREF_SIZE);
        var right = new VBox(12, grid, new HBox(8, save, add), hint);
        right.setPrefWidth(520);
        HBox.setHgrow(right, Priority.ALWAYS);

        var error = new Label();
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        var info = new Label();
        info.getStyleClass().add("success-text");
        info.textProperty().bind(vm.infoProperty());
        var body = new HBox(16, left, right);
        var content = new VBox(14, pipelineRow, body, error, info);
        content.setPadding(new Insets(8, 24, 12, 16));
        // The dialog pane styles its content node (".content" padding from the theme wins over setPadding):
        // a wrapper takes that style, so the padding above stays.
        dialog.getDialogPane().setContent(new javafx.scene.layout.StackPane(content));
        vm.load(pipelineId);
        dialog.showAndWait();
    }

    record PipelineAnswer(String name, PipelineType type) {}

    private static Optional<PipelineAnswer> askPipeline(Window owner, Messages messages, Pipeline current) {
        var d = new Dialog<PipelineAnswer>();
        d.initOwner(owner);
        d.setTitle(messages.get(current == null ? "stageAdmin.newPipeline" : "stageAdmin.renamePipeline"));
        var ok = new ButtonType(messages.get("common.save"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, new ButtonType(messages.get("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        var name = new TextField(current == null ? "" : current.name());
        name.setId("pipeline-name-field");
        var type = new ComboBox<PipelineType>();
        type.setId("pipeline-type-field");
        type.getItems().setAll(PipelineType.values());
        type.setConverter(new StringConverter<>() {
            @Override
            public String toString(PipelineType t) {
                return t == null ? "" : messages.get("stageAdmin.type." + t.dbName());
            }

            @Override
            public PipelineType fromString(String s) {
                return null;
            }
        });
        type.setValue(current == null ? PipelineType.SALES : current.type());
        var grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.addRow(0, label(messages.get("stageAdmin.name")), name);
        grid.addRow(1, new Label(messages.get("stageAdmin.type")), type);
        if (current == null) {
            var hint = new Label(messages.get("stageAdmin.typeHint"));
            hint.getStyleClass().add("muted");
            hint.setWrapText(true);
            hint.setMaxWidth(320);
            grid.add(hint, 1, 2);
        }
        d.getDialogPane().setContent(grid);
        d.getDialogPane().lookupButton(ok).disableProperty().bind(name.textProperty().isEmpty());
        d.setResultConverter(b -> b == ok ? new PipelineAnswer(name.getText(), type.getValue()) : null);
        return d.showAndWait();
    }

    private static Label label(String text) {
        var l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().add("form-label");
        return l;
    }

    private static String hex(Color c) {
        return String.format("#%02x%02x%02x", (int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255),
                (int) Math.round(c.getBlue() * 255));
    }
}
