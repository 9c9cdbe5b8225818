package org.deskcrm.merge.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.deskcrm.crm.ui.Formats;
import org.deskcrm.crm.ui.Option;
import org.deskcrm.crm.ui.Sheet;
import org.deskcrm.merge.MergeCandidate;
import org.deskcrm.merge.MergePreview;
import org.deskcrm.merge.MergeResult;
import org.deskcrm.ui.i18n.Messages;

/**
 * The merge sheet: the two records in two columns; the column header chooses the record that
 * stays, each differing field chooses its value. Fields both records share show once. The
 * related records that will move are counted under each name.
 */
public final class MergeSheet {
    /** Choice groups of the fields shown as options (value → label). */
    private static final Map<String, String> GROUPS = Map.ofEntries(Map.entry("status", "status"),
            Map.entry("lifecycle_stage", "lifecycle"), Map.entry("lead_quality", "quality"), Map.entry("influence_level", "influence"),
            Map.entry("communication_preference", "communication"));

    private final MergeViewModel vm;
    private final Messages messages;
    private final Formats formats;
    private final Sheet sheet;
    private final GridPane grid = new GridPane();
    private final Label summary = new Label();
    private final Button mergeButton;
    private final List<Runnable> unbind = new ArrayList<>();
    /** The two choices of each differing field (left, right), kept in step with the view model's choices. */
    private final Map<String, RadioButton[]> radios = new java.util.HashMap<>();

    private MergeSheet(StackPane host, MergeViewModel vm, Messages messages, Formats formats, Consumer<MergeResult> merged) {
        this.vm = vm;
        this.messages = messages;
        this.formats = formats;
        String entity = vm.kind().entityType();
        var intro = new Label(messages.get("merge.intro." + entity));
        intro.setWrapText(true);
        intro.getStyleClass().add("muted");
        grid.setId("merge-grid");
        grid.getStyleClass().add("compare-grid");
        grid.setHgap(14);
        grid.setVgap(6);
        var c0 = new ColumnConstraints(150);
        var c1 = new ColumnConstraints();
        c1.setHgrow(Priority.ALWAYS);
        c1.setPercentWidth(40);
        var c2 = new ColumnConstraints();
        c2.setHgrow(Priority.ALWAYS);
        c2.setPercentWidth(40);
        grid.getColumnConstraints().addAll(c0, c1, c2);
        var scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(420);
        scroll.setPadding(new Insets(4));
        summary.setId("merge-summary");
        summary.setWrapText(true);
        summary.getStyleClass().add("item-body");
        this.sheet = new Sheet(host, messages.get("merge.title." + entity), new VBox(10, intro, scroll, summary), 880);
        sheet.addCancel(messages.get("common.cancel"));
        mergeButton = sheet.addButton(messages.get("merge.confirm"), "merge-confirm", true, () -> vm.merge(r -> {
            close();
            merged.accept(r);
        }));
        mergeButton.disableProperty().bind(vm.busyProperty().or(vm.allowedProperty().not()).or(vm.previewProperty().isNull()));
        Runnable render = this::render;
        javafx.beans.value.ChangeListener<Object> l = (o, a, b) -> render.run();
        vm.previewProperty().addListener(l);
        vm.survivorProperty().addListener(l);
        unbind.add(() -> vm.previewProperty().removeListener(l));
        unbind.add(() -> vm.survivorProperty().removeListener(l));
        javafx.beans.value.ChangeListener<String> err = (o, a, b) -> sheet.showError(b);
        vm.errorProperty().addListener(err);
        unbind.add(() -> vm.errorProperty().removeListener(err));
        javafx.collections.MapChangeListener<String, UUID> sourceListener = c -> {
            syncChoice(c.getKey());
            renderSummary();
        };
        vm.source().addListener(sourceListener);
        unbind.add(() -> vm.source().removeListener(sourceListener));
        grid.add(new Label(messages.get("common.loading")), 0, 0, 3, 1);
    }

    /** Opens the sheet over {@code host} and loads both records; {@code merged} runs after a merge. */
    public static MergeSheet show(StackPane host, MergeViewModel vm, Messages messages, Formats formats, Consumer<MergeResult> merged) {
        var s = new MergeSheet(host, vm, messages, formats, merged);
        s.sheet.show();
        vm.load();
        return s;
    }

    private void close() {
        unbind.forEach(Runnable::run);
        sheet.close();
    }

    private void render() {
        MergePreview p = vm.previewProperty().get();
        UUID keep = vm.survivorProperty().get();
        grid.getChildren().clear();
        radios.clear();
        if (p == null || keep == null) {
            return;
        }
        var keepGroup = new ToggleGroup();
        grid.add(header(messages.get("merge.keep")), 0, 0);
        grid.add(candidateHeader(p.left(), "left", keepGroup, keep), 1, 0);
        grid.add(candidateHeader(p.right(), "right", keepGroup, keep), 2, 0);
        int row = 1;
        for (String field : p.fields()) {
            Object lv = p.left().values().get(field);
            Object rv = p.right().values().get(field);
            if (p.left().isBlank(field) && p.right().isBlank(field)) {
                continue;
            }
            var label = new Label(label(field));
            label.getStyleClass().add("fact-label");
            grid.add(label, 0, row);
            if (!p.differs(field)) {
                var same = new Label(describe(field, lv));
                same.setWrapText(true);
                same.getStyleClass().add("muted");
                grid.add(same, 1, row, 2, 1);
            } else {
                var group = new ToggleGroup();
                var left = choice(field, "left", p.left(), lv, group);
                var right = choice(field, "right", p.right(), rv, group);
                radios.put(field, new RadioButton[] {left, right});
                grid.add(left, 1, row);
                grid.add(right, 2, row);
                syncChoice(field);
            }
            row++;
        }
        renderSummary();
    }

    private VBox candidateHeader(MergeCandidate c, String side, ToggleGroup group, UUID keep) {
        var radio = new RadioButton(c.displayName());
        radio.setId("merge-keep-" + side);
        radio.setToggleGroup(group);
        radio.setSelected(c.id().equals(keep));
        radio.getStyleClass().add("item-title");
        radio.setOnAction(e -> vm.setSurvivor(c.id()));
        var related = new Label(c.relatedTotal() == 0 ? messages.get("merge.related.none")
                : messages.get("merge.related", c.relatedTotal(), describeRelated(c.related())));
        related.setWrapText(true);
        related.getStyleClass().add("muted");
        var box = new VBox(2, radio, related);
        box.setAlignment(Pos.TOP_LEFT);
        return box;
    }

    private String describeRelated(Map<String, Long> related) {
        List<String> parts = new ArrayList<>();
        related.forEach((table, n) -> {
            if (n > 0) {
                String key = "merge.table." + table;
                parts.add(n + " " + (messages.containsKey(key) ? messages.get(key) : table.replace('_', ' ')));
            }
        });
        return String.join(", ", parts);
    }

    private RadioButton choice(String field, String side, MergeCandidate c, Object value, ToggleGroup group) {
        var radio = new RadioButton(describe(field, value));
        radio.setId("merge-" + field + "-" + side);
        radio.setWrapText(true);
        radio.setToggleGroup(group);
        radio.setSelected(c.id().equals(vm.source().get(field)));
        radio.setOnAction(e -> vm.choose(field, c.id()));
        return radio;
    }

    private void syncChoice(String field) {
        RadioButton[] r = radios.get(field);
        MergePreview p = vm.previewProperty().get();
        if (r == null || p == null) {
            return;
        }
        UUID from = vm.source().get(field);
        r[0].setSelected(p.left().id().equals(from));
        r[1].setSelected(p.right().id().equals(from));
    }

    private void renderSummary() {
        if (vm.previewProperty().get() == null || vm.survivorProperty().get() == null) {
            summary.setText("");
            return;
        }
        MergeCandidate keep = vm.kept();
        MergeCandidate other = vm.merged();
        long taken = vm.source().values().stream().filter(other.id()::equals).count();
        summary.setText(messages.get("merge.summary", keep.displayName(), other.displayName(), taken, other.relatedTotal()));
    }

    private Label header(String text) {
        var l = new Label(text);
        l.getStyleClass().add("compare-header");
        return l;
    }

    private String label(String field) {
        String entity = vm.kind().entityType();
        for (String key : List.of("merge.field." + field, entity + "." + field, entity + "." + field + "_id")) {
            if (messages.containsKey(key)) {
                return messages.get(key);
            }
        }
        String s = field.replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private String describe(String field, Object v) {
        if (v == null || v instanceof String s && s.isBlank()) {
            return "—";
        }
        if (v instanceof Boolean b) {
            return messages.get(b ? "crm.yes" : "crm.no");
        }
        String group = GROUPS.get(field);
        if (group != null && v instanceof String s) {
            if ("status".equals(group)) {
                group = vm.kind().entityType() + "_status";
            }
            return Option.label(messages, group, s);
        }
        if (v instanceof LocalDate d) {
            return formats.date(d);
        }
        if (v instanceof OffsetDateTime t) {
            return formats.dateTime(t);
        }
        if (v instanceof BigDecimal b) {
            return formats.number(b);
        }
        return v.toString();
    }
}
