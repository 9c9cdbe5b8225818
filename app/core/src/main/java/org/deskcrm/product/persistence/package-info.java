/** jOOQ access to the products table; every query carries {@code RecordRules.products(user)}. */
package org.deskcrm.product.persistence;
