import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, test, vi } from 'vitest'
import * as Y from 'yjs'
import { keepStructsCompact } from './compactStructs.ts'
import { translatedDocumentUpdates } from '../../test/support/translatedDocument.ts'
import { readSegments, setStatus, setTargetTagged } from './document.ts'

describe('compact structs', () => {
  test('a compacted document reads, encodes and announces exactly what a plain one does', () => {
    const updates = translatedDocumentUpdates(30)
    const plain = new Y.Doc()
    const compact = new Y.Doc()
    keepStructsCompact(compact)
    const announced: { plain: Uint8Array[]; compact: Uint8Array[] } = { plain: [], compact: [] }
    plain.on('update', (update: Uint8Array) => announced.plain.push(update))
    compact.on('update', (update: Uint8Array) => announced.compact.push(update))
    for (const update of updates) {
      Y.applyUpdate(plain, update)
      Y.applyUpdate(compact, update)
    }
    // Local edits after loading: overwritten keys, a deleted and rewritten target.
    vi.spyOn(Date, 'now').mockReturnValue(1_800_000_000_000)
    for (const doc of [plain, compact]) {
      doc.clientID = 77
      const [first] = readSegments(doc)
      setTargetTagged(doc, first!.id, { text: 'Жаңа аударма', tags: [] }, 'u2')
      setStatus(doc, first!.id, 'approved', 'u2')
    }
    expect(readSegments(compact)).toEqual(readSegments(plain))
    expect(compact.toJSON()).toEqual(plain.toJSON())
    expect(Y.encodeStateAsUpdate(compact)).toEqual(Y.encodeStateAsUpdate(plain))
    expect(announced.compact).toEqual(announced.plain)
    vi.restoreAllMocks()
  })

  test('a loaded document takes at least a sixth less heap', { timeout: 60_000 }, async () => {
    // Measured in a process of its own, where the heap can be collected before each reading.
    const script = fileURLToPath(new URL('../../test/support/compactHeap.ts', import.meta.url))
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', script],
      { cwd: fileURLToPath(new URL('../..', import.meta.url)) },
    )
    const { plainBytes, compactBytes } = JSON.parse(stdout) as {
      plainBytes: number
      compactBytes: number
    }
    expect(plainBytes).toBeGreaterThan(5_000_000)
    expect(compactBytes).toBeLessThan(plainBytes * (5 / 6))
  })
})
