/** The dashboard screen: headline tiles and lists for the signed-in user, each card loaded on its own. */
package org.deskcrm.dashboard.ui;
