/**
 * The product catalog: goods, services and subscriptions with SKU, price, cost, currency, default
 * tax rate and stock for physical goods. Finance and admins manage it; everyone with
 * products:read picks from it on orders and invoices.
 */
package org.deskcrm.product;
