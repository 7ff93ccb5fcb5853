/** The outbox repository on Jakarta Persistence (EclipseLink): embedded Derby by default, PostgreSQL for shared stores. */
package io.outbox.jpa;
