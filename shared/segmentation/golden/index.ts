import ar from './ar.json'
import de from './de.json'
import en from './en.json'
import fr from './fr.json'
import kk from './kk.json'
import ru from './ru.json'

/** A hand-checked case: a text and the segments it must split into, in order. */
export interface GoldenCase {
  text: string
  segments: string[]
}

/** Golden segmentation cases by language; the tests and `npm run bench -- segment` read these. */
export const GOLDEN_CASES: Record<string, GoldenCase[]> = { en, ru, kk, ar, de, fr }
