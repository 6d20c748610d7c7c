import { connect, type Socket } from 'node:net'

/** A TCP connection to the server driven byte by byte: for half-sent and crafted requests. */
export interface RawConnection {
  socket: Socket
  /** Everything the server sent so far, as latin1 text. */
  received(): string
  /** Resolves when the server (or we) closed the connection. */
  closed: Promise<void>
  isClosed(): boolean
  write(text: string | Uint8Array): void
  destroy(): void
}

export function openRawConnection(port: number): Promise<RawConnection> {
  const socket = connect(port, '127.0.0.1')
  let received = ''
  let isClosed = false
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')))
  // A reset by the server is one way of closing; the test looks at `closed`, not at errors.
  socket.on('error', () => undefined)
  const closed = new Promise<void>((resolve) =>
    socket.once('close', () => {
      isClosed = true
      resolve()
    }),
  )
  return new Promise((resolve, reject) => {
    socket.once('connect', () =>
      resolve({
        socket,
        received: () => received,
        closed,
        isClosed: () => isClosed,
        write: (data) => void socket.write(data),
        destroy: () => socket.destroy(),
      }),
    )
    socket.once('error', reject)
  })
}
