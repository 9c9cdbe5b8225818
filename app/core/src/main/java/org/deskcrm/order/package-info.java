/**
 * Orders and their items: fulfilment and payment status, addresses, stock taken from physical
 * products, and the revenue roll-ups of the client company (total orders, total revenue,
 * average order value, lifetime value) kept current in the same transaction as every change.
 */
package org.deskcrm.order;
