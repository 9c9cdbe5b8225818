/** The leads screen: list, form, record adapter and the lead conversion sheet. */
package org.deskcrm.lead.ui;
