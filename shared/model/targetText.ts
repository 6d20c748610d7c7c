import * as Y from 'yjs'

/*
 * A segment's target is the XmlText that @lexical/yjs binds its root to. Lexical keeps
 * each block (paragraph) as an embedded XmlText with a `__type` attribute, and each text
 * node as an embedded Y.Map of its properties followed by the node's characters. These
 * two functions are the only places that know that layout.
 */

const PARAGRAPH_TYPE = 'paragraph'
const LINEBREAK_TYPE = 'linebreak'

/** Plain text of a Lexical-shaped XmlText: blocks joined by "\n", line breaks as "\n". */
export function readLexicalText(root: Y.XmlText): string {
  const blocks: string[] = []
  let loose = ''
  for (const op of root.toDelta() as Array<{ insert: unknown }>) {
    const insert = op.insert
    if (insert instanceof Y.XmlText) {
      blocks.push(readInline(insert))
    } else if (typeof insert === 'string') {
      loose += insert
    } else if (insert instanceof Y.Map && insert.get('__type') === LINEBREAK_TYPE) {
      loose += '\n'
    }
  }
  if (loose) blocks.unshift(loose)
  return blocks.join('\n')
}

function readInline(block: Y.XmlText): string {
  let text = ''
  for (const op of block.toDelta() as Array<{ insert: unknown }>) {
    const insert = op.insert
    if (typeof insert === 'string') text += insert
    else if (insert instanceof Y.Map && insert.get('__type') === LINEBREAK_TYPE) text += '\n'
    else if (insert instanceof Y.XmlText) text += readInline(insert)
  }
  return text
}

/**
 * Replaces the content of a Lexical-shaped XmlText with one paragraph holding `text`
 * (one paragraph per line), in the layout the Lexical binding itself writes.
 * Must run inside a transaction of the XmlText's document.
 */
export function writeLexicalText(root: Y.XmlText, text: string): void {
  if (root.length > 0) root.delete(0, root.length)
  const lines = text.split('\n')
  lines.forEach((line, index) => {
    const paragraph = new Y.XmlText()
    root.insertEmbed(index, paragraph)
    // Every property a ParagraphNode syncs, so that a binding loading this paragraph finds
    // nothing to write back (a viewer's editor may not write, and two editors opening one
    // segment at once would both do it).
    paragraph.setAttribute('__type', PARAGRAPH_TYPE)
    paragraph.setAttribute('__format', 0 as unknown as string)
    paragraph.setAttribute('__style', '')
    paragraph.setAttribute('__indent', 0 as unknown as string)
    paragraph.setAttribute('__dir', null as unknown as string)
    paragraph.setAttribute('__textFormat', 0 as unknown as string)
    paragraph.setAttribute('__textStyle', '')
    if (line.length === 0) return
    const textNode = new Y.Map<unknown>()
    paragraph.insertEmbed(0, textNode)
    textNode.set('__type', 'text')
    textNode.set('__format', 0)
    textNode.set('__style', '')
    textNode.set('__mode', 0)
    textNode.set('__detail', 0)
    paragraph.insert(1, line)
  })
}
