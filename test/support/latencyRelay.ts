import { createServer, connect, type AddressInfo, type Socket } from 'node:net'

/** A TCP relay in front of a server, delaying every chunk in each direction. */
export interface LatencyRelay {
  /** `http://127.0.0.1:<port>`: the same server, reached through the delay. */
  url: string
  close(): Promise<void>
}

/**
 * Starts a relay on port 0 that forwards every connection to `targetUrl`'s host and port and
 * holds each chunk `delayMs` before passing it on, in both directions. Chunks of one direction
 * keep their order (timers of one duration fire in the order they were set), so HTTP and
 * WebSocket framing pass through untouched: the browser sees a slow network, not a broken one.
 */
export async function startLatencyRelay(targetUrl: string, delayMs: number): Promise<LatencyRelay> {
  const target = new URL(targetUrl)
  const sockets = new Set<Socket>()
  const relay = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname)
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      // A reset on either side ends both; the peer sees a closed connection, as on a real network.
      socket.on('error', () => {
        client.destroy()
        upstream.destroy()
      })
    }
    forwardDelayed(client, upstream, delayMs)
    forwardDelayed(upstream, client, delayMs)
  })
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve))
  const { port } = relay.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        relay.close(() => resolve())
      }),
  }
}

function forwardDelayed(from: Socket, to: Socket, delayMs: number): void {
  from.on('data', (chunk) => {
    setTimeout(() => {
      if (!to.destroyed) to.write(chunk)
    }, delayMs)
  })
  from.on('end', () => setTimeout(() => to.end(), delayMs))
}
