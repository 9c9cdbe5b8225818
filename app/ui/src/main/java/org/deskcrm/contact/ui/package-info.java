/** The contacts screen: list columns and filters, the contact form and record adapter. */
package org.deskcrm.contact.ui;
