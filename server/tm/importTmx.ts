import { randomUUID } from 'node:crypto'
import {
  createTmxParser,
  DEFAULT_TMX_LIMITS,
  mapLanguage,
  type TmxHeader,
  type TmxLimits,
  type TmxUnit,
  type TmxVariant,
} from '@qalam/shared/formats'
import type { NewUnit, TranslationMemoryStore, UnitsWritten } from './TranslationMemoryStore.ts'
import { CONTEXT_PROPS } from './contextProps.ts'

/** Why a unit of a file was left out (the file itself was fine). */
export const SKIP_REASONS = ['no_source', 'no_target', 'empty', 'too_long'] as const
export type SkipReason = (typeof SKIP_REASONS)[number]

export interface ImportProgress {
  bytesRead: number
  /** `<tu>` elements read so far. */
  unitsRead: number
  skipped: Record<SkipReason, number>
}

export interface ImportSummary extends ImportProgress, UnitsWritten {
  /** The header's `srclang`, for the report. */
  headerSourceLang: string | null
  /** The most units held in memory at once between reading and storing them. */
  peakBufferedUnits: number
}

export interface ImportTmxOptions {
  store: TranslationMemoryStore
  memoryId: string
  /** The file's bytes in order; read once, one chunk at a time. */
  input: AsyncIterable<Uint8Array>
  /** Canonical tags; each variant's `xml:lang` is mapped onto them (`kk-KZ` → `kk`). */
  sourceLang: string
  targetLang: string
  /** Who a unit is by when the file names nobody. */
  fallbackAuthor: string
  onProgress?: (progress: ImportProgress) => void
  now?: number
  limits?: TmxLimits
  /** Units are written to the staging table this many at a time. */
  batchSize?: number
  /** A segment longer than this is skipped as `too_long` (the editor would refuse it too). */
  maxSegmentChars?: number
}

/** Progress before the first byte: nothing read, nothing skipped. */
export function emptyProgress(): ImportProgress {
  return {
    bytesRead: 0,
    unitsRead: 0,
    skipped: { no_source: 0, no_target: 0, empty: 0, too_long: 0 },
  }
}

const DEFAULT_BATCH = 1000
const DEFAULT_MAX_SEGMENT_CHARS = 20_000

function isEmpty(variant: TmxVariant): boolean {
  return variant.seg.text.trim() === '' && variant.seg.tags.length === 0
}

/**
 * Reads a TMX file as it arrives and stores its units in a memory, all or nothing: units are
 * staged in batches while the file streams in and committed together once the whole file has
 * been read; a refused file (`TmxError`, with its line) or a failing input leaves the memory
 * as it was. Memory use is bounded by one input chunk and one batch, whatever the file's size.
 */
export async function importTmx(options: ImportTmxOptions): Promise<ImportSummary> {
  const { store, memoryId, sourceLang, targetLang, fallbackAuthor } = options
  const now = options.now ?? Date.now()
  const batchSize = options.batchSize ?? DEFAULT_BATCH
  const maxSegmentChars = options.maxSegmentChars ?? DEFAULT_MAX_SEGMENT_CHARS
  const languages = [sourceLang, targetLang]
  const importId = randomUUID()
  const progress = emptyProgress()
  let header: TmxHeader | null = null
  let batch: NewUnit[] = []
  let peakBufferedUnits = 0

  // A file spells its languages a handful of ways; mapping each spelling once keeps the Intl
  // work out of the per-unit path.
  const mapped = new Map<string, string | null>()
  const languageOf = (tag: string) => {
    let language = mapped.get(tag)
    if (language === undefined) {
      language = mapLanguage(tag, languages)
      if (mapped.size < 1000) mapped.set(tag, language)
    }
    return language
  }

  const toUnit = (tu: TmxUnit): NewUnit | SkipReason => {
    const find = (lang: string) => tu.variants.find((variant) => languageOf(variant.lang) === lang)
    const source = find(sourceLang)
    const target = find(targetLang)
    if (!source) return 'no_source'
    if (!target) return 'no_target'
    if (isEmpty(source) || isEmpty(target)) return 'empty'
    if (source.seg.text.length > maxSegmentChars || target.seg.text.length > maxSegmentChars) {
      return 'too_long'
    }
    const createdBy = target.creationId ?? tu.creationId ?? header?.creationId ?? fallbackAuthor
    const createdAt = target.creationDate ?? tu.creationDate ?? header?.creationDate ?? now
    return {
      sourceLang,
      targetLang,
      source: source.seg,
      target: target.seg,
      previousSource: tu.props?.[CONTEXT_PROPS.previous] ?? null,
      nextSource: tu.props?.[CONTEXT_PROPS.next] ?? null,
      origin: 'tmx',
      documentId: null,
      segmentId: null,
      createdBy,
      createdAt,
      changedBy: target.changeId ?? tu.changeId ?? createdBy,
      changedAt: target.changeDate ?? tu.changeDate ?? createdAt,
    }
  }

  const parser = createTmxParser(
    {
      header: (value) => {
        header = value
      },
      unit: (tu) => {
        progress.unitsRead++
        const unit = toUnit(tu)
        if (typeof unit === 'string') progress.skipped[unit]++
        else batch.push(unit)
        peakBufferedUnits = Math.max(peakBufferedUnits, batch.length)
      },
    },
    options.limits ?? DEFAULT_TMX_LIMITS,
  )

  const flush = async () => {
    if (batch.length === 0) return
    const units = batch
    batch = []
    await store.stageUnits(importId, memoryId, units)
  }

  try {
    for await (const chunk of options.input) {
      progress.bytesRead += chunk.length
      parser.write(chunk)
      if (batch.length >= batchSize) await flush()
      options.onProgress?.(progress)
    }
    parser.close()
    await flush()
    const written = await store.commitImport(importId)
    options.onProgress?.(progress)
    return {
      ...progress,
      ...written,
      headerSourceLang: (header as TmxHeader | null)?.srcLang ?? null,
      peakBufferedUnits,
    }
  } catch (error) {
    await store.discardImport(importId)
    throw error
  }
}
