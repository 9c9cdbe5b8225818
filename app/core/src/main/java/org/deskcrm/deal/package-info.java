/**
 * Deals (seeds 000 deals, 001 crm_deals, 002 opportunities, 004 pipeline cards): the record, its
 * products and tags, moving it through the stages of its pipeline with history (SR-7, SR-8), and
 * the queries behind the kanban board and the deal list.
 */
package org.deskcrm.deal;
