import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import {
  SERVER_ORIGIN,
  getSegment,
  initDocument,
  readSegment,
  rejectSegment as writeRejection,
  segmentAt,
  segmentId,
  segmentStatus,
  setStatus,
  setTargetText,
  targetText,
} from '@qalam/shared/model'
import type { SegmentView } from '@qalam/shared/model'
import type { ActingRole } from '@qalam/shared/workflow'
import { SegmentStore } from '../grid/SegmentStore.ts'
import { approveAndNext } from './approveAndNext.ts'
import { confirmAndNext } from './confirmAndNext.ts'
import { copySourceToTarget } from './copySourceToTarget.ts'
import { gotoNextSegment } from './gotoNextSegment.ts'
import { gotoPreviousSegment } from './gotoPreviousSegment.ts'
import { rejectSegment } from './rejectSegment.ts'
import { reopenSegment } from './reopenSegment.ts'
import { openFind } from './openFind.ts'
import { openGoTo } from './openGoTo.ts'
import { openConcordance } from './openConcordance.ts'
import type { KeyStroke, NavigationNotice, SegmentActionContext } from './segmentAction.ts'
import { actionsFor, findAction } from './segmentActions.ts'

const USER = 'user-1'

function openDocument(sources: string[], role: ActingRole = 'translator') {
  const doc = new Y.Doc()
  initDocument(
    doc,
    { title: 't', sourceLang: 'ru', targetLang: 'kk', createdAt: 1, trailing: '' },
    sources.map((source, index) => ({ source, paragraph: index, before: index === 0 ? '' : ' ' })),
    SERVER_ORIGIN,
  )
  const store = new SegmentStore(doc)
  const activated: number[] = []
  const rejections: SegmentView[] = []
  const notices: NavigationNotice[] = []
  const opened: string[] = []
  const offered: string[] = []
  // Segment id -> names of the colleagues who have it open.
  const editors = new Map<string, string[]>()
  const approvalRequests: { names: readonly string[]; approve: () => void }[] = []
  const context = (activeIndex: number | null): SegmentActionContext => ({
    doc,
    segmentCount: store.length,
    segment: (index) => store.segment(index),
    activeIndex,
    userId: USER,
    role,
    activate: (index) => activated.push(index),
    requestRejection: (segment) => rejections.push(segment),
    notify: (notice) => notices.push(notice),
    editorsOf: (segmentId) => editors.get(segmentId) ?? [],
    confirmApproval: ({ names }, approve) => approvalRequests.push({ names, approve }),
    openFind: () => opened.push('find'),
    openGoTo: () => opened.push('goTo'),
    openConcordance: () => opened.push('concordance'),
    offerRepetitions: (segment) => offered.push(segment.id),
  })
  const idAt = (index: number) => segmentId(segmentAt(doc, index)!)
  const statusAt = (index: number) => segmentStatus(segmentAt(doc, index)!)
  return {
    doc,
    context,
    activated,
    rejections,
    notices,
    opened,
    offered,
    idAt,
    statusAt,
    editors,
    approvalRequests,
  }
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
    const { doc, context, activated, offered, idAt } = openDocument([
      'Один.',
      'Два.',
      'Три.',
      'Четыре.',
    ])
    setTargetText(doc, idAt(0), 'Бір.', USER)
    setStatus(doc, idAt(1), 'translated', 'other')
    setStatus(doc, idAt(2), 'approved', 'reviewer')
    confirmAndNext.perform(context(0))
    const first = readSegment(getSegment(doc, idAt(0))!, 0)
    expect(first.status).toBe('translated')
    expect(first.updatedBy).toBe(USER)
    expect(activated).toEqual([3])
    // Once confirmed, its repetitions (if any) are offered the translation.
    expect(offered).toEqual([idAt(0)])
  })

  test('wraps around to an earlier open segment saying so, and says when none is left', () => {
    const { doc, context, activated, notices, idAt } = openDocument(['Один.', 'Два.', 'Три.'])
    setTargetText(doc, idAt(2), 'Үш.', USER)
    confirmAndNext.perform(context(2))
    expect(activated).toEqual([0])
    expect(notices).toEqual(['wrapped'])
    setTargetText(doc, idAt(0), 'Бір.', USER)
    setStatus(doc, idAt(1), 'translated', USER)
    confirmAndNext.perform(context(0))
    expect(activated).toEqual([0])
    expect(notices).toEqual(['wrapped', 'allTranslated'])
  })

  test('passes over a segment a colleague has open, and says so', () => {
    const { doc, context, activated, notices, idAt, editors } = openDocument([
      'Один.',
      'Два.',
      'Три.',
    ])
    setTargetText(doc, idAt(0), 'Бір.', USER)
    editors.set(idAt(1), ['Nurlan'])
    confirmAndNext.perform(context(0))
    expect(activated).toEqual([2])
    expect(notices).toEqual([
      {
        kind: 'skipped',
        skipped: [{ number: 2, names: ['Nurlan'] }],
        wrapped: false,
        onlyBusyLeft: false,
      },
    ])
  })

  test('says when only segments colleagues have open are left', () => {
    const { doc, context, activated, notices, idAt, editors } = openDocument(['Один.', 'Два.'])
    setTargetText(doc, idAt(0), 'Бір.', USER)
    editors.set(idAt(1), ['Nurlan', 'Dana'])
    confirmAndNext.perform(context(0))
    expect(activated).toEqual([])
    expect(notices).toEqual([
      {
        kind: 'skipped',
        skipped: [{ number: 2, names: ['Nurlan', 'Dana'] }],
        wrapped: false,
        onlyBusyLeft: true,
      },
    ])
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

describe('confirmAndNext on a rejected segment', () => {
  test('goes through draft, the only way the server lets a translator leave rejected', () => {
    const { doc, context, idAt, statusAt } = openDocument(['Один.', 'Два.'])
    setTargetText(doc, idAt(0), 'Бір.', USER)
    writeRejection(doc, idAt(0), 'Терминология', 'reviewer')
    const seen: string[] = []
    doc.on('afterTransaction', () => seen.push(statusAt(0)))
    confirmAndNext.perform(context(0))
    expect(seen).toEqual(['draft', 'translated'])
  })
})

describe('roles', () => {
  const CTRL_ENTER = stroke({ key: 'Enter', ctrlKey: true })

  test('Ctrl+Enter marks translated for a translator and approves for a reviewer, manager or admin', () => {
    expect(findAction(CTRL_ENTER, actionsFor('translator'))).toBe(confirmAndNext)
    expect(findAction(CTRL_ENTER, actionsFor('reviewer'))).toBe(approveAndNext)
    expect(findAction(CTRL_ENTER, actionsFor('manager'))).toBe(approveAndNext)
    expect(findAction(CTRL_ENTER, actionsFor('admin'))).toBe(approveAndNext)
  })

  test('a manager gets every segment action a reviewer gets', () => {
    const names = (role: 'manager' | 'reviewer') => actionsFor(role).map((action) => action.name)
    expect(names('manager')).toEqual(names('reviewer'))
    expect(names('manager')).toContain('rejectSegment')
    expect(names('manager')).toContain('copySourceToTarget')
  })

  test('viewers only move between segments, find, go to and search the memories', () => {
    expect(actionsFor('viewer').map((action) => action.name)).toEqual([
      'gotoNextSegment',
      'gotoPreviousSegment',
      'openFind',
      'openGoTo',
      'openConcordance',
    ])
    expect(findAction(CTRL_ENTER, actionsFor('viewer'))).toBeUndefined()
  })

  test('translators get neither approve, reject nor reopen', () => {
    const names = actionsFor('translator').map((action) => action.name)
    expect(names).not.toContain('approveAndNext')
    expect(names).not.toContain('rejectSegment')
    expect(names).not.toContain('reopenSegment')
    expect(names).toContain('copySourceToTarget')
  })

  test('no role has two actions on the same keys', () => {
    for (const role of ['translator', 'reviewer', 'admin', 'manager', 'viewer'] as const) {
      const combos = actionsFor(role).flatMap((action) => action.keys.map((k) => k.join('+')))
      expect(new Set(combos).size, role).toBe(combos.length)
    }
  })
})

describe('approveAndNext', () => {
  test('approves the active segment and moves to the next translated one, wrapping', () => {
    const { doc, context, activated, notices, idAt, statusAt } = openDocument(
      ['Один.', 'Два.', 'Три.', 'Четыре.'],
      'reviewer',
    )
    setTargetText(doc, idAt(0), 'Бір.', USER)
    setStatus(doc, idAt(0), 'translated', 'translator')
    setTargetText(doc, idAt(2), 'Үш.', USER)
    setStatus(doc, idAt(2), 'translated', 'translator')
    approveAndNext.perform(context(2))
    expect(statusAt(2)).toBe('approved')
    expect(activated).toEqual([0])
    expect(notices).toEqual(['wrapped'])
    approveAndNext.perform(context(0))
    expect(activated).toEqual([0])
    expect(notices).toEqual(['wrapped', 'allReviewed'])
  })

  test('asks first when a colleague has the segment open, and approves only on yes', () => {
    const { doc, context, activated, idAt, statusAt, editors, approvalRequests } = openDocument(
      ['Один.', 'Два.'],
      'reviewer',
    )
    for (const index of [0, 1]) {
      setTargetText(doc, idAt(index), 'Бір.', USER)
      setStatus(doc, idAt(index), 'translated', 'translator')
    }
    editors.set(idAt(0), ['Dana'])
    approveAndNext.perform(context(0))
    expect(statusAt(0)).toBe('translated')
    expect(activated).toEqual([])
    expect(approvalRequests.map((request) => request.names)).toEqual([['Dana']])
    approvalRequests[0]!.approve()
    expect(statusAt(0)).toBe('approved')
    expect(activated).toEqual([1])
  })

  test('does not apply to an empty or an already approved segment', () => {
    const { doc, context, idAt } = openDocument(['Один.'], 'reviewer')
    expect(approveAndNext.predicate(context(0))).toBe(false)
    setTargetText(doc, idAt(0), 'Бір.', USER)
    expect(approveAndNext.predicate(context(0))).toBe(true)
    setStatus(doc, idAt(0), 'approved', USER)
    expect(approveAndNext.predicate(context(0))).toBe(false)
  })
})

describe('reject and reopen', () => {
  test('reject asks for a reason for a segment with work in it, never for an empty new one', () => {
    const { doc, context, rejections, idAt } = openDocument(['Один.'], 'reviewer')
    expect(rejectSegment.predicate(context(0))).toBe(false)
    setTargetText(doc, idAt(0), 'Бір.', USER)
    expect(rejectSegment.predicate(context(0))).toBe(true)
    rejectSegment.perform(context(0))
    expect(rejections.map((segment) => segment.id)).toEqual([idAt(0)])
  })

  test('reopen moves an approved segment back to draft and applies to nothing else', () => {
    const { doc, context, idAt, statusAt } = openDocument(['Один.'], 'reviewer')
    setTargetText(doc, idAt(0), 'Бір.', USER)
    expect(reopenSegment.predicate(context(0))).toBe(false)
    setStatus(doc, idAt(0), 'approved', USER)
    expect(reopenSegment.predicate(context(0))).toBe(true)
    reopenSegment.perform(context(0))
    expect(statusAt(0)).toBe('draft')
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

describe('find and go to', () => {
  test('Ctrl+F and Ctrl+G open find and go to for every role, whatever the keyboard layout', () => {
    for (const role of ['translator', 'reviewer', 'viewer'] as const) {
      const { context, opened } = openDocument(['Один.'], role)
      // A Russian layout types "а" and "п" on the F and G keys.
      const find = findAction(stroke({ key: 'а', code: 'KeyF', ctrlKey: true }), actionsFor(role))
      const goTo = findAction(stroke({ key: 'п', code: 'KeyG', metaKey: true }), actionsFor(role))
      expect(find).toBe(openFind)
      expect(goTo).toBe(openGoTo)
      find!.perform(context(null))
      goTo!.perform(context(0))
      expect(opened).toEqual(['find', 'goTo'])
    }
    expect(findAction(stroke({ key: 'f', code: 'KeyF' }))).toBeUndefined()
    expect(findAction(stroke({ key: 'F', code: 'KeyF', ctrlKey: true, shiftKey: true }))).toBe(
      undefined,
    )
  })
})

describe('concordance', () => {
  test('Ctrl+K opens the concordance for every role, whatever the keyboard layout', () => {
    for (const role of ['translator', 'reviewer', 'viewer', 'manager'] as const) {
      const { context, opened } = openDocument(['Один.'], role)
      // A Russian layout types "л" on the K key, an Arabic one "ن".
      for (const key of ['k', 'л', 'ن']) {
        const action = findAction(stroke({ key, code: 'KeyK', ctrlKey: true }), actionsFor(role))
        expect(action).toBe(openConcordance)
        action!.perform(context(null))
      }
      expect(opened).toEqual(['concordance', 'concordance', 'concordance'])
    }
    expect(findAction(stroke({ key: 'k', code: 'KeyK' }))).toBeUndefined()
    expect(findAction(stroke({ key: 'K', code: 'KeyK', ctrlKey: true, shiftKey: true }))).toBe(
      undefined,
    )
  })
})
