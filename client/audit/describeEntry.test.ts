import i18next from 'i18next'
import { beforeAll, describe, expect, test } from 'vitest'
import { resources } from '../i18n/resources.ts'
import type { AuditEntry } from './auditApi.ts'
import { approvedText, describeEntry, rejectionReason, segmentNumber } from './describeEntry.ts'

const t = i18next.createInstance()

function entry(action: AuditEntry['action'], detail: Record<string, unknown>): AuditEntry {
  return {
    id: 1,
    at: 0,
    userId: 'u-1',
    username: 'saule',
    projectId: 'p-1',
    documentId: 'd-1',
    segmentId: 's-1',
    action,
    detail,
  }
}

describe('audit entries in words', () => {
  beforeAll(async () => {
    await t.init({ resources, lng: 'ru', interpolation: { escapeValue: false } })
  })

  test('status moves and roles read in the interface language', () => {
    const ru = resources.ru.translation
    expect(describeEntry(t.t, entry('status', { from: 'draft', to: 'translated' }))).toBe(
      `перевёл(а) сегмент из статуса «${ru.status.draft}» в «${ru.status.translated}»`,
    )
    expect(describeEntry(t.t, entry('member.add', { username: 'dana', role: 'reviewer' }))).toBe(
      `добавил(а) dana с ролью «${ru.roles.reviewer}»`,
    )
  })

  test('a rejection carries its reason; other entries have none', () => {
    expect(
      rejectionReason(entry('reject', { from: 'translated', to: 'rejected', reason: 'Термин' })),
    ).toBe('Термин')
    expect(rejectionReason(entry('approve', { from: 'translated', to: 'approved' }))).toBeNull()
    expect(rejectionReason(entry('reject', { from: 'translated', to: 'rejected' }))).toBeNull()
  })

  test('an approval carries the text approved, and late typing the text it ended with', () => {
    const approve = entry('approve', { from: 'translated', to: 'approved', text: 'Мұрағат' })
    expect(approvedText(approve)).toBe('Мұрағат')
    const late = entry('approve.lateTyping', { text: 'Мұрағат ашық', segmentNumber: 3 })
    expect(approvedText(late)).toBe('Мұрағат ашық')
    expect(describeEntry(t.t, late)).toBe(resources.ru.translation.audit.approveLateTyping)
    expect(approvedText(entry('reject', { reason: 'x', text: 'y' }))).toBeNull()
  })

  test('values the interface does not know are shown as they are, not dropped', () => {
    expect(describeEntry(t.t, entry('member.role', { username: 'dana', role: 'owner' }))).toBe(
      'назначил(а) dana роль «owner»',
    )
  })
})

test('an entry names its segment only by a whole positive number the server recorded', () => {
  expect(
    segmentNumber(entry('approve', { from: 'translated', to: 'approved', segmentNumber: 12 })),
  ).toBe(12)
  for (const value of [undefined, 0, -1, 1.5, '12', null])
    expect(segmentNumber(entry('approve', { segmentNumber: value }))).toBeNull()
})
