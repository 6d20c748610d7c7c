import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import {
  SERVER_ORIGIN,
  findRepetitions,
  initDocument,
  propagateTranslation,
  readSegments,
  readTargetContent,
  repeatedSegmentIds,
  revertPropagation,
  segmentAt,
  segmentTarget,
  setStatus,
  setTargetTagged,
  setTargetText,
  targetTagged,
  userOrigin,
  type SegmentInit,
} from './index.ts'

function makeDoc(sourceLang: string, sources: readonly string[]): Y.Doc {
  const doc = new Y.Doc()
  const inits: SegmentInit[] = sources.map((source, paragraph) => ({
    source,
    paragraph,
    before: '',
  }))
  initDocument(
    doc,
    { title: 't', sourceLang, targetLang: 'kk', createdAt: 0, trailing: '' },
    inits,
    SERVER_ORIGIN,
  )
  return doc
}

const ids = (doc: Y.Doc) => readSegments(doc).map((segment) => segment.id)
const translator = userOrigin('u1') as { kind: 'user'; userId: string }

describe('finding repetitions', () => {
  test('Arabic sources differing only in harakat and hamza are repetitions', () => {
    const doc = makeDoc('ar', ['كِتَابُ الأَرْشِيفِ', 'كتاب الارشيف', 'كتاب المكتبة'])
    const [first, second] = ids(doc)
    expect(findRepetitions(doc, first!)).toEqual([second])
  })

  test('Kazakh sources differing in case and spacing are repetitions; the segment itself is not', () => {
    const doc = makeDoc('kk', ['Қазақ тілі', 'ҚАЗАҚ  тілі ', 'қазақ тілі', 'Казак тілі'])
    const [first, second, third] = ids(doc)
    expect(findRepetitions(doc, first!)).toEqual([second, third])
  })

  test('sources with different numbers are not repetitions', () => {
    const doc = makeDoc('ru', ['Том 1', 'Том 2', 'Том ١'])
    const [first, , third] = ids(doc)
    // Arabic-Indic ١ is the digit 1 written otherwise, so only the third repeats the first.
    expect(findRepetitions(doc, first!)).toEqual([third])
  })

  test('approved and rejected repetitions are never offered', () => {
    const doc = makeDoc('ru', ['Опись', 'Опись', 'Опись', 'Опись'])
    const [first, second, third, fourth] = ids(doc)
    setStatus(doc, second!, 'approved', 'r1')
    setStatus(doc, third!, 'rejected', 'r1')
    expect(findRepetitions(doc, first!)).toEqual([fourth])
  })

  test('differingOnly leaves out repetitions already holding the same translation', () => {
    const doc = makeDoc('ru', ['Опись', 'Опись', 'Опись'])
    const [first, second, third] = ids(doc)
    setTargetText(doc, first!, 'Тізімдеме', 'u1')
    setTargetText(doc, second!, 'Тізімдеме', 'u1')
    expect(findRepetitions(doc, first!, { differingOnly: true })).toEqual([third])
  })

  test('the grid marks every segment whose source repeats another one', () => {
    const doc = makeDoc('ru', ['Опись', 'Фонд 1', 'опись', 'Фонд 2'])
    const [first, , third] = ids(doc)
    expect(repeatedSegmentIds(doc)).toEqual(new Set([first, third]))
  })
})

describe('propagating a translation', () => {
  test('copies the translation node for node and marks the repetitions translated in one update', () => {
    const doc = makeDoc('ru', ['Опись', 'Опись', 'Опись'])
    const [first, second, third] = ids(doc)
    setTargetText(doc, first!, 'Тізімдеме\nекінші жол', 'u1')
    setStatus(doc, third!, 'approved', 'r1')
    let updates = 0
    doc.on('update', () => updates++)

    const propagation = propagateTranslation(doc, first!, [second!, third!], translator)

    expect(updates).toBe(1)
    expect(propagation.previous.map((entry) => entry.id)).toEqual([second])
    const [, copied, locked] = readSegments(doc)
    expect(copied).toMatchObject({ target: 'Тізімдеме\nекінші жол', status: 'translated' })
    expect(copied!.updatedBy).toBe('u1')
    expect(readTargetContent(segmentTarget(segmentAt(doc, 1)!))).toEqual(
      readTargetContent(segmentTarget(segmentAt(doc, 0)!)),
    )
    expect(locked).toMatchObject({ target: '', status: 'approved' })
  })

  test('reverting puts back the earlier translation and status, but not over newer work', () => {
    const doc = makeDoc('ru', ['Опись', 'Опись', 'Опись', 'Опись'])
    const [first, second, third, fourth] = ids(doc)
    setTargetText(doc, first!, 'Тізімдеме', 'u1')
    setTargetText(doc, second!, 'Тізім', 'u1')
    const propagation = propagateTranslation(doc, first!, [second!, third!, fourth!], translator)
    setTargetText(doc, fourth!, 'Тізімдеме (түзетілген)', 'u2')

    expect(revertPropagation(doc, propagation, translator)).toEqual([second, third])
    const [, restored, wasNew, edited] = readSegments(doc)
    expect(restored).toMatchObject({ target: 'Тізім', status: 'draft' })
    expect(wasNew).toMatchObject({ target: '', status: 'draft' })
    expect(edited).toMatchObject({ target: 'Тізімдеме (түзетілген)', status: 'translated' })
  })
})

describe('propagating a target with tag chips', () => {
  test('copies the chips in the shape the Lexical binding writes: an XmlElement with the tag attributes', () => {
    const doc = new Y.Doc()
    const tags = [
      { kind: 'open' as const, n: 1, label: 'b', display: '<b>', data: '<b>' },
      { kind: 'close' as const, n: 1, label: 'b', display: '</b>', data: '</b>' },
    ]
    const source = 'Опись фонда.'
    const sourceTags = [
      { kind: 'open' as const, n: 1, offset: 0 },
      { kind: 'close' as const, n: 1, offset: 5 },
    ]
    initDocument(
      doc,
      { title: 't', sourceLang: 'ru', targetLang: 'kk', createdAt: 0, trailing: '' },
      [0, 1, 2].map((paragraph) => ({ source, paragraph, before: '', tags, sourceTags })),
      SERVER_ORIGIN,
    )
    const [first, second, third] = ids(doc)
    const tagged = {
      text: 'Қор тізімдемесі.',
      tags: [
        { kind: 'open' as const, n: 1, offset: 0 },
        { kind: 'close' as const, n: 1, offset: 3 },
      ],
    }
    setTargetTagged(doc, first!, tagged, 'u1')
    propagateTranslation(doc, first!, [second!, third!], translator)
    const segments = readSegments(doc)
    for (const index of [1, 2]) {
      expect(targetTagged(segmentAt(doc, index)!)).toEqual(tagged)
      expect(readTargetContent(segmentTarget(segmentAt(doc, index)!))).toEqual(
        readTargetContent(segmentTarget(segmentAt(doc, 0)!)),
      )
      expect(segments[index]!.status).toBe('translated')
    }
    const chip = (
      segmentTarget(segmentAt(doc, 2)!).toDelta() as Array<{ insert: Y.XmlText }>
    )[0]!.insert.toDelta()[0].insert as unknown
    expect(chip).toBeInstanceOf(Y.XmlElement)
    expect((chip as Y.XmlElement).getAttributes()).toEqual({
      __type: 'qalam-tag',
      __kind: 'open',
      __n: 1,
    })
  })
})
