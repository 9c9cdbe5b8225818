package org.deskcrm.pipeline.ui;

import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.deskcrm.ui.i18n.Messages;

/**
 * Asks why a deal was won (optional) or lost (required) when it moves into a closed stage, with
 * the competitor for a lost deal and a note for the stage history.
 */
final class ReasonDialog {
    private ReasonDialog() {}

    static Optional<PipelineViewModel.Reason> ask(Window owner, Messages messages, String dealName, String stageName,
            boolean won) {
        var dialog = new Dialog<PipelineViewModel.Reason>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(messages.get(won ? "pipeline.reason.wonTitle" : "pipeline.reason.lostTitle"));
        dialog.setHeaderText(messages.get(won ? "pipeline.reason.wonHeader" : "pipeline.reason.lostHeader", dealName, stageName));
        var ok = new ButtonType(messages.get(won ? "pipeline.reason.markWon" : "pipeline.reason.markLost"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, new ButtonType(messages.get("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));

        var reason = new ComboBox<String>();
        reason.setEditable(true);
        reason.setId("reason-field");
        reason.setPrefWidth(340);
        reason.getItems().setAll(messages.get(won ? "pipeline.reason.wonChoices" : "pipeline.reason.lostChoices").split("\\|"));
        reason.setPromptText(messages.get(won ? "pipeline.reason.wonPrompt" : "pipeline.reason.lostPrompt"));
        var details = new TextArea();
        details.setId("reason-details");
        details.setPrefRowCount(3);
        details.setWrapText(true);
        var competitor = new TextField();
        competitor.setId("reason-competitor");
        var note = new TextField();
        note.setId("reason-note");
        note.setPromptText(messages.get("pipeline.reason.notePrompt"));

        var grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.addRow(0, label(messages.get(won ? "pipeline.reason.won" : "pipeline.reason.lost") + (won ? "" : " *")), reason);
        int row = 1;
        if (!won) {
            grid.addRow(row++, label(messages.get("pipeline.reason.details")), details);
            grid.addRow(row++, label(messages.get("pipeline.reason.competitor")), competitor);
        }
        grid.addRow(row, label(messages.get("pipeline.reason.note")), note);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getStyleClass().add("reason-dialog");

        Node okButton = dialog.getDialogPane().lookupButton(ok);
        okButton.setId("reason-ok");
        if (!won) {
            okButton.disableProperty().bind(reason.getEditor().textProperty().isEmpty()
                    .and(reason.valueProperty().isNull()));
        }
        dialog.setResultConverter(button -> {
            if (button != ok) {
                return null;
            }
            String text = reason.getEditor().getText();
            if ((text == null || text.isBlank()) && reason.getValue() != null) {
                text = reason.getValue();
            }
            return new PipelineViewModel.Reason(text, details.getText(), competitor.getText(), note.getText());
        });
        Platform.runLater(reason::requestFocus);
        return dialog.showAndWait();
    }

    private static Label label(String text) {
        var l = new Label(text);
        l.getStyleClass().add("form-label");
        return l;
    }
}
