/** One server process behind the proxy, as the router sees it. */
export interface Backend {
  /** Stable across restarts (`1`, `2`…, or the URL of a process someone else runs). */
  readonly name: string
  /** Where it listens; null while it is not running. */
  readonly url: URL | null
  /** Answered its last health probes; the router sends nobody to a backend that did not. */
  readonly isHealthy: boolean
  /** A connection to it failed: route around it until a probe says otherwise. */
  suspect(): void
}
