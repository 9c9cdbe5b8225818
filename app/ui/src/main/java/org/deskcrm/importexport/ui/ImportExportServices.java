package org.deskcrm.importexport.ui;

import org.deskcrm.importexport.ExportService;
import org.deskcrm.importexport.ImportService;
import org.deskcrm.importexport.VCardService;

/** The core services the import and export screens call. */
public record ImportExportServices(ImportService imports, ExportService exports, VCardService vcards) {}
