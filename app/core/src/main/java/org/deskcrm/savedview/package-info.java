/** Saved list views per user (filters, search, sort and columns of a list, stored as JSON in saved_views). */
package org.deskcrm.savedview;
