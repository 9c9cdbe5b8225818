/** jOOQ access to orders, order items and the client revenue roll-ups; reads carry {@code RecordRules.orders(user)}. */
package org.deskcrm.order.persistence;
