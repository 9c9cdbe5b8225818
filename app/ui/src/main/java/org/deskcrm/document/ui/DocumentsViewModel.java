package org.deskcrm.document.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.document.Document;
import org.deskcrm.document.DocumentEntity;
import org.deskcrm.document.DocumentService;
import org.deskcrm.document.DocumentType;
import org.deskcrm.platform.persistence.StaleRecordException;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Resource;
import org.deskcrm.ui.fx.FileLauncher;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.task.BackgroundTask;
import org.deskcrm.ui.task.TaskRunner;

/**
 * The documents of one record: the latest revision of each document (or every revision), and the
 * actions on them, each a background task. {@code changed} runs after every successful change so
 * the record view can update its counts.
 */
public final class DocumentsViewModel {
    private final DocumentService service;
    private final CurrentUser user;
    private final TaskRunner tasks;
    private final Messages messages;
    private final FileLauncher launcher;
    private final DocumentEntity entity;
    private final UUID entityId;
    private final Runnable changed;
    private final ObservableList<Document> documents = FXCollections.observableArrayList();
    private final List<Document> all = new ArrayList<>();
    private final BooleanProperty showRevisions = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty loaded = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    public DocumentsViewModel(DocumentService service, CurrentUser user, TaskRunner tasks, Messages messages, FileLauncher launcher,
            DocumentEntity entity, UUID entityId, Runnable changed) {
        this.service = service;
        this.user = user;
        this.tasks = tasks;
        this.messages = messages;
        this.launcher = launcher;
        this.entity = entity;
        this.entityId = entityId;
        this.changed = changed;
        showRevisions.addListener((o, a, b) -> applyFilter());
    }

    public ObservableList<Document> documents() {
        return documents;
    }

    public BooleanProperty showRevisionsProperty() {
        return showRevisions;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty loadedProperty() {
        return loaded;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public boolean canAttach() {
        return user.can(Resource.DOCUMENTS, Action.CREATE);
    }

    public boolean canUpdate() {
        return user.can(Resource.DOCUMENTS, Action.UPDATE);
    }

    public boolean canDelete() {
        return user.can(Resource.DOCUMENTS, Action.DELETE);
    }

    public void load() {
        busy.set(true);
        BackgroundTask.of(messages.get("docs.task.load"), p -> service.list(user, entity, entityId))
                .onSuccess(list -> {
                    all.clear();
                    all.addAll(list);
                    applyFilter();
                    loaded.set(true);
                })
                .onFailure(e -> error.set(e.getMessage()))
                .onFinally(() -> busy.set(false))
                .runOn(tasks);
    }

    private void applyFilter() {
        documents.setAll(showRevisions.get() ? all : all.stream().filter(Document::latest).toList());
    }

    /** Attaches a file; a name the record already has becomes that document's next revision. */
    public void attach(Path file) {
        run(messages.get("docs.task.attach", file.getFileName()), p -> service.attach(user, entity, entityId, file, null, null, p),
                d -> messages.get(d.docVersion() > 1 ? "docs.attached.revision" : "docs.attached", d.fileName(), d.docVersion()));
    }

    public void newVersion(Document d, Path file) {
        run(messages.get("docs.task.attach", file.getFileName()), p -> service.newVersion(user, d.id(), file, p),
                n -> messages.get("docs.attached.revision", n.fileName(), n.docVersion()));
    }

    public void setSigned(Document d, boolean signed) {
        run(messages.get("docs.task.sign"), p -> service.setSigned(user, d.id(), d.version(), signed),
                n -> messages.get(signed ? "docs.signed.done" : "docs.unsigned.done", n.fileName()));
    }

    public void setType(Document d, DocumentType type) {
        if (type == null || type == d.documentType()) {
            return;
        }
        run(messages.get("docs.task.sign"), p -> service.updateDetails(user, d.id(), d.version(), type, d.description()),
                n -> messages.get("docs.type.done", n.fileName()));
    }

    public void delete(Document d) {
        run(messages.get("docs.task.delete"), p -> {
            service.delete(user, d.id(), d.version());
            return d;
        }, n -> messages.get("docs.deleted", n.fileName()));
    }

    /** Copies the file to a private temporary folder and opens it with the desktop's application. */
    public void open(Document d) {
        error.set("");
        BackgroundTask.of(messages.get("docs.task.open", d.fileName()), p -> {
                    Path copy = service.copyToTemp(user, d.id());
                    return launcher.open(copy) ? null : copy;
                })
                .onSuccess(copy -> message.set(copy == null ? messages.get("docs.opened", d.fileName())
                        : messages.get("docs.openedCopy", copy.toString())))
                .onFailure(e -> error.set(e.getMessage()))
                .runOn(tasks);
    }

    public void saveAs(Document d, Path target) {
        error.set("");
        BackgroundTask.of(messages.get("docs.task.open", d.fileName()), p -> {
                    service.saveAs(user, d.id(), target);
                    return target;
                })
                .onSuccess(t -> message.set(messages.get("docs.saved", t.toString())))
                .onFailure(e -> error.set(e.getMessage()))
                .runOn(tasks);
    }

    private void run(String title, BackgroundTask.Work<Document> work, java.util.function.Function<Document, String> done) {
        busy.set(true);
        error.set("");
        message.set("");
        BackgroundTask.of(title, work)
                .onSuccess(d -> {
                    message.set(done.apply(d));
                    load();
                    changed.run();
                })
                .onCancelled(() -> message.set(messages.get("docs.cancelled")))
                .onFailure(e -> {
                    if (e instanceof StaleRecordException) {
                        error.set(messages.get("docs.stale"));
                        load();
                    } else {
                        error.set(e.getMessage());
                    }
                })
                .onFinally(() -> busy.set(false))
                .runOn(tasks);
    }
}
