package org.deskcrm.deal;

/** Orders of the deal list; every one pages by keyset on (key, id). */
public enum ListSort {
    NAME, VALUE_DESC, CLOSE_DATE, UPDATED_DESC
}
