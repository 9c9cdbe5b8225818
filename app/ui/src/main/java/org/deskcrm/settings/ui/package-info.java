/** The Settings screen and its Database page; the other pages live with their feature (security.ui, audit.ui). */
package org.deskcrm.settings.ui;
