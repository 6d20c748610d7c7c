/**
 * What the import picker offers: plain text and the XLIFF files CAT tools write (Trados'
 * .sdlxliff, memoQ's .mqxliff). The server tells the format from the content, not the name.
 */
export const IMPORT_ACCEPT = '.txt,text/plain,.xlf,.xliff,.sdlxliff,.mqxliff,application/xliff+xml'
