/**
 * Admin-defined fields of companies, contacts and leads (text, number, date, choice, yes/no):
 * typed definitions and one typed value per record, validated and saved in the same transaction
 * as the record they belong to.
 */
package org.deskcrm.customfield;
