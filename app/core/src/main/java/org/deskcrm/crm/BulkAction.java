package org.deskcrm.crm;

import java.util.UUID;

/** A change applied to many selected records at once. */
public sealed interface BulkAction {
    record AssignOwner(UUID ownerId) implements BulkAction {}

    record AddTag(UUID tagId) implements BulkAction {}

    record RemoveTag(UUID tagId) implements BulkAction {}

    record ChangeStatus(String status) implements BulkAction {}

    record Delete() implements BulkAction {}
}
