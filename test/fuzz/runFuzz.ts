import type { ProjectRole } from '@qalam/shared/workflow'
import type { Session } from '../support/accounts.ts'
import { pickOne } from '../support/seededRandom.ts'
import type { TestServer } from '../support/testServer.ts'

/*
 * A seeded fuzzer of what the network may send: each case takes a valid message of one role
 * (a sync update, an awareness state, a multipart upload), mutates it, sends it to a real
 * server and watches what happens. Targets are a list; each says how its case went, and the
 * loop counts. A refused case must have stored nothing, and nothing may answer 5xx, close a
 * socket with a server error, or leave a request unanswered.
 */

export type FuzzRole = ProjectRole | 'anonymous'
export const FUZZ_ROLES: readonly FuzzRole[] = [
  'viewer',
  'translator',
  'reviewer',
  'manager',
  'anonymous',
]

export interface FuzzContext {
  server: TestServer
  sessions: Map<FuzzRole, Session | null>
  random: () => number
}

/** How the server took one case. */
export type CaseResult =
  | { kind: 'accepted' }
  /** Handled without storing anything and without an error (read-only, resync, no change). */
  | { kind: 'unchanged' }
  /** `how`: the way the input was broken, where the target names it. */
  | { kind: 'refused'; reason: string; stored: boolean; how?: string }
  /** A 5xx answer, a server-error close, or no answer at all: never allowed. */
  | { kind: 'failed'; reason: string }

export interface FuzzTarget {
  name: string
  runCase(context: FuzzContext, role: FuzzRole): Promise<CaseResult>
}

export interface FuzzReport {
  seed: number
  budgetMs: number
  cases: number
  byTarget: Record<string, number>
  /** Cases whose input was stored. */
  accepted: number
  unchanged: number
  /** Refused cases, by close code or HTTP status and reason. */
  refusedByReason: Record<string, number>
  /** Refused cases by the way their input was broken (multipart uploads). */
  refusedByBreakage: Record<string, number>
  /** Refused cases after which the store had changed: must stay 0. */
  storedWhenRefused: number
  /** Server errors and hangs, by what happened: must stay empty. */
  failures: Record<string, number>
}

const count = (tally: Record<string, number>, key: string) => (tally[key] = (tally[key] ?? 0) + 1)

/**
 * Runs cases until `budgetMs` has passed and at least `minCases` ran (so a loaded machine
 * shortens nothing the test relies on).
 */
export async function runFuzz(
  context: FuzzContext,
  targets: readonly FuzzTarget[],
  seed: number,
  budgetMs: number,
  minCases = 0,
): Promise<FuzzReport> {
  const report: FuzzReport = {
    seed,
    budgetMs,
    cases: 0,
    byTarget: {},
    accepted: 0,
    unchanged: 0,
    refusedByReason: {},
    refusedByBreakage: {},
    storedWhenRefused: 0,
    failures: {},
  }
  const deadline = Date.now() + budgetMs
  while (Date.now() < deadline || report.cases < minCases) {
    const role = pickOne(context.random, FUZZ_ROLES)
    const target = pickOne(context.random, targets)
    const result = await target.runCase(context, role)
    report.cases++
    count(report.byTarget, target.name)
    switch (result.kind) {
      case 'accepted':
        report.accepted++
        break
      case 'unchanged':
        report.unchanged++
        break
      case 'refused':
        count(report.refusedByReason, result.reason)
        if (result.how !== undefined) count(report.refusedByBreakage, result.how)
        if (result.stored) report.storedWhenRefused++
        break
      case 'failed':
        count(report.failures, `${target.name} ${result.reason}`)
    }
  }
  return report
}

/** One mutation of `bytes`: flips, truncation, insertion, a huge varint, or none at all. */
export function mutate(
  bytes: Uint8Array,
  random: () => number,
): { bytes: Uint8Array; how: string } {
  const copy = Uint8Array.from(bytes)
  const at = () => Math.floor(random() * copy.length)
  const roll = random()
  if (roll < 0.2) return { bytes: copy, how: 'none' }
  if (roll < 0.45) {
    for (let i = 0; i < 1 + Math.floor(random() * 3); i++) {
      const index = at()
      copy[index] = copy[index]! ^ (1 << Math.floor(random() * 8))
    }
    return { bytes: copy, how: 'flip' }
  }
  if (roll < 0.6) return { bytes: copy.subarray(0, at()), how: 'truncate' }
  if (roll < 0.75) {
    const index = at()
    const noise = Uint8Array.from({ length: 1 + Math.floor(random() * 8) }, () =>
      Math.floor(random() * 256),
    )
    return {
      bytes: Uint8Array.from([...copy.subarray(0, index), ...noise, ...copy.subarray(index)]),
      how: 'insert',
    }
  }
  if (roll < 0.9) {
    const index = at()
    return {
      bytes: Uint8Array.from([
        ...copy.subarray(0, index),
        0xff,
        0xff,
        0xff,
        0xff,
        0x7f,
        ...copy.subarray(index + 1),
      ]),
      how: 'varint',
    }
  }
  const start = at()
  const end = Math.min(copy.length, start + 1 + Math.floor(random() * 16))
  return { bytes: Uint8Array.from([...copy, ...copy.subarray(start, end)]), how: 'duplicate' }
}
