/**
 * Booking (seed 004): meeting types a person offers (duration, buffers, place, price, questions),
 * their weekly working hours and date exceptions, the free-slot finder, and booking a slot into
 * the owner's calendar for a guest, refused when someone took the slot meanwhile.
 */
package org.deskcrm.booking;
