/** Set-based matching and batched writes for imports, streaming queries for exports. */
package org.deskcrm.importexport.persistence;
