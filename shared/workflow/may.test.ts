import { describe, expect, test } from 'vitest'
import { SEGMENT_STATUSES, type SegmentStatus } from '../model/index.ts'
import { may, type Action } from './may.ts'
import type { ActingRole } from './roles.ts'

const roles: ActingRole[] = ['admin', 'manager', 'reviewer', 'translator', 'viewer']

describe('named actions', () => {
  const table: Array<[Action, ActingRole[]]> = [
    ['view', ['admin', 'manager', 'reviewer', 'translator', 'viewer']],
    ['import', ['admin', 'manager']],
    ['export', ['admin', 'manager']],
    ['manageMembers', ['admin', 'manager']],
    ['manageDocuments', ['admin', 'manager']],
    ['editTarget', ['admin', 'manager', 'reviewer', 'translator']],
    ['approve', ['admin', 'manager', 'reviewer']],
    ['reject', ['admin', 'manager', 'reviewer']],
    ['reopen', ['admin', 'manager', 'reviewer']],
  ]
  test.each(table)('%s is allowed exactly for %j', (action, allowed) => {
    for (const role of roles) expect(may(role, action), role).toBe(allowed.includes(role))
  })
})

describe('status transitions', () => {
  const translatorMay: Array<[SegmentStatus, SegmentStatus]> = [
    ['new', 'draft'],
    ['new', 'translated'],
    ['draft', 'draft'],
    ['draft', 'translated'],
    ['translated', 'draft'],
    ['translated', 'translated'],
    ['rejected', 'draft'],
  ]
  const pairs = SEGMENT_STATUSES.flatMap((from) =>
    SEGMENT_STATUSES.map((to) => [from, to] as const),
  )

  test('a translator may move only between new, draft and translated, and take a rejected segment back to draft', () => {
    for (const [from, to] of pairs) {
      const expected = translatorMay.some(([f, t]) => f === from && t === to)
      expect(may('translator', { kind: 'setStatus', from, to }), `${from} -> ${to}`).toBe(expected)
    }
  })

  test.each(['reviewer', 'manager'] as const)(
    'a %s may approve, reject and reopen, but never set new',
    (role) => {
      for (const [from, to] of pairs) {
        expect(may(role, { kind: 'setStatus', from, to }), `${from} -> ${to}`).toBe(to !== 'new')
      }
      expect(may(role, { kind: 'setStatus', from: 'approved', to: 'draft' })).toBe(true)
    },
  )

  test('viewers may set no status at all', () => {
    for (const [from, to] of pairs) {
      expect(may('viewer', { kind: 'setStatus', from, to })).toBe(false)
    }
  })
})
