/** The settings table (per-organization and per-user key/value rows). */
package org.deskcrm.settings.persistence;
