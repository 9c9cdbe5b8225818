package org.deskcrm.crm;

/** The "last contacted" filter of the lists. */
public enum Recency {
    ANY, WITHIN_7_DAYS, WITHIN_30_DAYS, OVER_30_DAYS, OVER_90_DAYS, NEVER
}
