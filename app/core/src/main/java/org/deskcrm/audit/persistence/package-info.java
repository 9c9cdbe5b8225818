/** The audit_log table: insert and read only (the only code that touches it). */
package org.deskcrm.audit.persistence;
