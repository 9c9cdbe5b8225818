package org.deskcrm.bench;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.UUID;
import org.deskcrm.invoice.InvoiceService;
import org.deskcrm.invoice.persistence.ClientRepository;
import org.deskcrm.order.persistence.ClientRevenueRepository;
import org.deskcrm.invoice.persistence.DealSourceRepository;
import org.deskcrm.invoice.persistence.InvoiceRepository;
import org.deskcrm.invoice.persistence.NumberSeriesRepository;
import org.deskcrm.invoice.persistence.PaymentRepository;
import org.deskcrm.invoice.persistence.SettingsRepository;
import org.deskcrm.invoice.pdf.InvoicePdf;
import org.deskcrm.order.persistence.OrderRepository;
import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.product.persistence.ProductRepository;

/** Rendering an invoice as PDF, warm: loading the invoice document and writing the PDF bytes. */
final class InvoicePdfScenario implements Plans.Explained {
    @Override
    public String id() {
        return "pdf";
    }

    @Override
    public String title() {
        return "Invoice PDF, per invoice (warm)";
    }

    @Override
    public String measures() {
        return "App: InvoiceService.document(user, id, today) and InvoicePdf.render (PDFBox, the app's own layout and texts from "
                + "the commerce bundle), a different issued invoice each iteration. No raw baseline: the target is absolute.";
    }

    @Override
    public List<Outcome> run(Bench b) throws Exception {
        var dsl = b.ws.db.dsl();
        var service = service(b, dsl);
        var pdf = pdf();
        List<UUID> ids = ids(b);
        if (ids.isEmpty()) {
            return List.of(Outcome.notAvailable(id(), "admin", new Target.Absolute(200, false), "no issued invoices at this size"));
        }
        LocalDate today = LocalDate.now();
        long[] bytes = {0};
        var pair = b.measure(ids, id -> bytes[0] += pdf.render(service.document(b.ws.admin, id, today), ProgressSink.NONE).length, null);
        String note = String.format(Locale.ROOT, "%d different invoices, %.0f KB per PDF on average", ids.size(),
                bytes[0] / 1024.0 / (b.options.warmup() + b.options.runs()));
        return List.of(Outcome.measured(id(), "admin", pair.app(), null, new Target.Absolute(200, false), note));
    }

    private static InvoiceService service(Bench b, org.jooq.DSLContext dsl) {
        return new InvoiceService(dsl, new InvoiceRepository(), new PaymentRepository(), new NumberSeriesRepository(),
                new SettingsRepository(), new ClientRepository(), new DealSourceRepository(), new OrderRepository(),
                new ProductRepository(), new ClientRevenueRepository(), b.ws.app.audit);
    }

    private static InvoicePdf pdf() {
        ResourceBundle bundle = ResourceBundle.getBundle("org.deskcrm.invoice.ui.commerce", Locale.US);
        return new InvoicePdf((key, args) -> MessageFormat.format(bundle.getString("pdf." + key), args), Locale.US);
    }

    private static List<UUID> ids(Bench b) {
        return Sql.column(b.ws.db.dsl(), UUID.class, "SELECT id FROM invoices WHERE organization_id = ? AND status <> 'draft' "
                + "AND deleted_at IS NULL ORDER BY id LIMIT 60", b.ws.organizationId);
    }

    @Override
    public void once(Bench b, org.jooq.DSLContext dsl, org.deskcrm.security.CurrentUser user) throws Exception {
        for (UUID id : ids(b).subList(0, Math.min(1, ids(b).size()))) {
            pdf().render(service(b, dsl).document(user, id, LocalDate.now()), ProgressSink.NONE);
        }
    }
}
