import { describe, expect, test } from 'vitest'
import { mapUnitTags } from './mapUnitTags.ts'

const bold = { open: '<bpt i="1">&lt;b&gt;</bpt>', close: '<ept i="1">&lt;/b&gt;</ept>' }

describe('a memory unit’s codes mapped onto the segment’s tags', () => {
  test('each target code becomes the segment tag its source twin pairs with, where it stands', () => {
    const mapped = mapUnitTags(
      {
        text: 'Редкая книга',
        tags: [
          { at: 0, xml: bold.open },
          { at: 6, xml: bold.close },
          { at: 12, xml: '<ph x="2"/>' },
        ],
      },
      {
        text: 'Сирек кітап',
        tags: [
          { at: 6, xml: bold.open },
          { at: 11, xml: bold.close },
          { at: 11, xml: '<ph x="2"/>' },
        ],
      },
      [
        { kind: 'open', n: 1, offset: 0 },
        { kind: 'close', n: 1, offset: 6 },
        { kind: 'standalone', n: 2, offset: 12 },
      ],
    )
    expect(mapped).toEqual({
      text: 'Сирек кітап',
      tags: [
        { kind: 'open', n: 1, offset: 6 },
        { kind: 'close', n: 1, offset: 11 },
        { kind: 'standalone', n: 2, offset: 11 },
      ],
    })
  })

  test('a unit whose codes do not pair with the segment’s tags gives the text alone', () => {
    expect(
      mapUnitTags({ text: 'Редкая книга', tags: [] }, { text: 'Сирек кітап', tags: [] }, [
        { kind: 'standalone', n: 1, offset: 0 },
      ]),
    ).toEqual({ text: 'Сирек кітап', tags: [] })
  })
})
