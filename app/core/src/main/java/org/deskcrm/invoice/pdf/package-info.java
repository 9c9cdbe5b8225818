/**
 * The invoice document as PDF (Apache PDFBox): real, searchable text in an embedded DejaVu Sans
 * subset (so names in any Latin, Greek or Cyrillic script print correctly), the sender's logo and
 * details, the billed party, the lines, the totals, terms and notes, and page numbers.
 */
package org.deskcrm.invoice.pdf;
