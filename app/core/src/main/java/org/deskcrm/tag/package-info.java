/**
 * Tags: the organization's shared, coloured labels (seeds 001 and 004) and their assignment to
 * companies, contacts and leads ({@code entity_tags}, with {@code tags.usage_count} kept up to date).
 */
package org.deskcrm.tag;
