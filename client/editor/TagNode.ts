import {
  $applyNodeReplacement,
  DecoratorNode,
  type DOMExportOutput,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical'
import {
  TAG_NODE_TYPE,
  isTagKind,
  tagChipText,
  type TagKind,
  type TagRef,
} from '@qalam/shared/model'

/*
 * An inline tag in a target: a protected chip naming one of the segment's tags by kind and
 * number (the tag's markup stays in the segment's tag list, never in the editor). A decorator
 * node, so @lexical/yjs stores it as one XmlElement whose attributes are `__kind` and `__n`;
 * the server accepts exactly that shape (TARGET_NODE_TYPES.decorator). The chip is drawn by
 * createDOM, not React, so that the same class serves headless editors in tests.
 */

export type SerializedTagNode = Spread<{ kind: TagKind; n: number }, SerializedLexicalNode>

export class TagNode extends DecoratorNode<null> {
  __kind: TagKind
  __n: number

  static override getType(): string {
    return TAG_NODE_TYPE
  }

  static override clone(node: TagNode): TagNode {
    return new TagNode(node.__kind, node.__n, node.__key)
  }

  static override importJSON(json: SerializedTagNode): TagNode {
    return $createTagNode({ kind: json.kind, n: json.n })
  }

  constructor(kind: TagKind, n: number, key?: NodeKey) {
    super(key)
    this.__kind = kind
    this.__n = n
  }

  override exportJSON(): SerializedTagNode {
    return {
      ...super.exportJSON(),
      type: TAG_NODE_TYPE,
      version: 1,
      kind: this.__kind,
      n: this.__n,
    }
  }

  getTag(): TagRef {
    const latest = this.getLatest()
    return { kind: latest.__kind, n: latest.__n }
  }

  override createDOM(): HTMLElement {
    const chip = document.createElement('span')
    chip.className = `tag-chip tag-chip--${this.__kind}`
    chip.contentEditable = 'false'
    chip.dataset.tagKind = this.__kind
    chip.dataset.tagN = String(this.__n)
    chip.textContent = tagChipText({ kind: this.__kind, n: this.__n })
    return chip
  }

  override updateDOM(): boolean {
    return false
  }

  override exportDOM(): DOMExportOutput {
    return { element: this.createDOM() }
  }

  override isInline(): true {
    return true
  }

  override isKeyboardSelectable(): boolean {
    return true
  }

  override decorate(): null {
    return null
  }
}

export function $createTagNode(tag: TagRef): TagNode {
  const kind = isTagKind(tag.kind) ? tag.kind : 'standalone'
  return $applyNodeReplacement(new TagNode(kind, tag.n))
}

export function $isTagNode(node: LexicalNode | null | undefined): node is TagNode {
  return node instanceof TagNode
}
