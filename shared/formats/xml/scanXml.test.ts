import { describe, expect, test } from 'vitest'
import { rewriteElement } from './editElement.ts'
import { XmlError, childElement, scanXml, textContent } from './scanXml.ts'
import { spliceText } from './spliceText.ts'

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
