/** The SQL of a merge, with related tables found from the schema's foreign keys. */
package org.deskcrm.merge.persistence;
