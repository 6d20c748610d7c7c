import { useState } from 'react'
import { requestFile } from '../http/requestJson.ts'
import type { ExportPolicy } from '@qalam/shared/export'
import { exportUrl, type ExportChoice } from './exportUrl.ts'
import { saveFile } from './saveFile.ts'

/**
 * Fetches the export before saving it, so that a refusal (characters the encoding cannot hold)
 * is shown in the dialog instead of downloading an error page as the file.
 */
export function useExportDownload(documentId: string, fallbackName: string) {
  const [isDownloading, setDownloading] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const download = async (choice: ExportChoice, policy: ExportPolicy): Promise<boolean> => {
    setDownloading(true)
    setError(null)
    try {
      const file = await requestFile(exportUrl(documentId, choice, policy))
      saveFile(file.blob, file.fileName ?? fallbackName)
      return true
    } catch (failure) {
      setError(failure)
      return false
    } finally {
      setDownloading(false)
    }
  }
  return { download, isDownloading, error, clearError: () => setError(null) }
}
