/** Document rows, read through the documents record rule. */
package org.deskcrm.document.persistence;
