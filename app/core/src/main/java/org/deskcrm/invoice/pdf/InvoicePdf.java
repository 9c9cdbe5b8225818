package org.deskcrm.invoice.pdf;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.deskcrm.invoice.ClientDetails;
import org.deskcrm.invoice.CreditNoteDocument;
import org.deskcrm.invoice.Invoice;
import org.deskcrm.invoice.InvoiceDocument;
import org.deskcrm.invoice.InvoiceLine;
import org.deskcrm.invoice.InvoiceStatus;
import org.deskcrm.invoice.Money;
import org.deskcrm.platform.task.ProgressSink;

/**
 * Renders an invoice as an A4 PDF. Text keys used from {@link PdfText}: title, number, issueDate,
 * dueDate, billTo, from, description, quantity, unitPrice, taxRate, discount, amount, subtotal,
 * discountTotal, tax, total, paid, balanceDue, terms, notes, paymentTerms.&lt;terms db name&gt;,
 * status.&lt;status db name&gt;, taxId, page (with {0} and {1}); for a credit note also
 * creditNote.title, creditNote.number, creditNote.date, creditNote.invoice and creditNote.reason.
 */
public final class InvoicePdf {
    private static final float MARGIN = 50;
    private static final float PAGE_W = PDRectangle.A4.getWidth();
    private static final float PAGE_H = PDRectangle.A4.getHeight();
    private static final Color INK = new Color(0x1f, 0x29, 0x37);
    private static final Color MUTED = new Color(0x6b, 0x72, 0x80);
    private static final Color ACCENT = new Color(0x25, 0x63, 0xeb);
    private static final Color BAND = new Color(0xf1, 0xf5, 0xf9);
    private static final Color RULE = new Color(0xe2, 0xe8, 0xf0);
    /** Column right edges (x) of the line table: description | qty | unit price | tax | discount | amount. */
    private static final float[] COL_RIGHT = {255, 300, 375, 420, 480, PAGE_W - MARGIN};

    private final PdfText text;
    private final Locale locale;

    public InvoicePdf(PdfText text, Locale locale) {
        this.text = text;
        this.locale = locale;
    }

    public byte[] render(InvoiceDocument doc, ProgressSink progress) {
        var out = new ByteArrayOutputStream();
        render(doc, out, progress);
        return out.toByteArray();
    }

    public void render(InvoiceDocument doc, OutputStream out, ProgressSink progress) {
        try (PDDocument pdf = new PDDocument()) {
            new Writer(pdf, doc, progress).write();
            pdf.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the invoice PDF: " + e.getMessage(), e);
        }
    }

    /** Renders a credit note: the invoice layout titled "Credit note", with the credited invoice's number and the reason. */
    public byte[] renderCreditNote(CreditNoteDocument doc, ProgressSink progress) {
        var out = new ByteArrayOutputStream();
        renderCreditNote(doc, out, progress);
        return out.toByteArray();
    }

    public void renderCreditNote(CreditNoteDocument doc, OutputStream out, ProgressSink progress) {
        try (PDDocument pdf = new PDDocument()) {
            Writer w = new Writer(pdf, doc.document(), progress);
            w.credit = doc;
            w.write();
            pdf.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the credit note PDF: " + e.getMessage(), e);
        }
    }

    private final class Writer {
        private CreditNoteDocument credit;
        private final PDDocument pdf;
        private final InvoiceDocument doc;
        private final Invoice inv;
        private final ProgressSink progress;
        private final PDFont regular;
        private final PDFont bold;
        private final NumberFormat money;
        private final NumberFormat plain;
        private final DateTimeFormatter dates;
        private final Map<PDFont, Map<Integer, Boolean>> glyphs = new HashMap<>();
        private final List<PDPage> pages = new ArrayList<>();
        private PDPageContentStream cs;
        private float y;

        Writer(PDDocument pdf, InvoiceDocument doc, ProgressSink progress) throws IOException {
            this.pdf = pdf;
            this.doc = doc;
            this.inv = doc.invoice();
            this.progress = progress;
            this.regular = font("DejaVuSans.ttf");
            this.bold = font("DejaVuSans-Bold.ttf");
            this.money = NumberFormat.getCurrencyInstance(locale);
            money.setCurrency(Currency.getInstance(inv.currency()));
            money.setMinimumFractionDigits(Money.scale(inv.currency()));
            money.setMaximumFractionDigits(Money.scale(inv.currency()));
            this.plain = NumberFormat.getNumberInstance(locale);
            plain.setMaximumFractionDigits(4);
            this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        }

        private PDFont font(String name) throws IOException {
            try (InputStream in = InvoicePdf.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IOException("Font " + name + " is missing from the application");
                }
                return PDType0Font.load(pdf, in);
            }
        }

        void write() throws IOException {
            PDDocumentInformation info = pdf.getDocumentInformation();
            String title = text.get(credit != null ? "creditNote.title" : "title") + " " + (inv.number() == null ? text.get("status.draft") : inv.number());
            info.setTitle(title);
            info.setAuthor(doc.organizationName());
            info.setCreator("DeskCRM");
            newPage();
            header();
            parties();
            lines();
            totals();
            termsAndNotes();
            cs.close();
            footers();
        }

        private void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            progress.checkCancelled();
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            pages.add(page);
            cs = new PDPageContentStream(pdf, page);
            y = PAGE_H - MARGIN;
        }

        private void ensureRoom(float needed) throws IOException {
            if (y - needed < MARGIN + 30) {
                newPage();
            }
        }

        private void header() throws IOException {
            float top = y;
            float leftBottom = top;
            if (doc.logo() != null) {
                try {
                    PDImageXObject img = PDImageXObject.createFromFile(doc.logo().toString(), pdf);
                    float scale = Math.min(160f / img.getWidth(), 60f / img.getHeight());
                    float w = img.getWidth() * scale;
                    float h = img.getHeight() * scale;
                    cs.drawImage(img, MARGIN, top - h, w, h);
                    leftBottom = top - h - 8;
                } catch (IOException | IllegalArgumentException unreadable) {
                    leftBottom = top; // a logo we cannot read is left out rather than failing the invoice
                }
            }
            if (leftBottom == top) {
                show(bold, 18, MARGIN, top - 18, doc.organizationName(), INK);
                leftBottom = top - 28;
            } else {
                show(bold, 11, MARGIN, leftBottom - 4, doc.organizationName(), INK);
                leftBottom -= 18;
            }
            float sy = leftBottom;
            if (doc.senderDetails() != null) {
                for (String line : doc.senderDetails().split("\\R")) {
                    for (String w : wrap(regular, 9, line, 240)) {
                        show(regular, 9, MARGIN, sy, w, MUTED);
                        sy -= 12;
                    }
                }
            }
            // Right: title, number and dates.
            float rx = PAGE_W - MARGIN;
            showRight(bold, 24, rx, top - 22, text.get(credit != null ? "creditNote.title" : "title").toUpperCase(locale), ACCENT);
            float ry = top - 44;
            String number = inv.number() == null ? text.get("status.draft") : inv.number();
            ry = keyValue(rx, ry, text.get(credit != null ? "creditNote.number" : "number"), number);
            ry = keyValue(rx, ry, text.get(credit != null ? "creditNote.date" : "issueDate"), date(inv.issueDate()));
            if (credit != null) {
                ry = keyValue(rx, ry, text.get("creditNote.invoice"), credit.invoiceNumber());
            } else {
                ry = keyValue(rx, ry, text.get("dueDate"), date(inv.dueDate()));
            }
            if (inv.status() != InvoiceStatus.SENT) {
                showRight(bold, 10, rx, ry - 4, text.get("status." + inv.status().dbName()).toUpperCase(locale),
                        inv.status() == InvoiceStatus.PAID ? new Color(0x15, 0x80, 0x3d)
                                : inv.status() == InvoiceStatus.OVERDUE || inv.status() == InvoiceStatus.CANCELLED
                                        ? new Color(0xb9, 0x1c, 0x1c) : MUTED);
                ry -= 18;
            }
            y = Math.min(sy, ry) - 18;
        }

        private float keyValue(float rx, float ry, String key, String value) throws IOException {
            showRight(bold, 10, rx, ry, value, INK);
            float w = width(bold, 10, value);
            showRight(regular, 10, rx - w - 8, ry, key, MUTED);
            return ry - 15;
        }

        private void parties() throws IOException {
            ClientDetails c = doc.client();
            show(bold, 8, MARGIN, y, text.get("billTo").toUpperCase(locale), MUTED);
            y -= 15;
            show(bold, 12, MARGIN, y, c.name(), INK);
            y -= 15;
            if (c.attention() != null) {
                show(regular, 10, MARGIN, y, c.attention(), INK);
                y -= 13;
            }
            for (String l : c.address()) {
                show(regular, 10, MARGIN, y, l, INK);
                y -= 13;
            }
            if (c.email() != null && !c.email().isBlank()) {
                show(regular, 10, MARGIN, y, c.email(), MUTED);
                y -= 13;
            }
            if (c.taxId() != null && !c.taxId().isBlank()) {
                show(regular, 10, MARGIN, y, text.get("taxId") + " " + c.taxId(), MUTED);
                y -= 13;
            }
            if (credit != null) {
                y -= 6;
                for (String w : wrap(regular, 10, text.get("creditNote.reason", credit.invoiceNumber(), credit.reason()),
                        PAGE_W - 2 * MARGIN)) {
                    show(regular, 10, MARGIN, y, w, INK);
                    y -= 13;
                }
            }
            if (inv.description() != null) {
                y -= 6;
                for (String w : wrap(regular, 10, inv.description(), PAGE_W - 2 * MARGIN)) {
                    show(regular, 10, MARGIN, y, w, INK);
                    y -= 13;
                }
            }
            y -= 14;
        }

        private void tableHeader() throws IOException {
            cs.setNonStrokingColor(BAND);
            cs.addRect(MARGIN, y - 6, PAGE_W - 2 * MARGIN, 20);
            cs.fill();
            float ty = y;
            show(bold, 8.5f, MARGIN + 6, ty, text.get("description"), MUTED);
            String[] keys = {"quantity", "unitPrice", "taxRate", "discount", "amount"};
            for (int i = 0; i < keys.length; i++) {
                showRight(bold, 8.5f, COL_RIGHT[i + 1] - (i == keys.length - 1 ? 6 : 0), ty, text.get(keys[i]), MUTED);
            }
            y -= 24;
        }

        private void lines() throws IOException {
            tableHeader();
            int n = 0;
            for (InvoiceLine l : inv.lines()) {
                progress.update(++n, inv.lines().size(), null);
                progress.checkCancelled();
                List<String> desc = wrap(regular, 9.5f, l.description(), COL_RIGHT[0] - MARGIN - 10);
                float h = desc.size() * 12 + 8;
                if (y - h < MARGIN + 30) {
                    newPage();
                    tableHeader();
                }
                float ly = y;
                for (String d : desc) {
                    show(regular, 9.5f, MARGIN + 6, ly, d, INK);
                    ly -= 12;
                }
                showRight(regular, 9.5f, COL_RIGHT[1], y, plain.format(l.quantity()), INK);
                showRight(regular, 9.5f, COL_RIGHT[2], y, money.format(l.unitPrice()), INK);
                showRight(regular, 9.5f, COL_RIGHT[3], y, l.taxRate().signum() == 0 ? "–" : plain.format(l.taxRate()) + " %", INK);
                showRight(regular, 9.5f, COL_RIGHT[4], y, l.discount().signum() == 0 ? "–" : money.format(l.discount()), INK);
                showRight(regular, 9.5f, COL_RIGHT[5] - 6, y, money.format(l.net()), INK);
                y -= h;
                cs.setStrokingColor(RULE);
                cs.setLineWidth(0.5f);
                cs.moveTo(MARGIN, y + 8);
                cs.lineTo(PAGE_W - MARGIN, y + 8);
                cs.stroke();
            }
            y -= 6;
        }

        private void totals() throws IOException {
            ensureRoom(120);
            float labelX = COL_RIGHT[3];
            float rx = PAGE_W - MARGIN - 6;
            y = totalRow(labelX, rx, text.get("subtotal"), inv.subtotal(), false);
            if (inv.discountTotal().signum() > 0) {
                y = totalRow(labelX, rx, text.get("discountTotal"), inv.discountTotal().negate(), false);
            }
            y = totalRow(labelX, rx, text.get("tax"), inv.taxTotal(), false);
            cs.setStrokingColor(INK);
            cs.setLineWidth(0.8f);
            cs.moveTo(labelX - 60, y + 10);
            cs.lineTo(PAGE_W - MARGIN, y + 10);
            cs.stroke();
            y -= 4;
            y = totalRow(labelX, rx, text.get("total") + " (" + inv.currency() + ")", inv.total(), true);
            if (inv.amountPaid().signum() > 0) {
                y = totalRow(labelX, rx, text.get("paid"), inv.amountPaid().negate(), false);
                y = totalRow(labelX, rx, text.get("balanceDue"), inv.balanceDue(), true);
            }
            y -= 16;
        }

        private float totalRow(float labelX, float rx, String label, BigDecimal amount, boolean strong) throws IOException {
            PDFont f = strong ? bold : regular;
            float size = strong ? 11.5f : 10;
            showRight(f, size, labelX + 40, y, label, strong ? INK : MUTED);
            showRight(f, size, rx, y, money.format(amount), INK);
            return y - (strong ? 18 : 15);
        }

        private void termsAndNotes() throws IOException {
            List<String> termLines = new ArrayList<>();
            if (inv.paymentTerms() != null) {
                termLines.add(text.get("paymentTerms." + inv.paymentTerms().dbName()) + " — " + text.get("dueDate") + " "
                        + date(inv.dueDate()));
            }
            if (inv.terms() != null) {
                termLines.addAll(List.of(inv.terms().split("\\R")));
            }
            block(text.get("terms"), termLines);
            block(text.get("notes"), inv.notes() == null ? List.of() : List.of(inv.notes().split("\\R")));
        }

        private void block(String title, List<String> paragraphs) throws IOException {
            if (paragraphs.isEmpty()) {
                return;
            }
            ensureRoom(40);
            show(bold, 8, MARGIN, y, title.toUpperCase(locale), MUTED);
            y -= 14;
            for (String p : paragraphs) {
                for (String w : wrap(regular, 9.5f, p, PAGE_W - 2 * MARGIN)) {
                    ensureRoom(14);
                    show(regular, 9.5f, MARGIN, y, w, INK);
                    y -= 12.5f;
                }
            }
            y -= 12;
        }

        private void footers() throws IOException {
            int total = pages.size();
            for (int i = 0; i < total; i++) {
                try (var f = new PDPageContentStream(pdf, pages.get(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                    PDPageContentStream saved = cs;
                    cs = f;
                    String left = doc.organizationName() + (inv.number() == null ? "" : " · " + inv.number());
                    show(regular, 8, MARGIN, 28, left, MUTED);
                    showRight(regular, 8, PAGE_W - MARGIN, 28, text.get("page", i + 1, total), MUTED);
                    cs = saved;
                }
            }
        }

        private String date(LocalDate d) {
            return d == null ? "" : dates.format(d);
        }

        // ---------------------------------------------------------- text primitives

        private void show(PDFont font, float size, float x, float baseline, String s, Color color) throws IOException {
            String t = printable(font, s);
            if (t.isEmpty()) {
                return;
            }
            cs.beginText();
            cs.setFont(font, size);
            cs.setNonStrokingColor(color);
            cs.newLineAtOffset(x, baseline);
            cs.showText(t);
            cs.endText();
        }

        private void showRight(PDFont font, float size, float right, float baseline, String s, Color color) throws IOException {
            show(font, size, right - width(font, size, s), baseline, s, color);
        }

        private float width(PDFont font, float size, String s) throws IOException {
            return font.getStringWidth(printable(font, s)) / 1000f * size;
        }

        /** Replaces characters the font has no glyph for (and control characters) so a name never breaks the document. */
        private String printable(PDFont font, String s) {
            if (s == null) {
                return "";
            }
            Map<Integer, Boolean> known = glyphs.computeIfAbsent(font, k -> new HashMap<>());
            StringBuilder b = new StringBuilder(s.length());
            s.codePoints().forEach(cp -> {
                if (Character.isISOControl(cp)) {
                    b.append(' ');
                    return;
                }
                boolean ok = known.computeIfAbsent(cp, c -> {
                    try {
                        font.encode(new String(Character.toChars(c)));
                        return true;
                    } catch (IOException | IllegalArgumentException e) {
                        return false;
                    }
                });
                b.append(ok ? new String(Character.toChars(cp)) : "?");
            });
            return b.toString();
        }

        private List<String> wrap(PDFont font, float size, String s, float maxWidth) throws IOException {
            List<String> out = new ArrayList<>();
            if (s == null || s.isEmpty()) {
                out.add("");
                return out;
            }
            StringBuilder line = new StringBuilder();
            for (String word : s.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(font, size, candidate) <= maxWidth) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    out.add(line.toString());
                    line.setLength(0);
                }
                // A single word wider than the column is cut into pieces.
                String rest = word;
                while (width(font, size, rest) > maxWidth && rest.length() > 1) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(font, size, rest.substring(0, cut)) > maxWidth) {
                        cut--;
                    }
                    out.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            if (!line.isEmpty()) {
                out.add(line.toString());
            }
            return out;
        }
    }
}
