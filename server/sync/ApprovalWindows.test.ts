import { expect, test } from 'vitest'
import { APPROVAL_GRACE_MS, ApprovalWindows } from './ApprovalWindows.ts'

function windowsAt(start: number) {
  const clock = { now: start }
  return { clock, windows: new ApprovalWindows<object>(() => clock.now) }
}

test('an approval stays unseen until the answer to the question sent after it', () => {
  const { windows } = windowsAt(0)
  const connection = {}
  windows.asked(connection) // the SyncStep1 on join
  windows.asked(connection) // the one sent right after the approval
  windows.approved(connection, ['s1'])
  expect([...windows.unseenBy(connection)]).toEqual(['s1'])
  // The answer to the join's question was made before the approval arrived.
  expect(windows.answered(connection)).toEqual([])
  expect([...windows.unseenBy(connection)]).toEqual(['s1'])
  windows.lateEdits(connection, ['s1'])
  // The answer to the second one shows the approval was applied; the late typing is reported.
  expect(windows.answered(connection)).toEqual(['s1'])
  expect(windows.unseenBy(connection).size).toBe(0)
})

test('an answer nobody asked for only closes the window sooner', () => {
  const { windows } = windowsAt(0)
  const connection = {}
  windows.asked(connection)
  windows.approved(connection, ['s1'])
  windows.answered(connection)
  windows.answered(connection)
  expect(windows.unseenBy(connection).size).toBe(0)
})

test('a connection that never answers has the grace period and no more', () => {
  const { clock, windows } = windowsAt(1_000)
  const connection = {}
  windows.asked(connection)
  windows.approved(connection, ['s1'])
  windows.lateEdits(connection, ['s1'])
  clock.now += APPROVAL_GRACE_MS
  expect([...windows.unseenBy(connection)]).toEqual(['s1'])
  clock.now += 1
  expect(windows.unseenBy(connection).size).toBe(0)
  // Its late typing is still reported, when it leaves.
  expect(windows.left(connection)).toEqual(['s1'])
})

test('windows belong to one connection', () => {
  const { windows } = windowsAt(0)
  const [first, second] = [{}, {}]
  windows.asked(first)
  windows.approved(first, ['s1'])
  expect(windows.unseenBy(second).size).toBe(0)
  expect(windows.left(second)).toEqual([])
})
