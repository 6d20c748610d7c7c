import { align, type Bead } from '@qalam/shared/alignment'
import { parsePlainText } from '@qalam/shared/formats'
import type { CustomRules } from '@qalam/shared/segmentation'

/**
 * One text of the pair as the review screen needs it: its sentences, their paragraphs, and the
 * whitespace around them, so that the confirmed document can be exported in the file's layout.
 */
export interface AlignmentSide {
  sentences: string[]
  /** 0-based paragraph index of each sentence. */
  paragraphs: number[]
  /** The whitespace before each sentence (from the start of the text for the first). */
  gaps: string[]
  /** The whitespace after the last sentence. */
  trailing: string
}

export interface AlignmentProposal {
  title: string
  sourceLang: string
  targetLang: string
  source: AlignmentSide
  target: AlignmentSide
  beads: Bead[]
}

export interface AlignmentRequest {
  title: string
  /** Canonical BCP 47 tags. */
  sourceLang: string
  targetLang: string
  sourceText: string
  targetText: string
  /** The project's segmentation rules (SRX, exceptions); the built-in rules when absent. */
  rules?: CustomRules
}

function splitSide(text: string, lang: string, rules: CustomRules | undefined): AlignmentSide {
  const { segments, trailing } = parsePlainText(text, lang, rules)
  return {
    sentences: segments.map((segment) => segment.source),
    paragraphs: segments.map((segment) => segment.paragraph),
    gaps: segments.map((segment) => segment.before),
    trailing,
  }
}

// Three decimals are more than a reviewer can tell apart and keep large proposals small.
function roundConfidence(bead: Bead): Bead {
  return { ...bead, confidence: Math.round(bead.confidence * 1000) / 1000 }
}

/**
 * Segments a text and its existing translation and pairs their sentences, paragraphs serving as
 * hints. Stores nothing: the proposal goes to a person, who corrects it before a document exists.
 */
export function proposeAlignment(request: AlignmentRequest): AlignmentProposal {
  const source = splitSide(request.sourceText, request.sourceLang, request.rules)
  const target = splitSide(request.targetText, request.targetLang, request.rules)
  const beads = align(source.sentences, target.sentences, {
    sourceLang: request.sourceLang,
    targetLang: request.targetLang,
    sourceParagraphs: source.paragraphs,
    targetParagraphs: target.paragraphs,
  })
  return {
    title: request.title,
    sourceLang: request.sourceLang,
    targetLang: request.targetLang,
    source,
    target,
    beads: beads.map(roundConfidence),
  }
}
