import { describe, expect, test } from 'vitest'
import type { InlineTag } from '../../model/index.ts'
import { writeInline, type WriteUnnested } from './inlineTags.ts'

const data = (raw: string, el: string, wraps: boolean) =>
  JSON.stringify({ raw, el, id: '1', wraps, identity: `${el}|1` })

const tags: InlineTag[] = [
  { kind: 'open', n: 1, label: 'bold', display: '<b>', data: data('<g id="1">', 'g', true) },
  { kind: 'close', n: 1, label: 'bold', display: '</b>', data: data('</g>', 'g', true) },
  { kind: 'standalone', n: 2, label: 'ph', display: '{0}', data: data('<x id="2"/>', 'x', false) },
]

const spanning: WriteUnnested = (tag, kind, hasPartner) =>
  `<${kind === 'open' ? 'bx' : 'ex'} id="${tag.id}"${hasPartner ? '' : ' lone="yes"'}/>`

describe('writeInline', () => {
  test('writes text escaped and each tag as its original markup', () => {
    const out = writeInline(
      {
        text: 'a < b & c',
        tags: [
          { kind: 'open', n: 1, offset: 2 },
          { kind: 'close', n: 1, offset: 5 },
          { kind: 'standalone', n: 2, offset: 9 },
        ],
      },
      tags,
      spanning,
    )
    expect(out).toBe('a <g id="1">&lt; b</g> &amp; c<x id="2"/>')
  })

  test('writes a crossed pair in its spanning form, so the XML stays well-formed', () => {
    const out = writeInline(
      {
        text: 'ab',
        tags: [
          { kind: 'close', n: 1, offset: 0 },
          { kind: 'open', n: 1, offset: 2 },
        ],
      },
      tags,
      spanning,
    )
    expect(out).toBe('<ex id="1"/>ab<bx id="1"/>')
  })

  test('writes half of a pair alone as isolated, and drops characters XML cannot hold', () => {
    const out = writeInline(
      { text: 'a\u0001b', tags: [{ kind: 'open', n: 1, offset: 0 }] },
      tags,
      spanning,
    )
    expect(out).toBe('<bx id="1" lone="yes"/>ab')
  })
})
