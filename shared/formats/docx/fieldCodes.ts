import { tagKey, type InlineTag, type TagRef } from '../../model/index.ts'
import type { DocxTagData } from './paragraphTags.ts'

/*
 * A complex field is written as several codes (begin…separate with its instructions, then
 * end), often in different segments or paragraphs: a table of contents begins in its first
 * entry and ends in a paragraph of its own. An end written without its begin, or a begin
 * lost, leaves Word and LibreOffice misreading the rest of the story, so a segment's field
 * codes are written exactly once each, and so that they nest as the original's did:
 *
 * - a code whose tag the target deleted is written before the next code (in the original's
 *   order) that the target has, or at the segment's end; a doubled tag is written once;
 * - the target's order is kept when the fields still nest in it and the segment opens and
 *   closes the same fields of the paragraphs around it (a translation may put a field
 *   elsewhere in the sentence); otherwise the codes are written in the original's order.
 */

/** Labels of the standalone tags that hold a complex field's structure (see readParagraph). */
const FIELD_CODE_LABELS = new Set(['field', 'field end'])

export interface FieldCodePlan {
  /** The markup to write where the target has the field code tag `key` (the first time). */
  at: Map<string, string>
  /** The markup to write after the target's last piece. */
  end: string
}

interface Code {
  key: string
  markup: string
  events: FieldEvent[]
}

type FieldEvent = 'begin' | 'separate' | 'end'

/** Whether `tag` is one of the codes this module keeps whole. */
export function isFieldCode(tag: InlineTag): boolean {
  return tag.kind === 'standalone' && FIELD_CODE_LABELS.has(tag.label)
}

/**
 * Where a segment's field codes go. `render` gives a code's markup; `placed` is the target's
 * tags in order (other tags and repeats included).
 */
export function planFieldCodes(
  tags: readonly InlineTag[],
  data: ReadonlyMap<string, DocxTagData>,
  render: (data: Extract<DocxTagData, { p: unknown }>) => string,
  placed: readonly TagRef[],
): FieldCodePlan {
  const codes: Array<Code & { start: number }> = []
  for (const tag of tags) {
    const found = data.get(tagKey(tag))
    if (!isFieldCode(tag) || !found || !('p' in found) || found.p.length === 0) continue
    const markup = render(found)
    const events = [...markup.matchAll(/fldCharType\s*=\s*["'](begin|separate|end)["']/g)].map(
      (match) => match[1] as FieldEvent,
    )
    codes.push({ key: tagKey(tag), markup, events, start: found.p[0]![1] })
  }
  codes.sort((a, b) => a.start - b.start)
  const plan: FieldCodePlan = { at: new Map(), end: '' }
  if (codes.length === 0) return plan

  // The target's order: its codes once each, a deleted one before the next present one.
  const rank = new Map(codes.map((code, index) => [code.key, index]))
  const present = [...new Set(placed.map(tagKey))].filter((key) => rank.has(key))
  const groups = new Map<string, Code[]>()
  const trailing: Code[] = []
  codes.forEach((code, index) => {
    if (present.includes(code.key)) return
    const next = codes.slice(index + 1).find((later) => present.includes(later.key))
    if (!next) trailing.push(code)
    else groups.set(next.key, [...(groups.get(next.key) ?? []), code])
  })
  const targetOrder = [
    ...present.flatMap((key) => [...(groups.get(key) ?? []), codes[rank.get(key)!]!]),
    ...trailing,
  ]
  if (nesting(targetOrder) === nesting(codes)) {
    for (const key of present) {
      plan.at.set(
        key,
        [...(groups.get(key) ?? []), codes[rank.get(key)!]!].map((code) => code.markup).join(''),
      )
    }
    plan.end = trailing.map((code) => code.markup).join('')
    return plan
  }
  // The original's order: each code the target has writes those up to it not yet written.
  let written = 0
  for (const key of present) {
    const upTo = rank.get(key)! + 1
    plan.at.set(
      key,
      codes
        .slice(written, upTo)
        .map((code) => code.markup)
        .join(''),
    )
    written = Math.max(written, upTo)
  }
  plan.end = codes
    .slice(written)
    .map((code) => code.markup)
    .join('')
  return plan
}

/**
 * What a run of codes does to the fields around it: the separates and ends it applies to
 * fields opened before it, and the fields it leaves open; null when its own fields do not
 * nest (a separate twice, say). Two runs with the same value fit the same place.
 */
function nesting(codes: readonly Code[]): string | null {
  const open: boolean[] = []
  const outside: string[] = []
  let consumed = 0
  for (const event of codes.flatMap((code) => code.events)) {
    if (event === 'begin') open.push(false)
    else if (open.length === 0) {
      outside.push(`${event}@${consumed}`)
      if (event === 'end') consumed++
    } else if (event === 'end') open.pop()
    else if (open.at(-1)) return null
    else open[open.length - 1] = true
  }
  return JSON.stringify([outside, open])
}
