import { describe, expect, test } from 'vitest'
import { rewriteElement } from './editElement.ts'
import { XmlError, scanXml, streamXml, type XmlElement } from './scanXml.ts'
import { childElement, textContent } from './xmlText.ts'
import { spliceText, spliceWriter } from './spliceText.ts'

describe('scanXml', () => {
  const text =
    '<?xml version="1.0"?>\n<a xmlns:q="urn:q" x="1>2"><b q:k="v"/>t&amp;x<!-- c < d --><?pi z?><![CDATA[<raw>]]>😀é</a >'

  test('gives each element the exact ranges of its tags and content', () => {
    const root = scanXml(text).root
    expect(text.slice(root.start, root.contentStart)).toBe('<a xmlns:q="urn:q" x="1>2">')
    expect(text.slice(root.contentEnd, root.end)).toBe('</a >')
    const b = childElement(root, 'b')!
    expect(text.slice(b.start, b.end)).toBe('<b q:k="v"/>')
    expect(b.attributes['q:k']).toBe('v')
  })

  test('reads text between markup with references and CDATA decoded, comments left out', () => {
    expect(textContent(scanXml(text).root)).toBe('t&x<raw>😀é')
  })

  test.each([
    ['a DOCTYPE', '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>', 'dtd'],
    ['an undeclared entity', '<a>&nbsp;</a>', 'malformed'],
    ['a tag left open', '<a><b></a>', 'malformed'],
    ['no element at all', '<?xml version="1.0"?>', 'malformed'],
    ['nesting past the limit', `${'<a>'.repeat(101)}${'</a>'.repeat(101)}`, 'too_deep'],
  ])('refuses %s', (_name, xml, code) => {
    expect(() => scanXml(xml)).toThrow(XmlError)
    try {
      scanXml(xml)
    } catch (error) {
      expect((error as XmlError).code).toBe(code)
    }
  })
})

describe('rewriteElement', () => {
  test('replaces an attribute where it stands and adds a missing one, keeping the rest', () => {
    const text = "<t  a='1' state=\"new\" z='2'>old</t>"
    const element = scanXml(text).root
    const out = spliceText(
      text,
      rewriteElement(element, text, {
        content: 'new &amp;',
        attributes: { state: 'final', q: 'x' },
      }),
    )
    expect(out).toBe('<t  a=\'1\' state="final" z=\'2\' q="x">new &amp;</t>')
  })

  test('gives a self-closing element an end tag when it gets content', () => {
    const text = '<t state="new"/>'
    const out = spliceText(text, rewriteElement(scanXml(text).root, text, { content: 'x' }))
    expect(out).toBe('<t state="new">x</t>')
  })
})

describe('streamXml', () => {
  const text = '<r a="1"><c><u n="1"><!-- x -->a<b/></u></c><u n="2">b</u><v><u n="3"/></v></r>'

  test('builds whole only the chosen elements, in order, and tells the others as they open', () => {
    const opened: string[] = []
    const read: XmlElement[] = []
    streamXml(text, {
      onOpen: (element) => opened.push(element.name),
      isWhole: (element) => element.name === 'u' && element.parent?.name !== 'v',
      onWhole: (element) => read.push(element),
    })
    expect(opened).toEqual(['r', 'c', 'u', 'u', 'v', 'u'])
    expect(read.map((element) => element.attributes.n)).toEqual(['1', '2'])
    const first = read[0]!
    expect(text.slice(first.start, first.end)).toBe('<u n="1"><!-- x -->a<b/></u>')
    expect(first.children.map((child) => child.kind)).toEqual(['other', 'text', 'element'])
    expect(textContent(first)).toBe('a')
    // The containers keep no children: nothing of a unit outlives its turn.
    expect(first.parent!.children).toEqual([])
  })

  test('lets a reader error through as it is and still refuses malformed XML', () => {
    const refusal = new RangeError('not this one')
    const reader = {
      isWhole: () => false,
      onWhole: () => undefined,
      onOpen: () => {
        throw refusal
      },
    }
    expect(() => streamXml(text, reader)).toThrow(refusal)
    expect(() => streamXml('<r><u></r>', { isWhole: () => true, onWhole: () => {} })).toThrow(
      XmlError,
    )
  })
})

describe('spliceWriter', () => {
  test('applies batches front to back and refuses one that reaches back', () => {
    const writer = spliceWriter('abcdef')
    writer.add([
      { start: 3, end: 4, insert: 'D' },
      { start: 0, end: 1, insert: 'A' },
    ])
    expect(() => writer.add([{ start: 2, end: 3, insert: 'x' }])).toThrow(/overlapping/)
    writer.add([{ start: 6, end: 6, insert: '!' }])
    expect(writer.finish()).toBe('AbcDef!')
  })
})
