/**
 * The documents part of a company's or contact's record: attach files (stored content-addressed in
 * the data folder by {@code org.deskcrm.document.DocumentService}), list them with type, revision,
 * size and signed flag, open, save a copy, upload a new revision, mark signed and delete.
 */
package org.deskcrm.document.ui;
