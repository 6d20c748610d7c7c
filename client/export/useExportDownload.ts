import { useState } from 'react'
import { requestFile } from '../http/requestJson.ts'
import type { ExportPolicy } from '@qalam/shared/export'
import { exportUrl, type ExportChoice } from './exportUrl.ts'

const REVOKE_AFTER_MS = 60_000

/** Hands a received file to the browser's downloads under `fileName`. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  // Revoked late: a browser may still be reading a large file from the URL after the click.
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS)
}

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
