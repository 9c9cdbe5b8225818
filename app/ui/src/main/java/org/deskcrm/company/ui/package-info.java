/**
 * The companies screen, and {@link org.deskcrm.company.ui.CrmFeature}: the feature module that wires the
 * companies, contacts and leads screens (lists, 360° records, global search providers) from the core CRM services.
 */
package org.deskcrm.company.ui;
