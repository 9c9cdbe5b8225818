/** The merge sheet: two companies or two contacts side by side, field-by-field choice, merged in the background. */
package org.deskcrm.merge.ui;
