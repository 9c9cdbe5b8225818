/** jOOQ access to the notifications table, always limited to the recipient. */
package org.deskcrm.notification.persistence;
