import ar from './ar.json'
import de from './de.json'
import en from './en.json'
import fr from './fr.json'
import independentBg from './independent/bg.json'
import independentDa from './independent/da.json'
import independentEl from './independent/el.json'
import independentEn from './independent/en.json'
import independentEs from './independent/es.json'
import independentFa from './independent/fa.json'
import independentHy from './independent/hy.json'
import independentIt from './independent/it.json'
import independentKk from './independent/kk.json'
import independentNl from './independent/nl.json'
import independentPl from './independent/pl.json'
import independentRu from './independent/ru.json'
import independentSk from './independent/sk.json'
import independentTr from './independent/tr.json'
import independentUk from './independent/uk.json'
import independentUr from './independent/ur.json'
import kk from './kk.json'
import ru from './ru.json'

/** A hand-checked case: a text and the segments it must split into, in order. */
export interface GoldenCase {
  text: string
  segments: string[]
}

/** Golden segmentation cases by language; the tests and `npm run bench -- segment` read these. */
export const GOLDEN_CASES: Record<string, GoldenCase[]> = { en, ru, kk, ar, de, fr }

/**
 * A second set, written from each language's punctuation conventions after the rules and never
 * tuned against: the new languages, and the abbreviation and ellipsis classes of en, ru and kk.
 * The bench reports it apart from `GOLDEN_CASES`.
 */
export const INDEPENDENT_CASES: Record<string, GoldenCase[]> = {
  en: independentEn,
  ru: independentRu,
  kk: independentKk,
  es: independentEs,
  it: independentIt,
  da: independentDa,
  sk: independentSk,
  bg: independentBg,
  pl: independentPl,
  uk: independentUk,
  tr: independentTr,
  fa: independentFa,
  ur: independentUr,
  hy: independentHy,
  el: independentEl,
  nl: independentNl,
}
