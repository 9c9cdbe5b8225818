package org.deskcrm.crm.ui;

import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.collections.ObservableList;
import org.deskcrm.tag.Tag;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.task.TaskRunner;

/**
 * What form controls need besides the values: pick lists (owners, industries, tags), the company
 * search of the company field and tag creation, all answered in the background.
 *
 * @param searchCompanies background search for the company field: text -> options (value: UUID)
 * @param createTag background creation of a tag by name, or null when the user may not create tags
 */
public record FormContext(
        Messages messages,
        TaskRunner tasks,
        Formats formats,
        ObservableList<Option> owners,
        ObservableList<Option> industries,
        ObservableList<Tag> tags,
        Function<String, List<Option>> searchCompanies,
        BiConsumer<String, Consumer<Tag>> createTag) {

    public boolean canCreateTags() {
        return createTag != null;
    }

    public static String key(UUID id) {
        return id == null ? null : id.toString();
    }
}
