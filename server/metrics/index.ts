export { Counter, Gauge, Histogram, LATENCY_BUCKETS, MetricsRegistry } from './MetricsRegistry.ts'
export { createServerMetrics, type ServerGauges, type ServerMetrics } from './serverMetrics.ts'
