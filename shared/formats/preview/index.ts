export {
  PREVIEW_LOCALES,
  previewLabels,
  previewPage,
  renderTextPreview,
  type PreviewLabels,
  type PreviewLocale,
} from './previewPage.ts'
export { renderDocxPreview, type DocxParts } from './renderDocxPreview.ts'
