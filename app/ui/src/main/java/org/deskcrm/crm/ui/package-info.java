/**
 * The building blocks of the companies, contacts and leads screens: the paged list (a table fed
 * page by page from keyset cursors as the user scrolls), its view model (search, filters, sort,
 * saved views, bulk actions, background counts), generated record forms (built-in and custom
 * fields alike), tag chips, search highlighting, overlay sheets and the "reload and compare" view.
 */
package org.deskcrm.crm.ui;
