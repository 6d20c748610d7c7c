import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import {
  SERVER_ORIGIN,
  getSegment,
  initDocument,
  readSegment,
  segmentAt,
  segmentId,
  segmentStatus,
  setStatus,
  setTargetText,
  targetText,
} from '@qalam/shared/model'
import { SegmentStore } from '../grid/SegmentStore.ts'
import { confirmAndNext } from './confirmAndNext.ts'
import { copySourceToTarget } from './copySourceToTarget.ts'
import { gotoNextSegment } from './gotoNextSegment.ts'
import { gotoPreviousSegment } from './gotoPreviousSegment.ts'
import type { KeyStroke, SegmentActionContext } from './segmentAction.ts'
import { findAction } from './segmentActions.ts'

const USER = 'user-1'

function openDocument(sources: string[]) {
  const doc = new Y.Doc()
  initDocument(
    doc,
    { title: 't', sourceLang: 'ru', targetLang: 'kk', createdAt: 1, trailing: '' },
    sources.map((source, index) => ({ source, paragraph: index, before: index === 0 ? '' : ' ' })),
    SERVER_ORIGIN,
  )
  const store = new SegmentStore(doc)
  const activated: number[] = []
  const context = (activeIndex: number | null): SegmentActionContext => ({
    doc,
    segmentCount: store.length,
    segment: (index) => store.segment(index),
    activeIndex,
    userId: USER,
    activate: (index) => activated.push(index),
  })
  const idAt = (index: number) => segmentId(segmentAt(doc, index)!)
  return { doc, context, activated, idAt }
}

function stroke(partial: Partial<KeyStroke>): KeyStroke {
  return {
    key: '',
    code: '',
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...partial,
  }
}

describe('confirmAndNext', () => {
  test('does not apply to a segment without a translation or to an approved one', () => {
    const { doc, context, idAt } = openDocument(['Один.', 'Два.'])
    expect(confirmAndNext.predicate(context(null))).toBe(false)
    expect(confirmAndNext.predicate(context(0))).toBe(false)
    setTargetText(doc, idAt(0), 'Бір.', USER)
    expect(confirmAndNext.predicate(context(0))).toBe(true)
    setStatus(doc, idAt(0), 'approved', 'reviewer')
    expect(confirmAndNext.predicate(context(0))).toBe(false)
  })

  test('marks the segment translated by the user and skips segments already done', () => {
    const { doc, context, activated, idAt } = openDocument(['Один.', 'Два.', 'Три.', 'Четыре.'])
    setTargetText(doc, idAt(0), 'Бір.', USER)
    setStatus(doc, idAt(1), 'translated', 'other')
    setStatus(doc, idAt(2), 'approved', 'reviewer')
    confirmAndNext.perform(context(0))
    const first = readSegment(getSegment(doc, idAt(0))!, 0)
    expect(first.status).toBe('translated')
    expect(first.updatedBy).toBe(USER)
    expect(activated).toEqual([3])
  })

  test('wraps around to an earlier open segment and stays put when none is left', () => {
    const { doc, context, activated, idAt } = openDocument(['Один.', 'Два.', 'Три.'])
    setTargetText(doc, idAt(2), 'Үш.', USER)
    confirmAndNext.perform(context(2))
    expect(activated).toEqual([0])
    setTargetText(doc, idAt(0), 'Бір.', USER)
    setStatus(doc, idAt(1), 'translated', USER)
    confirmAndNext.perform(context(0))
    expect(activated).toEqual([0])
  })

  test('is triggered by Ctrl+Enter and Cmd+Enter, not by Enter or Ctrl+Shift+Enter', () => {
    expect(confirmAndNext.keyTest(stroke({ key: 'Enter', ctrlKey: true }))).toBe(true)
    expect(confirmAndNext.keyTest(stroke({ key: 'Enter', metaKey: true }))).toBe(true)
    expect(confirmAndNext.keyTest(stroke({ key: 'Enter' }))).toBe(false)
    expect(confirmAndNext.keyTest(stroke({ key: 'Enter', ctrlKey: true, shiftKey: true }))).toBe(
      false,
    )
  })
})

describe('segment navigation', () => {
  test('next and previous stop at the ends of the document', () => {
    const { context } = openDocument(['Один.', 'Два.'])
    expect(gotoNextSegment.predicate(context(0))).toBe(true)
    expect(gotoNextSegment.predicate(context(1))).toBe(false)
    expect(gotoPreviousSegment.predicate(context(1))).toBe(true)
    expect(gotoPreviousSegment.predicate(context(0))).toBe(false)
    expect(gotoPreviousSegment.predicate(context(null))).toBe(false)
  })

  test('next from no active segment opens the first one', () => {
    const { context, activated } = openDocument(['Один.', 'Два.'])
    expect(gotoNextSegment.predicate(context(null))).toBe(true)
    gotoNextSegment.perform(context(null))
    expect(activated).toEqual([0])
  })
})

describe('copySourceToTarget', () => {
  test('copies the source into the target and makes a new segment a draft', () => {
    const { doc, context, idAt } = openDocument(['Алматы, 2026.'])
    copySourceToTarget.perform(context(0))
    const segment = getSegment(doc, idAt(0))!
    expect(targetText(segment)).toBe('Алматы, 2026.')
    expect(segmentStatus(segment)).toBe('draft')
  })

  test('does not apply to an approved segment', () => {
    const { doc, context, idAt } = openDocument(['Алматы.'])
    setStatus(doc, idAt(0), 'approved', 'reviewer')
    expect(copySourceToTarget.predicate(context(0))).toBe(false)
  })

  test('Ctrl+Shift+S works whatever letter the keyboard layout puts on the S key', () => {
    const russianLayout = stroke({ key: 'Ы', code: 'KeyS', ctrlKey: true, shiftKey: true })
    expect(findAction(russianLayout)).toBe(copySourceToTarget)
    expect(findAction(stroke({ key: 'Insert', code: 'Insert', ctrlKey: true }))).toBe(
      copySourceToTarget,
    )
    expect(findAction(stroke({ key: 's', code: 'KeyS', ctrlKey: true }))).toBeUndefined()
  })
})
