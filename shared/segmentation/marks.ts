/** Marks that end a sentence unless a language sets its own (`LanguageRules.terminals`). */
export const TERMINALS = '.!?…؟۔‼⁇⁈⁉。！？'
/** Quotes and brackets that close over a final mark and belong to the sentence before. */
export const CLOSERS = `"'”’»)\\]“‘›」』`
