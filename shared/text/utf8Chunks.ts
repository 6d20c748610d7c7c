/*
 * Text written as UTF-8 as it comes, into chunks of a fixed size, then copied once into a
 * buffer of the exact length. A large export (a 10,000-unit XLIFF file, a document's export
 * view) is made of tens of thousands of pieces: kept as strings until the end, they would be
 * promoted to the old generation, joined into one string (two bytes a character once any is
 * Cyrillic or Arabic) and only then encoded. A buffer that doubles as it fills holds up to
 * twice the output besides. Here the peak is the output twice, at the final copy, and each
 * piece is garbage as soon as it is written.
 */

const CHUNK_BYTES = 1024 * 1024

interface Utf8Encoder {
  encodeInto(text: string, into: Uint8Array): { read: number; written: number }
}

/* The WHATWG TextEncoder every browser and Node has; shared/ compiles without their typings. */
const TextEncoder = (globalThis as unknown as { TextEncoder: new () => Utf8Encoder }).TextEncoder

export class Utf8Chunks {
  private readonly chunks: Uint8Array[] = []
  private current = new Uint8Array(0)
  private used = 0
  private written = 0
  private readonly encoder = new TextEncoder()

  /** `limit`: the most bytes `append` takes; past it, it writes nothing more and says so. */
  constructor(private readonly limit = Infinity) {}

  /** The bytes written so far. */
  get byteLength(): number {
    return this.written
  }

  /** False, and nothing more is written, once the text would take the output past `limit`. */
  append(text: string): boolean {
    let rest = text
    for (;;) {
      const { read, written } = this.encoder.encodeInto(rest, this.current.subarray(this.used))
      this.used += written
      this.written += written
      if (this.written > this.limit) return false
      if (read === rest.length) return true
      // encodeInto stops where the chunk is full, or before a character that does not fit whole.
      rest = rest.slice(read)
      this.nextChunk(rest.length)
    }
  }

  /** Bytes written as they are (a byte-order mark, an already encoded part). */
  appendBytes(bytes: Uint8Array): boolean {
    let at = 0
    while (at < bytes.length) {
      if (this.used === this.current.length) this.nextChunk(bytes.length - at)
      const count = Math.min(bytes.length - at, this.current.length - this.used)
      this.current.set(bytes.subarray(at, at + count), this.used)
      this.used += count
      this.written += count
      at += count
      if (this.written > this.limit) return false
    }
    return true
  }

  /** Everything written, in one buffer of its own (movable to another thread). */
  take(): Uint8Array {
    return concatBytes(this.takeChunks())
  }

  /**
   * Everything written, in the chunks it was written into (each a view of a buffer of its
   * own, movable to another thread): no copy into one buffer.
   */
  takeChunks(): Uint8Array[] {
    const last = this.current.subarray(0, this.used)
    return [...this.chunks, ...(last.length > 0 ? [last] : [])]
  }

  private nextChunk(pendingChars: number): void {
    if (this.used > 0) this.chunks.push(this.current.subarray(0, this.used))
    // A long piece goes into one larger chunk, up to a few megabytes.
    this.current = new Uint8Array(
      Math.max(CHUNK_BYTES, Math.min(pendingChars * 3, 4 * CHUNK_BYTES)),
    )
    this.used = 0
  }
}

/** The parts one after another, copied into one buffer of its own. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}
