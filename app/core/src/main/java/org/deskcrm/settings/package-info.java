/**
 * Settings that are not a CRM record: each user's preferences (theme) and the desktop's database
 * (PostgreSQL server for the next start, backups and restore of the embedded database).
 */
package org.deskcrm.settings;
