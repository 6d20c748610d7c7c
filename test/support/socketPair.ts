import { connect, createServer, type AddressInfo, type Socket } from 'node:net'

/** Both ends of one loopback TCP connection: the one that dialled and the one accepted. */
export interface SocketPair {
  client: Socket
  accepted: Socket
  /** The port the accepted end listens on. */
  port: number
  /** Destroys both ends and closes the listener. */
  close(): Promise<void>
}

export async function openSocketPair(): Promise<SocketPair> {
  const listener = createServer()
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve))
  const acceptedOnce = new Promise<Socket>((resolve) => listener.once('connection', resolve))
  const { port } = listener.address() as AddressInfo
  const client = connect(port, '127.0.0.1')
  const accepted = await acceptedOnce
  return {
    client,
    accepted,
    port,
    async close() {
      client.destroy()
      accepted.destroy()
      await new Promise<void>((resolve) => listener.close(() => resolve()))
    },
  }
}
