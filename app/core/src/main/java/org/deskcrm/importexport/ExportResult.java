package org.deskcrm.importexport;

import java.nio.file.Path;

/** A finished export: where it went and how many records it holds. */
public record ExportResult(Path file, long rows) {}
