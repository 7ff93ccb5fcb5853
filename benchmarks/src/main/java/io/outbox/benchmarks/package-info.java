/** Measurements of the outbox against raw-JDBC baselines, run on demand. */
package io.outbox.benchmarks;
