import { createCodedTokens, type CodedTokens } from './codedTokens.ts'
import { KIND_CODES } from './tokenCost.ts'

const KIND_CODES_LIST = Object.values(KIND_CODES)
import { tokenKey, tokenStem } from './tokenKeys.ts'
import { tokenize, type TextToken } from './tokenize.ts'

// Raw token text → surface id, so a word seen before is neither folded nor stemmed again.
// Bounded: a memory's vocabulary is large but finite, and the cache is only a shortcut.
const RAW_CACHE_LIMIT = 100_000

/** A text's tokens and their codes, index for index. */
export interface EncodedText {
  tokens: TextToken[]
  coded: CodedTokens
}

/**
 * Numbers for the tokens of one language: equal keys get one surface id, equal stems one stem
 * id. Ids are dense from 0, so tables indexed by id (`stemOf`, `kindOf`) stay typed arrays.
 */
export class TokenVocabulary {
  readonly lang: string
  private readonly surfaceIds = new Map<string, number>()
  private readonly stemIds = new Map<string, number>()
  // One map per kind code, so that a lookup hashes the token as sliced, with no prefix.
  private readonly rawIds = Array.from(KIND_CODES_LIST, () => new Map<string, number>())
  private rawCount = 0
  private stems = new Int32Array(1024)
  private kinds = new Uint8Array(1024)
  private surfaces = 0

  constructor(lang: string) {
    this.lang = lang
  }

  /** Number of distinct surfaces. */
  get size(): number {
    return this.surfaces
  }

  /** Number of distinct stems. */
  get stemCount(): number {
    return this.stemIds.size
  }

  /** Stem id of surface id `surface`. */
  stemOf(surface: number): number {
    return this.stems[surface]!
  }

  /** Kind code of surface id `surface`. */
  kindOf(surface: number): number {
    return this.kinds[surface]!
  }

  /** Stem id of a stem key, or -1 when no token with that stem was ever added. */
  stemId(stemKey: string): number {
    return this.stemIds.get(stemKey) ?? -1
  }

  /**
   * Tokenizes and codes `text`. With `add`, unseen tokens get new ids; without, they get unique
   * negative ids (matching nothing stored) and the vocabulary does not change. The codes are
   * written into `into` when it has room (a scratch buffer reused between calls).
   */
  encode(text: string, add: boolean, into?: CodedTokens): EncodedText {
    const tokens = tokenize(text)
    const coded =
      into && into.surface.length >= tokens.length ? into : createCodedTokens(tokens.length)
    let unseen = -1
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index]!
      const kind = KIND_CODES[token.kind]
      const raw = text.slice(token.start, token.end)
      let surface = this.rawIds[kind]!.get(raw)
      let stem: number
      if (surface !== undefined) {
        stem = this.stems[surface]!
      } else {
        const key = tokenKey(raw, token.kind, this.lang)
        const stemKey = tokenStem(key, token.kind, this.lang)
        surface = this.surfaceIds.get(kind + key)
        if (surface === undefined && add) surface = this.addSurface(kind + key, stemKey, kind)
        if (surface !== undefined) {
          stem = this.stems[surface]!
          this.rememberRaw(kind, raw, surface)
        } else {
          stem = this.stemIds.get(stemKey) ?? unseen
          surface = unseen--
        }
      }
      coded.surface[index] = surface
      coded.stem[index] = stem
      coded.kind[index] = kind
    }
    coded.length = tokens.length
    return { tokens, coded }
  }

  private addSurface(surfaceKey: string, stemKey: string, kind: number): number {
    let stem = this.stemIds.get(stemKey)
    if (stem === undefined) {
      stem = this.stemIds.size
      this.stemIds.set(stemKey, stem)
    }
    const surface = this.surfaces++
    this.surfaceIds.set(surfaceKey, surface)
    if (surface >= this.stems.length) {
      const stems = new Int32Array(this.stems.length * 2)
      stems.set(this.stems)
      this.stems = stems
      const kinds = new Uint8Array(this.kinds.length * 2)
      kinds.set(this.kinds)
      this.kinds = kinds
    }
    this.stems[surface] = stem
    this.kinds[surface] = kind
    return surface
  }

  private rememberRaw(kind: number, raw: string, surface: number): void {
    if (this.rawCount >= RAW_CACHE_LIMIT) {
      for (const map of this.rawIds) map.clear()
      this.rawCount = 0
    }
    this.rawIds[kind]!.set(raw, surface)
    this.rawCount++
  }
}
