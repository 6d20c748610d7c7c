import type { ExportFormat } from '@qalam/shared/model'

/** How an export of each format is served: its media type and file extension. */
export interface ExportFile {
  mediaType: string
  extension: string
}

/**
 * One entry per export format: a format added to `EXPORT_FORMATS` fails to compile until it
 * says how it is served.
 */
export const EXPORT_FILES: Record<ExportFormat, ExportFile> = {
  txt: { mediaType: 'text/plain', extension: 'txt' },
  xliff12: { mediaType: 'application/xliff+xml', extension: 'xlf' },
  xliff20: { mediaType: 'application/xliff+xml', extension: 'xlf' },
  html: { mediaType: 'text/html', extension: 'html' },
  md: { mediaType: 'text/markdown', extension: 'md' },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
  },
  tmx: { mediaType: 'application/x-tmx+xml', extension: 'tmx' },
}
