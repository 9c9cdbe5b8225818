/**
 * jOOQ repositories of pipelines and stages, the forecast's rule-aware aggregates, the default
 * pipeline of a new organization, and {@link org.deskcrm.pipeline.persistence.GuardedWrite}
 * (version-checked updates within a record rule).
 */
package org.deskcrm.pipeline.persistence;
