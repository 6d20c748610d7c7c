import { LATENCY_BUCKETS, MetricsRegistry } from './MetricsRegistry.ts'

/** What the metrics read from the running server when scraped. */
export interface ServerGauges {
  roomsOpen(): number
  connections(): number
  /** 1 connected, 0 not; absent without Redis. */
  redisConnected?(): number
}

/** The server's instruments, as the sync rooms and the fan-out report into them. */
export interface ServerMetrics {
  render(): string
  updateAccepted(): void
  updateRefused(reason: string): void
  storeLatency(seconds: number): void
  remoteLag(seconds: number): void
  publishLatency(seconds: number): void
}

/** The instruments `/metrics` lists; the names are documented in the README. */
export function createServerMetrics(gauges: ServerGauges): ServerMetrics {
  const registry = new MetricsRegistry()
  registry.gauge('qalam_rooms_open', 'Documents loaded in this process', gauges.roomsOpen)
  registry.gauge('qalam_connections', 'Open sync WebSockets', gauges.connections)
  const accepted = registry.counter(
    'qalam_updates_accepted_total',
    'Updates judged, stored, applied and broadcast',
  )
  const refused = registry.counter(
    'qalam_updates_refused_total',
    'Updates refused (connection closed 4403), by rejection code',
  )
  const store = registry.histogram(
    'qalam_store_append_seconds',
    'Judging and storing one update, the document lock included',
    LATENCY_BUCKETS,
  )
  const publish = registry.histogram(
    'qalam_pubsub_publish_seconds',
    'Publishing one message to Redis until it confirmed',
    LATENCY_BUCKETS,
  )
  const lag = registry.histogram(
    'qalam_pubsub_lag_seconds',
    'From the store confirming an update on its process to another process applying it',
    LATENCY_BUCKETS,
  )
  const { redisConnected } = gauges
  if (redisConnected) {
    registry.gauge('qalam_redis_connected', '1 while Redis is reachable', redisConnected)
  }
  return {
    render: () => registry.render(),
    updateAccepted: () => accepted.inc(),
    updateRefused: (reason) => refused.inc({ reason }),
    storeLatency: (seconds) => store.observe(seconds),
    remoteLag: (seconds) => lag.observe(seconds),
    publishLatency: (seconds) => publish.observe(seconds),
  }
}
