package org.deskcrm.lead.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.deskcrm.crm.CrmServices;
import org.deskcrm.crm.ui.RecordView;
import org.deskcrm.crm.ui.RecordViewModel;
import org.deskcrm.lead.Lead;
import org.deskcrm.security.Action;
import org.deskcrm.security.Resource;
import org.deskcrm.ui.shell.Workspace;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * What the lead record adds to the shared record view: the "Convert" action while the lead is
 * open, and once converted a banner linking to the contact, company and deal it became.
 */
public final class LeadConversionScreens {
    private LeadConversionScreens() {}

    public static void install(RecordView<Lead> view, RecordViewModel<Lead> vm, CrmServices crm, Workspace ws, Runnable changed) {
        var m = ws.messages();
        var convert = new Button(m.get("lead.convert.action"), new FontIcon(Material2MZ.SWAP_HORIZ));
        convert.setId("lead-convert");
        convert.getStyleClass().add("success");
        convert.setOnAction(e -> {
            Lead lead = vm.recordProperty().get();
            ConvertSheet.show(view.overlayHost(), m, new ConversionViewModel(crm, ws.user(), ws.tasks(), lead), result -> {
                changed.run();
                vm.open(lead.id());
                vm.messageProperty().set(m.get("lead.convert.done", lead.fullName()));
            });
        });
        view.addAction(convert);
        vm.recordProperty().subscribe(lead -> {
            boolean open = lead != null && !lead.converted() && lead.writable() && ws.user().can(Resource.LEADS, Action.UPDATE);
            convert.setVisible(open);
            convert.setManaged(open);
            if (lead == null || !lead.converted()) {
                view.setBanner(null);
                return;
            }
            List<Hyperlink> links = new ArrayList<>();
            if (lead.convertedContactId() != null) {
                links.add(link(m.get("lead.converted.contact"), "lead-open-contact",
                        () -> ws.navigator().openRecord("contact", lead.convertedContactId())));
            }
            if (lead.convertedCompanyId() != null) {
                links.add(link(m.get("lead.converted.company"), "lead-open-company",
                        () -> ws.navigator().openRecord("company", lead.convertedCompanyId())));
            }
            if (lead.convertedDealId() != null) {
                links.add(link(m.get("lead.converted.deal"), "lead-open-deal",
                        () -> ws.navigator().openRecord("deal", lead.convertedDealId())));
            }
            var text = new Label(m.get("lead.converted.banner", new org.deskcrm.crm.ui.Formats(m, ws.zone(), ws.clock())
                    .date(lead.convertedAt())), new FontIcon(Material2AL.CHECK_CIRCLE));
            var banner = new HBox(12, text);
            banner.getChildren().addAll(links);
            banner.setAlignment(Pos.CENTER_LEFT);
            banner.getStyleClass().add("record-banner");
            banner.setId("lead-converted-banner");
            view.setBanner(banner);
        });
    }

    private static Hyperlink link(String text, String id, Runnable action) {
        var l = new Hyperlink(text);
        l.setId(id);
        l.setOnAction(e -> action.run());
        return l;
    }
}
