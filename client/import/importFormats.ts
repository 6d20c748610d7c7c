/**
 * What the import picker offers: plain text, the XLIFF files CAT tools write (Trados'
 * .sdlxliff, memoQ's .mqxliff) and Word documents. The server tells the format from the
 * content, not the name.
 */
export const IMPORT_ACCEPT =
  '.txt,text/plain,.xlf,.xliff,.sdlxliff,.mqxliff,application/xliff+xml,.docx,' +
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
