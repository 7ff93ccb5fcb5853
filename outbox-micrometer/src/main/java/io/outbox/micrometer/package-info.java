/**
 * The outbox's meters for Micrometer, an optional add-on: put {@code outbox-micrometer} on the
 * classpath of an app that already reports through Micrometer, and {@code outbox-core} stays free
 * of it. {@link io.outbox.micrometer.OutboxMetricsListener} counts and times deliveries and
 * failures as the processor's listener; {@link io.outbox.micrometer.OutboxMetrics} binds gauges
 * of what the store holds. Every meter is in the table of {@link io.outbox.micrometer.OutboxMetrics}.
 *
 * <pre>{@code
 * OutboxProcessor processor = OutboxProcessor.builder(repository)
 *         .handlers(handlers)
 *         .listener(new OutboxMetricsListener(registry, Tags.empty(), appListener))
 *         .build();
 * OutboxMetrics.builder(processor::statistics).build().bindTo(registry);
 * }</pre>
 */
package io.outbox.micrometer;
