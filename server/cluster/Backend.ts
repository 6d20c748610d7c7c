import type { Socket } from 'node:net'
import type { UpgradeRequest } from './handOff.ts'

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
  /**
   * Gives an upgrade request and its socket to the process (see handOff.ts); only a process
   * the cluster started has the channel for it, others are tunnelled to. Resolves false when
   * the process could not take it (not running); `closed` is called once the socket closes.
   */
  handOff?(upgrade: UpgradeRequest, socket: Socket, closed: () => void): Promise<boolean>
}
