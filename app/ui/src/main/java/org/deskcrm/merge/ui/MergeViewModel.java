package org.deskcrm.merge.ui;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.deskcrm.merge.MergeCandidate;
import org.deskcrm.merge.MergeKind;
import org.deskcrm.merge.MergePreview;
import org.deskcrm.merge.MergeRequest;
import org.deskcrm.merge.MergeResult;
import org.deskcrm.merge.MergeService;
import org.deskcrm.platform.persistence.StaleRecordException;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.task.BackgroundTask;
import org.deskcrm.ui.task.TaskRunner;

/**
 * Merging two records: which one stays, and for each field which record's value it keeps. The
 * preview and the merge run in the background; a change to either record since the preview makes
 * the merge stale (the preview is reloaded and the user decides again).
 */
public final class MergeViewModel {
    private final MergeService service;
    private final CurrentUser user;
    private final TaskRunner tasks;
    private final Messages messages;
    private final MergeKind kind;
    private final UUID a;
    private final UUID b;
    private final ObjectProperty<MergePreview> preview = new SimpleObjectProperty<>();
    private final ObjectProperty<UUID> survivor = new SimpleObjectProperty<>();
    /** Field key → the id of the record whose value the merged record keeps. */
    private final ObservableMap<String, UUID> source = FXCollections.observableMap(new LinkedHashMap<>());
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty allowed = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");

    public MergeViewModel(MergeService service, CurrentUser user, TaskRunner tasks, Messages messages, MergeKind kind, UUID a,
            UUID b) {
        this.service = service;
        this.user = user;
        this.tasks = tasks;
        this.messages = messages;
        this.kind = kind;
        this.a = a;
        this.b = b;
    }

    public MergeKind kind() {
        return kind;
    }

    public ObjectProperty<MergePreview> previewProperty() {
        return preview;
    }

    public ObjectProperty<UUID> survivorProperty() {
        return survivor;
    }

    public ObservableMap<String, UUID> source() {
        return source;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty allowedProperty() {
        return allowed;
    }

    public StringProperty errorProperty() {
        return error;
    }

    private record Loaded(MergePreview preview, boolean allowed) {}

    public void load() {
        busy.set(true);
        BackgroundTask.of(messages.get("merge.task.load"), p -> new Loaded(service.preview(user, kind, a, b),
                        service.canMerge(user, kind, a, b)))
                .onSuccess(l -> {
                    allowed.set(l.allowed());
                    if (!l.allowed()) {
                        error.set(messages.get("merge.notAllowed." + kind.entityType()));
                    }
                    UUID keep = survivor.get() != null ? survivor.get() : suggestedSurvivor(l.preview());
                    preview.set(l.preview());
                    setSurvivor(keep);
                })
                .onFailure(e -> error.set(e.getMessage()))
                .onFinally(() -> busy.set(false))
                .runOn(tasks);
    }

    /** The record with more related records stays by default (fewer rows move); ties keep the first. */
    private static UUID suggestedSurvivor(MergePreview p) {
        return p.right().relatedTotal() > p.left().relatedTotal() ? p.right().id() : p.left().id();
    }

    /** Keeps {@code id}; every field starts with its value, except where it has none and the other record has one. */
    public void setSurvivor(UUID id) {
        MergePreview p = preview.get();
        if (p == null) {
            return;
        }
        survivor.set(id);
        UUID other = p.other(id).id();
        Set<String> take = p.defaultTakeFromOther(id);
        Map<String, UUID> next = new LinkedHashMap<>();
        for (String f : p.fields()) {
            next.put(f, take.contains(f) ? other : id);
        }
        source.clear();
        source.putAll(next);
    }

    public void choose(String field, UUID recordId) {
        source.put(field, recordId);
    }

    public MergeCandidate kept() {
        return preview.get().byId(survivor.get());
    }

    public MergeCandidate merged() {
        return preview.get().other(survivor.get());
    }

    public void merge(Consumer<MergeResult> done) {
        MergePreview p = preview.get();
        if (p == null || !allowed.get()) {
            return;
        }
        MergeCandidate keep = kept();
        MergeCandidate other = merged();
        Set<String> take = new LinkedHashSet<>();
        source.forEach((field, from) -> {
            if (from.equals(other.id())) {
                take.add(field);
            }
        });
        var request = new MergeRequest(kind, keep.id(), keep.version(), other.id(), other.version(), take);
        busy.set(true);
        error.set("");
        BackgroundTask.of(messages.get("merge.task.merge"), pr -> service.merge(user, request))
                .onSuccess(done)
                .onFailure(e -> {
                    if (e instanceof StaleRecordException) {
                        error.set(messages.get("merge.stale"));
                        load();
                    } else {
                        error.set(e.getMessage());
                    }
                })
                .onFinally(() -> busy.set(false))
                .runOn(tasks);
    }
}
