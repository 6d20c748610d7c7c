/*
 * Prometheus text exposition (format 0.0.4) for the handful of instruments the server keeps.
 * Hand-written rather than a client library: counters, gauges read when scraped and
 * fixed-bucket histograms are all we need, in some eighty lines.
 */

type Labels = Record<string, string>

interface Instrument {
  render(): string[]
}

function labelText(labels: Labels): string {
  const pairs = Object.entries(labels).map(
    ([name, value]) => `${name}="${value.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\n')}"`,
  )
  return pairs.length > 0 ? `{${pairs.join(',')}}` : ''
}

export class Counter implements Instrument {
  private readonly values = new Map<string, { labels: Labels; value: number }>()

  constructor(
    private readonly name: string,
    private readonly help: string,
  ) {}

  inc(labels: Labels = {}, by = 1): void {
    const key = labelText(labels)
    const entry = this.values.get(key) ?? { labels, value: 0 }
    entry.value += by
    this.values.set(key, entry)
  }

  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`]
    if (this.values.size === 0) lines.push(`${this.name} 0`)
    for (const { labels, value } of this.values.values()) {
      lines.push(`${this.name}${labelText(labels)} ${value}`)
    }
    return lines
  }
}

/** A value read when scraped, so it is never stale. */
export class Gauge implements Instrument {
  constructor(
    private readonly name: string,
    private readonly help: string,
    private readonly read: () => number,
  ) {}

  render(): string[] {
    return [
      `# HELP ${this.name} ${this.help}`,
      `# TYPE ${this.name} gauge`,
      `${this.name} ${this.read()}`,
    ]
  }
}

export class Histogram implements Instrument {
  private readonly counts: number[]
  private sum = 0
  private count = 0

  constructor(
    private readonly name: string,
    private readonly help: string,
    /** Upper bounds in seconds, increasing. */
    private readonly buckets: readonly number[],
  ) {
    this.counts = buckets.map(() => 0)
  }

  observe(value: number): void {
    this.sum += value
    this.count++
    this.buckets.forEach((bound, index) => {
      if (value <= bound) this.counts[index]!++
    })
  }

  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`]
    this.buckets.forEach((bound, index) => {
      lines.push(`${this.name}_bucket{le="${bound}"} ${this.counts[index]}`)
    })
    lines.push(`${this.name}_bucket{le="+Inf"} ${this.count}`)
    lines.push(`${this.name}_sum ${this.sum}`, `${this.name}_count ${this.count}`)
    return lines
  }
}

/** The instruments of one process, rendered together for `/metrics`. */
export class MetricsRegistry {
  private readonly instruments: Instrument[] = []

  counter(name: string, help: string): Counter {
    return this.add(new Counter(name, help))
  }

  gauge(name: string, help: string, read: () => number): Gauge {
    return this.add(new Gauge(name, help, read))
  }

  histogram(name: string, help: string, buckets: readonly number[]): Histogram {
    return this.add(new Histogram(name, help, buckets))
  }

  render(): string {
    return this.instruments.flatMap((instrument) => instrument.render()).join('\n') + '\n'
  }

  private add<T extends Instrument>(instrument: T): T {
    this.instruments.push(instrument)
    return instrument
  }
}

/** Seconds, for latencies from a fraction of a millisecond to a stalled store. */
export const LATENCY_BUCKETS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
] as const
