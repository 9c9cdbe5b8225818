/** jOOQ repositories of booking types, availability rules, availability exceptions and booking preferences. */
package org.deskcrm.booking.persistence;
