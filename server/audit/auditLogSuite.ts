import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { AuditLog } from './AuditLog.ts'
import { statusEntry } from './statusEntry.ts'

/** One database for one test: its audit log, raw SQL beside it, and the clean-up. */
export interface AuditLogHarness {
  log: AuditLog
  /** Runs one SQL statement on the log's database, around the AuditLog interface. */
  execute(sql: string): Promise<void>
  dispose(): Promise<void>
}

const base = { userId: 'u-reviewer', projectId: 'p1', documentId: 'd1' }

/** The behaviour every AuditLog adapter must have, the database-enforced append-only rule included. */
export function describeAuditLog(name: string, createHarness: () => Promise<AuditLogHarness>) {
  describe(`AuditLog: ${name}`, () => {
    let harness: AuditLogHarness
    let log: AuditLog

    beforeEach(async () => {
      harness = await createHarness()
      log = harness.log
    })
    afterEach(() => harness.dispose())

    test('records a rejection with its reason, user and time', async () => {
      const entry = await log.append(
        statusEntry({
          ...base,
          segmentId: 's1',
          from: 'translated',
          to: 'rejected',
          reason: 'терминология',
          at: 42,
        }),
      )
      expect(entry).toEqual({
        id: expect.any(Number),
        at: 42,
        userId: 'u-reviewer',
        projectId: 'p1',
        documentId: 'd1',
        segmentId: 's1',
        action: 'reject',
        detail: { from: 'translated', to: 'rejected', reason: 'терминология' },
      })
    })

    test('names status moves by what they mean', async () => {
      const moves = [
        ['new', 'draft', 'status'],
        ['draft', 'translated', 'status'],
        ['translated', 'approved', 'approve'],
        ['translated', 'rejected', 'reject'],
        ['approved', 'draft', 'reopen'],
        ['rejected', 'draft', 'status'],
      ] as const
      for (const [from, to, action] of moves) {
        expect(statusEntry({ ...base, segmentId: 's', from, to }).action, `${from} -> ${to}`).toBe(
          action,
        )
      }
    })

    test('lists a segment’s history newest first, page by page', async () => {
      const statuses = ['draft', 'translated', 'approved', 'draft', 'translated'] as const
      let from: (typeof statuses)[number] | 'new' = 'new'
      for (const [k, to] of statuses.entries()) {
        await log.append(statusEntry({ ...base, segmentId: 's1', from, to, at: k }))
        from = to
      }
      await log.append(statusEntry({ ...base, segmentId: 's2', from: 'new', to: 'draft' }))

      const first = await log.listForSegment('d1', 's1', { limit: 2 })
      expect(first.entries.map((e) => e.at)).toEqual([4, 3])
      const second = await log.listForSegment('d1', 's1', { limit: 2, before: first.next })
      expect(second.entries.map((e) => e.at)).toEqual([2, 1])
      const third = await log.listForSegment('d1', 's1', { limit: 2, before: second.next })
      expect(third.entries.map((e) => e.at)).toEqual([0])
      expect(third.next).toBeUndefined()
    })

    test('lists a project’s history including membership changes, and nothing of other projects', async () => {
      await log.append({
        userId: 'u-admin',
        projectId: 'p1',
        action: 'member.add',
        detail: { memberId: 'u2', role: 'translator' },
      })
      await log.append(statusEntry({ ...base, segmentId: 's1', from: 'new', to: 'draft' }))
      await log.append({
        userId: 'u-admin',
        projectId: 'p2',
        action: 'member.remove',
        detail: { memberId: 'u9' },
      })
      await log.append({
        userId: 'u-admin',
        projectId: 'p1',
        action: 'member.role',
        detail: { memberId: 'u2', role: 'reviewer' },
      })
      const page = await log.listForProject('p1', { limit: 10 })
      expect(page.entries.map((e) => e.action)).toEqual(['member.role', 'status', 'member.add'])
      expect(page.entries[2]).toMatchObject({
        documentId: null,
        segmentId: null,
        detail: { memberId: 'u2', role: 'translator' },
      })
      expect(page.next).toBeUndefined()
    })

    test('appends a batch all or nothing', async () => {
      const good = statusEntry({ ...base, segmentId: 's1', from: 'new', to: 'draft' })
      const bad = { ...good, userId: null as unknown as string }
      await expect(log.appendAll([good, bad])).rejects.toThrow()
      expect((await log.listForProject('p1', { limit: 10 })).entries).toEqual([])
      expect(await log.appendAll([good, good])).toHaveLength(2)
    })

    test('refuses to change or remove an entry, even with SQL on its database', async () => {
      await log.append(
        statusEntry({ ...base, segmentId: 's1', from: 'translated', to: 'approved' }),
      )
      await expect(harness.execute("UPDATE audit_log SET action = 'status'")).rejects.toThrow(
        /append-only/,
      )
      await expect(harness.execute('DELETE FROM audit_log')).rejects.toThrow(/append-only/)
      expect((await log.listForProject('p1', { limit: 10 })).entries.map((e) => e.action)).toEqual([
        'approve',
      ])
    })

    test('has no method that changes or removes entries', () => {
      expect(Object.keys(log).sort()).toEqual([
        'append',
        'appendAll',
        'listForProject',
        'listForSegment',
      ])
    })
  })
}
