import { connect, type Socket } from 'node:net'
import { randomBytes } from 'node:crypto'

/** One masked binary WebSocket frame, as a client must send it (RFC 6455 §5.2). */
export function clientFrame(payload: Uint8Array): Buffer {
  const mask = randomBytes(4)
  const length = payload.length
  const header =
    length < 126
      ? Buffer.from([0x82, 0x80 | length])
      : length < 65536
        ? Buffer.from([0x82, 0x80 | 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x82, 0x80 | 127]), bigEndian64(length)])
  const masked = Buffer.from(payload)
  for (let i = 0; i < masked.length; i++) masked[i]! ^= mask[i % 4]!
  return Buffer.concat([header, mask, masked])
}

function bigEndian64(value: number): Buffer {
  const buffer = Buffer.alloc(8)
  buffer.writeBigUInt64BE(BigInt(value))
  return buffer
}

/** Frames a server sent (unmasked), up to the first close frame. */
function readServerFrames(bytes: Buffer): {
  frames: Array<{ opcode: number; payload: Buffer }>
  closed: boolean
} {
  const frames: Array<{ opcode: number; payload: Buffer }> = []
  let offset = 0
  while (offset + 2 <= bytes.length) {
    const opcode = bytes[offset]! & 0x0f
    let length = bytes[offset + 1]! & 0x7f
    let start = offset + 2
    if (length === 126) {
      if (start + 2 > bytes.length) break
      length = bytes.readUInt16BE(start)
      start += 2
    } else if (length === 127) {
      if (start + 8 > bytes.length) break
      length = Number(bytes.readBigUInt64BE(start))
      start += 8
    }
    if (start + length > bytes.length) break
    frames.push({ opcode, payload: bytes.subarray(start, start + length) })
    offset = start + length
    if (opcode === 8) return { frames, closed: true }
  }
  return { frames, closed: false }
}

export interface UpgradeOutcome {
  /** The status line of the server's answer to the upgrade. */
  status: string
  /** The code of the server's close frame. */
  closeCode: number
  closeReason: string
}

/**
 * Opens a TCP connection and writes the upgrade request and `frames` in one write, so the
 * server reads the frames before it has answered the upgrade or checked the session.
 * Resolves once the server has sent its close frame.
 */
export function upgradeWithFrames(
  serverUrl: string,
  documentId: string,
  frames: readonly Uint8Array[],
  cookie?: string,
): Promise<UpgradeOutcome> {
  const { hostname, port } = new URL(serverUrl)
  const request = [
    `GET /sync/${encodeURIComponent(documentId)} HTTP/1.1`,
    `Host: ${hostname}:${port}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
    'Sec-WebSocket-Version: 13',
    ...(cookie ? [`Cookie: ${cookie}`] : []),
    '',
    '',
  ].join('\r\n')
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(Number(port), hostname)
    let received = Buffer.alloc(0)
    socket.on('connect', () =>
      socket.write(
        Buffer.concat([Buffer.from(request), ...frames.map((frame) => clientFrame(frame))]),
      ),
    )
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk])
      const headerEnd = received.indexOf('\r\n\r\n')
      if (headerEnd < 0) return
      const { frames: sent, closed } = readServerFrames(received.subarray(headerEnd + 4))
      if (!closed) return
      const close = sent[sent.length - 1]!.payload
      socket.destroy()
      resolve({
        status: received.subarray(0, received.indexOf('\r\n')).toString(),
        closeCode: close.length >= 2 ? close.readUInt16BE(0) : 1005,
        closeReason: close.subarray(2).toString(),
      })
    })
    socket.on('close', () =>
      reject(new Error(`closed without a close frame: ${received.toString('latin1')}`)),
    )
    socket.on('error', reject)
  })
}
