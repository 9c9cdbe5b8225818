/**
 * The SQL side of the CRM lists: keyset streams (one index range scan each), the pager that
 * chains them (a nullable sort key is two streams; a search is one stream per search key), capped
 * counts and batched bulk work.
 */
package org.deskcrm.crm.persistence;
