package org.deskcrm.crm.ui;

import java.util.List;
import java.util.UUID;
import org.deskcrm.crm.BulkAction;
import org.deskcrm.crm.BulkResult;
import org.deskcrm.crm.ListCount;
import org.deskcrm.crm.ListQuery;
import org.deskcrm.crm.Page;
import org.deskcrm.platform.task.ProgressSink;

/** What a list screen needs from its entity's service (called on background threads only). */
public interface ListSource<R> {
    Page<R> page(ListQuery query, Object cursor, int limit);

    ListCount count(ListQuery query);

    List<UUID> ids(ListQuery query, int max);

    BulkResult bulk(List<UUID> ids, BulkAction action, ProgressSink progress);

    UUID id(R row);
}
