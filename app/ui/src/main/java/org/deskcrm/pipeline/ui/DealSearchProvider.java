package org.deskcrm.pipeline.ui;

import java.util.List;
import org.deskcrm.deal.DealService;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.shell.GlobalSearchProvider;

/** Ctrl+K: deals whose name starts with the text, as the user's record rules allow. */
final class DealSearchProvider implements GlobalSearchProvider {
    private final DealService deals;
    private final CurrentUser user;
    private final Messages messages;
    private final Formats formats;

    DealSearchProvider(DealService deals, CurrentUser user, Messages messages, Formats formats) {
        this.deals = deals;
        this.user = user;
        this.messages = messages;
        this.formats = formats;
    }

    @Override
    public List<Hit> search(String text, int limit) {
        return deals.search(user, text, limit).stream()
                .map(h -> new Hit("deal", h.id(), h.name(), messages.get("pipeline.search.detail",
                        h.companyName() == null ? messages.get("pipeline.card.noCompany") : h.companyName(), h.stageName(),
                        formats.money(h.value(), h.currency()))))
                .toList();
    }
}
