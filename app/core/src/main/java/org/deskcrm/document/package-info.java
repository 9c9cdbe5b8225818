/** Documents attached to companies, contacts and deals: content-addressed file store, revisions, signatures. */
package org.deskcrm.document;
