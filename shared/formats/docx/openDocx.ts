import { XmlError, scanXml, type XmlDocument, type XmlElement } from '../xml/index.ts'
import { detectContainer, hasMacros, readZip, type ZipArchive } from '../zip/index.ts'
import { DocxError } from './docxError.ts'
import { isW, wPrefix } from './namespaces.ts'

/*
 * A Word package opened for translation: the zip checked, the main part found through the
 * package relationships (never by a fixed name), and the parts that hold translatable text
 * (the body, footnotes, endnotes, headers and footers) scanned as XML with exact ranges.
 */

export type DocxPartKind = 'document' | 'footnotes' | 'endnotes' | 'header' | 'footer'

export interface DocxPart {
  /** The zip entry name (`word/document.xml`). */
  name: string
  kind: DocxPartKind
  xml: XmlDocument
  /** The prefix the part uses for WordprocessingML, colon included (`w:`). */
  w: string
}

export interface DocxPackage {
  archive: ZipArchive
  /** Translatable parts in reading order: body, footnotes, endnotes, headers, footers. */
  parts: DocxPart[]
  /** The style definitions part's entry name, when there is one (a Kazakh export may fix fonts there). */
  stylesName: string | null
  /** The theme part's entry name, when there is one (its major and minor fonts, likewise). */
  themeName: string | null
}

const PART_ORDER: readonly DocxPartKind[] = [
  'document',
  'footnotes',
  'endnotes',
  'header',
  'footer',
]

/** A part that holds translatable text, found but not yet read. */
export interface DocxPartName {
  name: string
  kind: DocxPartKind
}

/** A checked package and where its translatable parts are, none of them read yet. */
export interface DocxPackageIndex extends Omit<DocxPackage, 'parts'> {
  /** In reading order, the main part first. */
  parts: DocxPartName[]
}

/**
 * Checks the package and finds its parts through the relationships, reading none of them:
 * an export streams each part itself. Throws DocxError / ZipError naming why not.
 */
export function indexDocx(bytes: Uint8Array): DocxPackageIndex {
  const container = detectContainer(bytes)
  if (container === 'ole') {
    throw new DocxError(
      'encrypted',
      'the file is an OLE container: an encrypted Word file or a .doc',
    )
  }
  if (container !== 'zip') throw new DocxError('not_docx', 'the file is not a zip package')
  const archive = readZip(bytes)
  if (hasMacros(archive)) throw new DocxError('macros', 'the document contains macros')
  const types = archive.entry('[Content_Types].xml')
  if (!types) throw new DocxError('not_docx', 'the package has no [Content_Types].xml')
  const mainName = relationshipTargets(archive, '', '_rels/.rels', 'officeDocument')[0]
  const mainEntry = mainName === undefined ? undefined : archive.entry(mainName)
  if (!mainName || !mainEntry)
    throw new DocxError('not_docx', 'the package has no main document part')
  const folder = mainName.includes('/') ? mainName.slice(0, mainName.lastIndexOf('/') + 1) : ''
  const relsName = `${folder}_rels/${mainName.slice(folder.length)}.rels`
  const parts: DocxPartName[] = [{ name: mainName, kind: 'document' }]
  for (const kind of PART_ORDER.slice(1)) {
    for (const name of relationshipTargets(archive, folder, relsName, kind)) {
      if (!archive.entry(name) || parts.some((part) => part.name === name)) continue
      parts.push({ name, kind })
    }
  }
  const related = (type: string) =>
    relationshipTargets(archive, folder, relsName, type).find((name) => archive.entry(name)) ?? null
  return { archive, parts, stylesName: related('styles'), themeName: related('theme') }
}

/** Opens the package and reads its translatable parts, or throws DocxError / ZipError. */
export function openDocx(bytes: Uint8Array): DocxPackage {
  const index = indexDocx(bytes)
  const parts = index.parts.map(({ name, kind }): DocxPart => {
    const xml = scanPart(index.archive, name)
    if (kind === 'document') requireDocumentRoot(xml.root)
    return { name, kind, xml, w: wPrefix(xml.root) }
  })
  return { ...index, parts }
}

/** Throws unless the main part's root is a WordprocessingML document. */
export function requireDocumentRoot(root: XmlElement): void {
  if (!isW(root, 'document')) {
    throw new DocxError('not_docx', 'the main part is not a WordprocessingML document')
  }
}

/** The DocxError for an XML reader's refusal of the part `name`; anything else passes through. */
export function docxXmlError(name: string, error: unknown): unknown {
  if (!(error instanceof XmlError)) return error
  const code = error.code === 'dtd' ? 'dtd' : error.code === 'malformed' ? 'malformed' : 'too_large'
  return new DocxError(code, `${name}: ${error.message}`)
}

/** A part's text as XML with ranges; DocxError for a DTD, malformed XML or past the limits. */
function scanPart(archive: ZipArchive, name: string): XmlDocument {
  const entry = archive.entry(name)
  if (!entry) throw new DocxError('not_docx', `the part ${name} is missing`)
  const text = archive.readText(entry)
  try {
    return scanXml(text)
  } catch (error) {
    throw docxXmlError(name, error)
  }
}

/**
 * Internal targets of the relationships in `relsName` whose type ends with `/type`, as zip
 * entry names resolved against `folder` (the folder of the part the relationships belong to).
 */
function relationshipTargets(
  archive: ZipArchive,
  folder: string,
  relsName: string,
  type: string,
): string[] {
  const entry = archive.entry(relsName)
  if (!entry) return []
  const rels = scanPart(archive, relsName)
  const targets: string[] = []
  for (const child of rels.root.children) {
    if (child.kind !== 'element' || child.local !== 'Relationship') continue
    const relType = child.attributes.Type ?? ''
    const target = child.attributes.Target
    if (!relType.endsWith(`/${type}`) || !target || child.attributes.TargetMode === 'External') {
      continue
    }
    const resolved = resolvePartName(folder, target)
    if (resolved !== null) targets.push(resolved)
  }
  return targets
}

/** `target` resolved against `folder` as a zip entry name; null when it leaves the package. */
function resolvePartName(folder: string, target: string): string | null {
  const path = target.startsWith('/') ? target.slice(1) : folder + target
  const parts: string[] = []
  for (const part of decodeURIComponentSafe(path).split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (parts.length === 0) return null
      parts.pop()
    } else parts.push(part)
  }
  return parts.join('/')
}

function decodeURIComponentSafe(path: string): string {
  try {
    return decodeURIComponent(path)
  } catch {
    return path // not percent-encoded after all: the name as written
  }
}

export type { XmlElement }
