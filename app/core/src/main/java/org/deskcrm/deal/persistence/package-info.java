/** jOOQ repositories of deals, their stage history, products, tags, pickers and board preferences. */
package org.deskcrm.deal.persistence;
