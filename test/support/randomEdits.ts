import * as Y from 'yjs'
import {
  readSegments,
  segmentAt,
  segmentTarget,
  setStatus,
  setTargetText,
} from '@qalam/shared/model'
import { pickOne } from './seededRandom.ts'

/** Statuses a translator may set on any segment nobody approved (the server refuses others). */
const TRANSLATOR_STATUSES = ['draft', 'translated'] as const

const WORDS = ['архив', 'кітап', 'مخطوطة', 'қолжазба', 'library', 'цифрлық', 'ترجمة', 'мәдени']

/**
 * One random edit of the kind translators make: replace a translation, move a status between
 * draft and translated, or type into / delete from a target's first paragraph, after its
 * text node, as the Lexical binding would. Every edit is one the server accepts from a
 * translator, as long as nobody approves.
 */
export function applyRandomEdit(doc: Y.Doc, random: () => number, userId: string): void {
  const segments = readSegments(doc)
  if (segments.length === 0) return
  const index = Math.floor(random() * segments.length)
  const segment = segments[index]!
  const roll = random()
  if (roll < 0.3) {
    setTargetText(doc, segment.id, `${pickOne(random, WORDS)} ${pickOne(random, WORDS)}`, userId)
  } else if (roll < 0.5) {
    setStatus(doc, segment.id, pickOne(random, TRANSLATOR_STATUSES), userId)
  } else {
    const block = segmentTarget(segmentAt(doc, index)!).toDelta()[0]?.insert
    // An empty paragraph has no text node yet: the binding would create one with the text.
    if (!(block instanceof Y.XmlText) || block.length <= 1) {
      setTargetText(doc, segment.id, pickOne(random, WORDS), userId)
      return
    }
    // Offset 0 holds the text node's properties; its characters follow.
    doc.transact(() => {
      if (roll < 0.85) {
        block.insert(1 + Math.floor(random() * block.length), pickOne(random, WORDS))
      } else {
        const at = 1 + Math.floor(random() * (block.length - 1))
        block.delete(at, Math.min(block.length - at, 1 + Math.floor(random() * 3)))
      }
    })
  }
}
