import { connect, createServer, type AddressInfo, type Socket } from 'node:net'

/** A TCP proxy in front of a service that a test can cut (an outage) and restore. */
export interface CuttableProxy {
  port: number
  /** Resets every open connection and refuses new ones until `restore`. */
  cut(): void
  restore(): void
  close(): Promise<void>
}

/**
 * Forwards every connection on a free local port to `host:port`. While cut, open connections
 * are destroyed and new ones are destroyed on accept: to its clients, the service went down.
 */
export async function startCuttableProxy(host: string, port: number): Promise<CuttableProxy> {
  const sockets = new Set<Socket>()
  let isCut = false
  const proxy = createServer((client) => {
    if (isCut) {
      client.destroy()
      return
    }
    const upstream = connect(port, host)
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      socket.on('error', () => {
        client.destroy()
        upstream.destroy()
      })
    }
    client.pipe(upstream)
    upstream.pipe(client)
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  const destroyAll = () => {
    for (const socket of sockets) socket.destroy()
  }
  return {
    port: (proxy.address() as AddressInfo).port,
    cut() {
      isCut = true
      destroyAll()
    },
    restore() {
      isCut = false
    },
    close: () =>
      new Promise<void>((resolve) => {
        destroyAll()
        proxy.close(() => resolve())
      }),
  }
}
