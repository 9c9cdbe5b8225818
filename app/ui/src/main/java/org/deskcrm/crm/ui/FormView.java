package org.deskcrm.crm.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import net.synedra.validatorfx.StyleClassDecoration;
import net.synedra.validatorfx.Validator;
import org.deskcrm.security.Emails;
import org.deskcrm.tag.Tag;
import org.deskcrm.ui.task.BackgroundTask;

/**
 * A record form generated from {@link FieldSpec}s: one card per section, two fields per row,
 * each with its label, control and error line. Custom fields come as specs too, so they look and
 * behave like built-in ones. Client checks (required, e-mail, numbers) run as you type with
 * ValidatorFX; the service's messages appear under the fields they concern.
 */
public final class FormView {
    private final FormModel model;
    private final FormContext ctx;
    private final String idPrefix;
    private final VBox root = new VBox(14);
    private final Validator validator = new Validator();
    private final List<Node> editors = new ArrayList<>();

    public FormView(FormModel model, FormContext ctx, String idPrefix) {
        this.model = model;
        this.ctx = ctx;
        this.idPrefix = idPrefix;
        root.getStyleClass().add("record-form");
        model.editableProperty().subscribe(this::applyEditable);
    }

    public VBox root() {
        return root;
    }

    public Validator validator() {
        return validator;
    }

    /** (Re)builds the controls for the model's fields. */
    public void build() {
        root.getChildren().clear();
        editors.clear();
        for (var c : new ArrayList<>(validatorChecks)) {
            validator.remove(c);
        }
        validatorChecks.clear();
        Map<String, List<FieldSpec>> sections = new LinkedHashMap<>();
        for (FieldSpec f : model.fields()) {
            sections.computeIfAbsent(f.section(), k -> new ArrayList<>()).add(f);
        }
        sections.forEach((title, fields) -> {
            var grid = new GridPane();
            grid.getStyleClass().add("form-grid");
            grid.setHgap(18);
            grid.setVgap(6);
            var c1 = new ColumnConstraints();
            c1.setPercentWidth(50);
            var c2 = new ColumnConstraints();
            c2.setPercentWidth(50);
            grid.getColumnConstraints().setAll(c1, c2);
            int row = 0;
            int col = 0;
            for (FieldSpec f : fields) {
                Node cell = field(f);
                if (f.wide()) {
                    if (col == 1) {
                        row++;
                        col = 0;
                    }
                    grid.add(cell, 0, row, 2, 1);
                    row++;
                } else {
                    grid.add(cell, col, row);
                    col++;
                    if (col == 2) {
                        col = 0;
                        row++;
                    }
                }
            }
            var heading = new Label(title);
            heading.getStyleClass().add("form-section-title");
            var card = new VBox(10, heading, grid);
            card.getStyleClass().addAll("card", "form-section");
            root.getChildren().add(card);
        });
        var general = new Label();
        general.getStyleClass().add("error-text");
        general.setWrapText(true);
        general.setId(idPrefix + "-form-error");
        general.textProperty().bind(model.generalErrorProperty());
        general.visibleProperty().bind(model.generalErrorProperty().isNotEmpty());
        general.managedProperty().bind(general.visibleProperty());
        root.getChildren().addFirst(general);
        applyEditable(model.editableProperty().get());
    }

    private final List<net.synedra.validatorfx.Check> validatorChecks = new ArrayList<>();

    private Node field(FieldSpec f) {
        ObjectProperty<Object> value = model.property(f.key());
        StringProperty clientError = new SimpleStringProperty("");
        Control control = control(f, value, clientError);
        control.setId(idPrefix + "-" + f.key().replace(':', '-'));
        control.setMaxWidth(Double.MAX_VALUE);
        var label = new Label(f.kind() == FieldSpec.Kind.BOOLEAN ? "" : f.label() + (f.required() ? " *" : ""));
        label.getStyleClass().add("field-label");
        label.setLabelFor(control);
        var error = new Label();
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        StringProperty serverError = model.error(f.key());
        error.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> !serverError.get().isBlank() ? serverError.get() : clientError.get(), serverError, clientError));
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setId(idPrefix + "-" + f.key().replace(':', '-') + "-error");
        var box = new VBox(3, label, control, error);
        box.getStyleClass().add("form-field");
        VBox.setVgrow(control, Priority.NEVER);
        editors.add(control);
        check(f, control, value, clientError);
        return box;
    }

    /** Client-side checks, decorating the control and explaining under it. */
    private void check(FieldSpec f, Control control, ObjectProperty<Object> value, StringProperty clientError) {
        var check = validator.createCheck()
                .dependsOn("v", control instanceof TextInputControl t ? t.textProperty() : value)
                .withMethod(c -> {
                    String msg = problem(f, control, value.get());
                    clientError.set(msg == null ? "" : msg);
                    if (msg != null && model.editableProperty().get()) {
                        c.error(msg);
                    }
                })
                .decorates(control)
                .decoratingWith(m -> new StyleClassDecoration("field-invalid"))
                .immediate();
        validatorChecks.add(check);
        model.editableProperty().addListener((o, a, b) -> check.recheck());
    }

    private String problem(FieldSpec f, Control control, Object v) {
        if (!model.editableProperty().get()) {
            return null;
        }
        String text = control instanceof TextInputControl t ? t.getText() : null;
        boolean empty = v == null || v instanceof String s && s.isBlank() || v instanceof Collection<?> c && c.isEmpty();
        if (f.required() && empty && (text == null || text.isBlank())) {
            return ctx.messages().get("crm.form.required", f.label());
        }
        if (text != null && !text.isBlank()) {
            switch (f.kind()) {
                case EMAIL -> {
                    if (!Emails.isValid(text)) {
                        return ctx.messages().get("crm.form.email");
                    }
                }
                case INTEGER -> {
                    try {
                        int n = Integer.parseInt(text.strip());
                        if (f.min() != null && (n < f.min() || n > f.max())) {
                            return ctx.messages().get("crm.form.range", f.min(), f.max());
                        }
                    } catch (NumberFormatException e) {
                        return ctx.messages().get("crm.form.integer");
                    }
                }
                case DECIMAL -> {
                    if (parseDecimal(text) == null) {
                        return ctx.messages().get("crm.form.number");
                    }
                }
                default -> {
                    // the service checks the rest
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- controls

    private Control control(FieldSpec f, ObjectProperty<Object> value, StringProperty clientError) {
        return switch (f.kind()) {
            case TEXT, EMAIL, PHONE, URL -> textField(value, s -> s);
            case TEXTAREA -> {
                var area = new TextArea();
                area.setPrefRowCount(3);
                area.setWrapText(true);
                bindText(area, value, s -> s, o -> o == null ? "" : o.toString());
                yield area;
            }
            case INTEGER -> textField(value, s -> {
                try {
                    return Integer.valueOf(s.strip());
                } catch (NumberFormatException e) {
                    return null;
                }
            });
            case DECIMAL -> textField(value, FormView::parseDecimal);
            case DATE -> {
                var picker = new DatePicker();
                picker.setValue((LocalDate) value.get());
                picker.valueProperty().addListener((o, a, b) -> value.set(b));
                value.addListener((o, a, b) -> picker.setValue((LocalDate) b));
                yield picker;
            }
            case DATETIME -> {
                var picker = new DatePicker();
                ZoneId zone = ctx.formats().zone();
                picker.setValue(value.get() == null ? null : ((OffsetDateTime) value.get()).atZoneSameInstant(zone).toLocalDate());
                picker.valueProperty().addListener((o, a, b) -> {
                    OffsetDateTime current = (OffsetDateTime) value.get();
                    LocalDate currentDay = current == null ? null : current.atZoneSameInstant(zone).toLocalDate();
                    if (!Objects.equals(currentDay, b)) {
                        value.set(b == null ? null : b.atTime(LocalTime.of(9, 0)).atZone(zone).toOffsetDateTime());
                    }
                });
                value.addListener((o, a, b) -> picker.setValue(b == null ? null
                        : ((OffsetDateTime) b).atZoneSameInstant(zone).toLocalDate()));
                yield picker;
            }
            case CHOICE -> choice(value, withBlank(f, f.options()));
            case OWNER -> {
                var combo = choice(value, List.of());
                Runnable fill = () -> {
                    List<Option> owners = new ArrayList<>();
                    owners.add(new Option(null, ctx.messages().get("crm.owner.unassigned")));
                    owners.addAll(ctx.owners());
                    setOptions(combo, value, owners);
                };
                ctx.owners().addListener((ListChangeListener<Option>) c -> fill.run());
                fill.run();
                yield combo;
            }
            case INDUSTRY -> {
                var combo = choice(value, List.of());
                Runnable fill = () -> setOptions(combo, value, withBlank(f, ctx.industries()));
                ctx.industries().addListener((ListChangeListener<Option>) c -> fill.run());
                fill.run();
                yield combo;
            }
            case BOOLEAN -> {
                var box = new CheckBox(f.label());
                box.setSelected(Boolean.TRUE.equals(value.get()));
                box.selectedProperty().addListener((o, a, b) -> value.set(b));
                value.addListener((o, a, b) -> box.setSelected(Boolean.TRUE.equals(b)));
                yield box;
            }
            case TIMEZONE -> editableChoice(value, new TreeSet<>(ZoneId.getAvailableZoneIds()).stream()
                    .filter(z -> z.contains("/") && !z.startsWith("Etc") && !z.startsWith("SystemV")).toList());
            case CURRENCY -> editableChoice(value, List.of("USD", "EUR", "GBP", "CHF", "CAD", "AUD", "JPY", "SEK", "NOK", "DKK",
                    "PLN", "CZK", "INR", "BRL", "MXN", "ZAR", "SGD", "NZD", "CNY"));
            case COMPANY -> companyField(f, value);
            case TAGS -> tagEditor(value);
        };
    }

    private static List<Option> withBlank(FieldSpec f, List<Option> options) {
        List<Option> out = new ArrayList<>();
        if (!f.required()) {
            out.add(new Option(null, "—"));
        }
        out.addAll(options);
        return out;
    }

    private TextField textField(ObjectProperty<Object> value, java.util.function.Function<String, Object> parse) {
        var field = new TextField();
        bindText(field, value, parse, o -> o == null ? "" : o instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString()
                : o.toString());
        return field;
    }

    private static void bindText(TextInputControl field, ObjectProperty<Object> value, java.util.function.Function<String, Object> parse,
            java.util.function.Function<Object, String> format) {
        boolean[] syncing = {false};
        field.setText(format.apply(value.get()));
        field.textProperty().addListener((o, a, b) -> {
            if (syncing[0]) {
                return;
            }
            syncing[0] = true;
            try {
                value.set(b == null || b.isBlank() ? null : parse.apply(b));
            } finally {
                syncing[0] = false;
            }
        });
        value.addListener((o, a, b) -> {
            if (syncing[0]) {
                return;
            }
            syncing[0] = true;
            try {
                field.setText(format.apply(b));
            } finally {
                syncing[0] = false;
            }
        });
    }

    static BigDecimal parseDecimal(String s) {
        try {
            return new BigDecimal(s.strip().replace(",", "").replace(" ", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private ComboBox<Option> choice(ObjectProperty<Object> value, List<Option> options) {
        var combo = new ComboBox<Option>();
        combo.setVisibleRowCount(12);
        setOptions(combo, value, options);
        combo.valueProperty().addListener((o, a, b) -> {
            Object v = b == null ? null : b.value();
            if (!Objects.equals(v, value.get())) {
                value.set(v);
            }
        });
        value.addListener((o, a, b) -> select(combo, b));
        return combo;
    }

    private static void setOptions(ComboBox<Option> combo, ObjectProperty<Object> value, List<Option> options) {
        combo.getItems().setAll(options);
        select(combo, value.get());
    }

    private static void select(ComboBox<Option> combo, Object v) {
        for (Option o : combo.getItems()) {
            if (Objects.equals(o.value(), v)) {
                combo.setValue(o);
                return;
            }
        }
        combo.setValue(v == null ? null : new Option(v, v.toString()));
    }

    private ComboBox<String> editableChoice(ObjectProperty<Object> value, List<String> options) {
        var combo = new ComboBox<String>();
        combo.setEditable(true);
        combo.getItems().setAll(options);
        combo.setVisibleRowCount(14);
        combo.setValue((String) value.get());
        combo.valueProperty().addListener((o, a, b) -> value.set(b == null || b.isBlank() ? null : b.strip()));
        value.addListener((o, a, b) -> combo.setValue((String) b));
        return combo;
    }

    /** A type-ahead over companies: typing searches in the background; picking sets the company id. */
    private TextField companyField(FieldSpec f, ObjectProperty<Object> value) {
        var field = new TextField(model.displayNames().getOrDefault(f.key(), ""));
        field.setPromptText(ctx.messages().get("crm.form.companyPrompt"));
        var menu = new ContextMenu();
        boolean[] picking = {false};
        var pause = new javafx.animation.PauseTransition(javafx.util.Duration.millis(150));
        pause.setOnFinished(e -> {
            String text = field.getText();
            BackgroundTask.of("Searching companies", p -> ctx.searchCompanies().apply(text)).onSuccess(options -> {
                menu.getItems().clear();
                for (Option o : options) {
                    var item = new MenuItem(o.label());
                    item.setOnAction(ev -> {
                        picking[0] = true;
                        model.displayNames().put(f.key(), o.label());
                        field.setText(o.label());
                        value.set(o.value());
                        picking[0] = false;
                    });
                    menu.getItems().add(item);
                }
                if (!options.isEmpty() && field.isFocused()) {
                    menu.show(field, Side.BOTTOM, 0, 0);
                } else {
                    menu.hide();
                }
            }).runOn(ctx.tasks());
        });
        field.textProperty().addListener((o, a, b) -> {
            if (picking[0] || !field.isEditable()) {
                return;
            }
            if (b == null || b.isBlank()) {
                value.set(null);
                model.displayNames().remove(f.key());
                menu.hide();
                return;
            }
            value.set(null); // typed text is not a company until one is picked
            pause.playFromStart();
        });
        value.addListener((o, a, b) -> {
            if (!picking[0]) {
                picking[0] = true;
                field.setText(b == null ? "" : model.displayNames().getOrDefault(f.key(), ""));
                picking[0] = false;
            }
        });
        return field;
    }

    /** Tags of the record as removable chips, plus a menu to add existing tags or create one. */
    private Control tagEditor(ObjectProperty<Object> value) {
        var chips = new FlowPane(6, 6);
        var add = new MenuButton(ctx.messages().get("crm.tags.add"));
        add.setId(idPrefix + "-tags-add");
        add.getStyleClass().add("flat");
        Runnable render = () -> {
            Set<UUID> ids = ids(value.get());
            chips.getChildren().clear();
            for (Tag t : ctx.tags()) {
                if (ids.contains(t.id())) {
                    chips.getChildren().add(model.editableProperty().get()
                            ? TagChips.removable(t, tag -> {
                                Set<UUID> next = new LinkedHashSet<>(ids(value.get()));
                                next.remove(tag.id());
                                value.set(next);
                            })
                            : TagChips.chip(t));
                }
            }
            if (chips.getChildren().isEmpty() && !model.editableProperty().get()) {
                var none = new Label(ctx.messages().get("crm.tags.none"));
                none.getStyleClass().add("muted");
                chips.getChildren().add(none);
            }
            add.getItems().clear();
            for (Tag t : ctx.tags()) {
                if (!ids.contains(t.id())) {
                    var item = new MenuItem(t.name(), TagChips.chip(new Tag(t.id(), "  ", t.color(), 0, 0)));
                    item.setOnAction(e -> {
                        Set<UUID> next = new LinkedHashSet<>(ids(value.get()));
                        next.add(t.id());
                        value.set(next);
                    });
                    add.getItems().add(item);
                }
            }
            if (ctx.canCreateTags()) {
                if (!add.getItems().isEmpty()) {
                    add.getItems().add(new SeparatorMenuItem());
                }
                var name = new TextField();
                name.setPromptText(ctx.messages().get("crm.tags.newPrompt"));
                name.setId(idPrefix + "-tags-new");
                name.setOnAction(e -> {
                    String text = name.getText();
                    if (text != null && !text.isBlank()) {
                        add.hide();
                        ctx.createTag().accept(text, tag -> {
                            Set<UUID> next = new LinkedHashSet<>(ids(value.get()));
                            next.add(tag.id());
                            value.set(next);
                        });
                    }
                });
                var custom = new CustomMenuItem(name, false);
                add.getItems().add(custom);
            }
            add.setVisible(model.editableProperty().get());
            add.setManaged(add.isVisible());
            chips.getChildren().add(add);
        };
        value.addListener((o, a, b) -> render.run());
        ctx.tags().addListener((ListChangeListener<Tag>) c -> render.run());
        model.editableProperty().addListener((o, a, b) -> render.run());
        render.run();
        var wrapper = new javafx.scene.control.ScrollPane(chips);
        wrapper.setFitToWidth(true);
        wrapper.getStyleClass().add("tag-editor");
        wrapper.setVbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        wrapper.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        wrapper.setPrefViewportHeight(34);
        return wrapper;
    }

    @SuppressWarnings("unchecked")
    private static Set<UUID> ids(Object v) {
        return v instanceof Collection<?> c ? new LinkedHashSet<>((Collection<UUID>) c) : Set.of();
    }

    private void applyEditable(boolean editable) {
        root.getStyleClass().removeAll("form-readonly");
        if (!editable) {
            root.getStyleClass().add("form-readonly");
        }
        for (Node n : editors) {
            if (n instanceof TextInputControl t) {
                t.setEditable(editable);
                t.setFocusTraversable(editable);
            } else if (n instanceof ComboBox<?> c) {
                c.setDisable(!editable);
            } else if (n instanceof DatePicker d) {
                d.setDisable(!editable);
            } else if (n instanceof CheckBox b) {
                b.setDisable(!editable);
            }
        }
    }
}
