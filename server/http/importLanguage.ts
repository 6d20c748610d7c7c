import type { SegmentInit } from '@qalam/shared/model'
import { detectLanguage } from '@qalam/shared/text'
import { ImportError } from './errors.ts'

/*
 * A text imported under the wrong source language (a Kazakh file left on the form's default,
 * Russian) gets the wrong sentence rules, stemming, memory look-ups and direction, silently. The
 * import job checks the language where it has the segments, and refuses a clear mismatch
 * unless the user confirmed the language they chose.
 */

/** Segments looked at: spread over the document, so a foreign title page does not decide. */
const SAMPLE_SEGMENTS = 200
/** Characters looked at per segment, so a few huge paragraphs cost no more than short ones. */
const SAMPLE_SEGMENT_CHARS = 400

/** Up to `SAMPLE_SEGMENTS` sources picked evenly across the document, each cut short. */
export function sampleSources(segments: readonly SegmentInit[]): string[] {
  const step = Math.max(1, segments.length / SAMPLE_SEGMENTS)
  const samples: string[] = []
  for (let index = 0; index < segments.length && samples.length < SAMPLE_SEGMENTS; index += step) {
    const segment = segments[Math.floor(index)]
    if (segment) samples.push(segment.source.slice(0, SAMPLE_SEGMENT_CHARS))
  }
  return samples
}

/**
 * Throws `import.language_mismatch` (409, with the declared language and the script and
 * language the text shows) when the segments are clearly not in `sourceLang` and the request
 * did not confirm it.
 */
export function requireDeclaredLanguage(
  segments: readonly SegmentInit[],
  sourceLang: string,
  confirmed: boolean,
): void {
  if (confirmed) return
  const mismatch = detectLanguage(sampleSources(segments), sourceLang)
  if (mismatch === null) return
  const looks = mismatch.language ?? `${mismatch.script} script`
  throw new ImportError(
    'import.language_mismatch',
    `The text does not look like ${sourceLang} but like ${looks}; confirm to import it as ${sourceLang} anyway.`,
    { declared: mismatch.declared, script: mismatch.script, language: mismatch.language },
  )
}
