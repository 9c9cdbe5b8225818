package org.deskcrm.pipeline.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.pipeline.Pipeline;
import org.deskcrm.pipeline.PipelineAdminService;
import org.deskcrm.pipeline.PipelineService;
import org.deskcrm.pipeline.PipelineStage;
import org.deskcrm.pipeline.PipelineType;
import org.deskcrm.pipeline.StageDraft;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.task.BackgroundTask;
import org.deskcrm.ui.task.TaskRunner;

/** Pipeline and stage administration (admins): the dialog's state and actions. */
public final class StageAdminViewModel {
    private final CurrentUser user;
    private final PipelineService pipelines;
    private final PipelineAdminService admin;
    private final TaskRunner tasks;
    private final Messages messages;

    private final ObservableList<Pipeline> pipelineList = FXCollections.observableArrayList();
    private final ObjectProperty<Pipeline> pipeline = new SimpleObjectProperty<>();
    private final ObservableList<PipelineStage> stages = FXCollections.observableArrayList();
    private final ObjectProperty<PipelineStage> stage = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty color = new SimpleStringProperty("#3b82f6");
    private final ObjectProperty<Integer> probability = new SimpleObjectProperty<>(50);
    private final BooleanProperty closed = new SimpleBooleanProperty();
    private final BooleanProperty won = new SimpleBooleanProperty();
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty info = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private boolean changed;

    public StageAdminViewModel(CurrentUser user, PipelineService pipelines, PipelineAdminService admin, TaskRunner tasks,
            Messages messages) {
        this.user = user;
        this.pipelines = pipelines;
        this.admin = admin;
        this.tasks = tasks;
        this.messages = messages;
        pipeline.addListener((o, a, p) -> {
            if (p != null && (a == null || !a.id().equals(p.id()))) {
                loadStages(p.id(), null);
            }
        });
        stage.addListener((o, a, s) -> {
            if (s != null) {
                name.set(s.name());
                color.set(s.color());
                probability.set(s.defaultProbability());
                closed.set(s.closed());
                won.set(s.won());
                description.set(s.description() == null ? "" : s.description());
            }
        });
        won.addListener((o, a, b) -> {
            if (b) {
                closed.set(true);
            }
        });
        closed.addListener((o, a, b) -> {
            if (!b) {
                won.set(false);
            }
        });
    }

    public ObservableList<Pipeline> pipelines() { return pipelineList; }
    public ObjectProperty<Pipeline> pipelineProperty() { return pipeline; }
    public ObservableList<PipelineStage> stages() { return stages; }
    public ObjectProperty<PipelineStage> stageProperty() { return stage; }
    public StringProperty nameProperty() { return name; }
    public StringProperty colorProperty() { return color; }
    public ObjectProperty<Integer> probabilityProperty() { return probability; }
    public BooleanProperty closedProperty() { return closed; }
    public BooleanProperty wonProperty() { return won; }
    public StringProperty descriptionProperty() { return description; }
    public StringProperty errorProperty() { return error; }
    public StringProperty infoProperty() { return info; }
    public BooleanProperty busyProperty() { return busy; }

    /** Whether anything changed (the board reloads its pipelines when the dialog closes). */
    public boolean changed() {
        return changed;
    }

    public void load(UUID select) {
        run(messages.get("stageAdmin.task.load"), () -> pipelines.allPipelines(user), list -> {
            pipelineList.setAll(list);
            pipeline.set(list.stream().filter(p -> p.id().equals(select)).findFirst()
                    .orElse(list.isEmpty() ? null : list.getFirst()));
        });
    }

    private void loadStages(UUID pipelineId, UUID select) {
        run(messages.get("stageAdmin.task.load"), () -> pipelines.allStages(user, pipelineId), list -> {
            stages.setAll(list);
            stage.set(list.stream().filter(s -> s.id().equals(select)).findFirst().orElse(null));
        });
    }

    private StageDraft draft() {
        return new StageDraft(name.get(), description.get(), color.get(), probability.get() == null ? 0 : probability.get(),
                closed.get(), won.get());
    }

    public void addStage() {
        Pipeline p = pipeline.get();
        if (p == null) {
            return;
        }
        StageDraft d = draft();
        run(messages.get("stageAdmin.task.save"), () -> admin.addStage(user, p.id(), d), s -> {
            changed = true;
            info.set(messages.get("stageAdmin.added", s.name()));
            loadStages(p.id(), s.id());
        });
    }

    public void saveStage() {
        PipelineStage s = stage.get();
        if (s == null) {
            return;
        }
        StageDraft d = draft();
        run(messages.get("stageAdmin.task.save"), () -> admin.updateStage(user, s.id(), s.version(), d), saved -> {
            changed = true;
            info.set(messages.get("stageAdmin.saved", saved.name()));
            loadStages(saved.pipelineId(), saved.id());
        });
    }

    public void toggleStageArchived() {
        PipelineStage s = stage.get();
        if (s == null) {
            return;
        }
        run(messages.get("stageAdmin.task.save"), () -> admin.setStageArchived(user, s.id(), s.version(), !s.archived()), saved -> {
            changed = true;
            info.set(messages.get(saved.archived() ? "stageAdmin.archived" : "stageAdmin.restored", saved.name()));
            loadStages(saved.pipelineId(), saved.id());
        });
    }

    /** Moves the selected (active) stage one place up (-1) or down (+1) among the active stages. */
    public void moveStage(int delta) {
        Pipeline p = pipeline.get();
        PipelineStage s = stage.get();
        if (p == null || s == null || s.archived()) {
            return;
        }
        List<UUID> active = new ArrayList<>(stages.stream().filter(x -> !x.archived()).map(PipelineStage::id).toList());
        int i = active.indexOf(s.id());
        int j = i + delta;
        if (i < 0 || j < 0 || j >= active.size()) {
            return;
        }
        active.remove(i);
        active.add(j, s.id());
        run(messages.get("stageAdmin.task.save"), () -> admin.reorderStages(user, p.id(), active), list -> {
            changed = true;
            info.set("");
            loadStages(p.id(), s.id());
        });
    }

    public void createPipeline(String pipelineName, PipelineType type) {
        run(messages.get("stageAdmin.task.save"), () -> admin.createPipeline(user, pipelineName, null, type), created -> {
            changed = true;
            info.set(messages.get("stageAdmin.pipelineCreated", created.name()));
            load(created.id());
        });
    }

    public void renamePipeline(String pipelineName, PipelineType type) {
        Pipeline p = pipeline.get();
        if (p == null) {
            return;
        }
        run(messages.get("stageAdmin.task.save"), () -> admin.updatePipeline(user, p.id(), p.version(), pipelineName,
                p.description(), type), saved -> {
            changed = true;
            load(saved.id());
        });
    }

    public void makeDefault() {
        Pipeline p = pipeline.get();
        if (p == null) {
            return;
        }
        run(messages.get("stageAdmin.task.save"), () -> admin.makeDefault(user, p.id(), p.version()), saved -> {
            changed = true;
            info.set(messages.get("stageAdmin.defaultSet", saved.name()));
            load(saved.id());
        });
    }

    public void togglePipelineArchived() {
        Pipeline p = pipeline.get();
        if (p == null) {
            return;
        }
        run(messages.get("stageAdmin.task.save"), () -> admin.setPipelineArchived(user, p.id(), p.version(), !p.archived()), saved -> {
            changed = true;
            info.set(messages.get(saved.archived() ? "stageAdmin.pipelineArchived" : "stageAdmin.pipelineRestored", saved.name()));
            load(saved.id());
        });
    }

    private <T> void run(String title, java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> done) {
        busy.set(true);
        error.set("");
        BackgroundTask.of(title, p -> work.call())
                .onSuccess(done)
                .onFailure(e -> {
                    info.set("");
                    error.set(e.getMessage());
                })
                .onFinally(() -> busy.set(false))
                .runOn(tasks);
    }
}
