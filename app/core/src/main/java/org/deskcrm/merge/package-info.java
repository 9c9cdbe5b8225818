/** Merging duplicate companies or contacts: field-by-field choice, related records moved, audit trail. */
package org.deskcrm.merge;
