import { describe, expect, test } from 'vitest'
import { Utf8Chunks } from './utf8Chunks.ts'

const encode = (text: string) => new TextEncoder().encode(text)
// Megabytes compared at once: toEqual walks a typed array element by element, for minutes.
const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b))

describe('UTF-8 chunks', () => {
  test('pieces of every width, across chunk boundaries, come out as TextEncoder writes them', () => {
    // Pieces of 1-, 2-, 3- and 4-byte characters, about 5 MB in all: chunk boundaries fall
    // inside pieces and between the halves of surrogate pairs' characters.
    const pieces: string[] = []
    for (let i = 0; pieces.length < 60_000; i++) {
      pieces.push(`<t id="${i}">Қазақ ${i} قلم 🖋️ ` + 'ә'.repeat(i % 37) + '😀'.repeat(i % 5))
    }
    const out = new Utf8Chunks()
    expect(pieces.every((piece) => out.append(piece))).toBe(true)
    const expected = encode(pieces.join(''))
    expect(out.byteLength).toBe(expected.length)
    expect(expected.length).toBeGreaterThan(3 * 1024 * 1024)
    expect(sameBytes(out.take(), expected)).toBe(true)
    // Or in the chunks it was written into, each in a buffer of its own.
    const chunks = out.takeChunks()
    expect(chunks.length).toBeGreaterThan(3)
    expect(new Set(chunks.map((chunk) => chunk.buffer)).size).toBe(chunks.length)
    let at = 0
    for (const chunk of chunks) {
      expect(sameBytes(chunk, expected.subarray(at, at + chunk.length))).toBe(true)
      at += chunk.length
    }
    expect(at).toBe(expected.length)
  })

  test('a piece longer than a chunk, and bytes given as they are, keep their order', () => {
    const long = 'Абай '.repeat(500_000)
    const out = new Utf8Chunks()
    out.appendBytes(Uint8Array.of(0xef, 0xbb, 0xbf))
    out.append(long)
    out.appendBytes(encode('</xliff>'))
    const taken = out.take()
    expect(taken.subarray(0, 3)).toEqual(Uint8Array.of(0xef, 0xbb, 0xbf))
    expect(new TextDecoder().decode(taken.subarray(3))).toBe(`${long}</xliff>`)
    // What was taken is a buffer of its own, movable to another thread.
    expect(taken.byteOffset).toBe(0)
    expect(taken.buffer.byteLength).toBe(taken.length)
  })

  test('past its limit it says so', () => {
    const out = new Utf8Chunks(10)
    expect(out.append('абвгд')).toBe(true)
    expect(out.append('е')).toBe(false)
  })

  test('nothing written is an empty buffer', () => {
    expect(new Utf8Chunks().take()).toEqual(new Uint8Array(0))
  })
})
