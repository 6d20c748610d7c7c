import * as Y from 'yjs'
import { initDocument, readSegments, setStatus, setTargetTagged } from '@qalam/shared/model'

/**
 * The updates that make a document of `count` segments, each with a pair of inline tags and
 * its target translated around them, as a translator's client would send them.
 */
export function translatedDocumentUpdates(count: number): Uint8Array[] {
  const writer = new Y.Doc()
  const updates: Uint8Array[] = []
  writer.on('update', (update: Uint8Array) => updates.push(update))
  const tags = [
    { kind: 'open' as const, n: 1, label: 'b', display: '<b>', data: '<b>' },
    { kind: 'close' as const, n: 1, label: 'b', display: '</b>', data: '</b>' },
  ]
  initDocument(
    writer,
    { title: 't', sourceLang: 'ru', targetLang: 'kk', createdAt: 1, trailing: '' },
    Array.from({ length: count }, (_, i) => ({
      source: `Дело № ${i}: письма Абая к сыну.`,
      paragraph: i,
      before: i === 0 ? '' : ' ',
      tags,
      sourceTags: [
        { kind: 'open' as const, n: 1, offset: 10 },
        { kind: 'close' as const, n: 1, offset: 16 },
      ],
    })),
    { kind: 'server' },
  )
  for (const segment of readSegments(writer)) {
    writer.transact(() => {
      const text = `Іс № ${segment.index}: Абайдың ұлына хаттары.`
      setTargetTagged(writer, segment.id, { text, tags: segment.sourceTags }, 'u1')
      setStatus(writer, segment.id, 'translated', 'u1')
    })
  }
  writer.destroy()
  return updates
}
