/** The dashboard's queries, each with the record rule of the table it reads. */
package org.deskcrm.dashboard.persistence;
