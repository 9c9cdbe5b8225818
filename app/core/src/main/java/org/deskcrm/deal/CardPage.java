package org.deskcrm.deal;

import java.util.List;

/** One page of a board column or of the list; {@code hasMore} when the next page has deals. */
public record CardPage(List<DealCard> cards, boolean hasMore) {}
