import { useCallback, useState } from 'react'
import type { Encoding } from '@qalam/shared/api'
import { useRequest } from '../http/useRequest.ts'
import { isTextPreview, previewFile, type FilePreview } from './previewFile.ts'

export type FilePreviewState =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'ready'; preview: FilePreview }
  | { kind: 'failed'; error: unknown }

export interface FilePreviewControl {
  state: FilePreviewState
  /** Shows the file in another encoding; a new file goes back to the detected one. */
  choose(encoding: Encoding): void
  /**
   * What an upload should name: the encoding shown, once the preview of a text file has been
   * read. Never set for XLIFF, which is read in the encoding it declares.
   */
  encoding: Encoding | undefined
}

type Outcome = { ok: true; preview: FilePreview } | { ok: false; error: unknown }
interface Answer {
  file: File | null
  asked: Encoding | null
  outcome: Outcome | null
}

/**
 * The server's preview of `file` in the detected encoding or the one the user picks. Until the
 * answer for the current file and choice arrives the state is `loading`, so a form never sends
 * an encoding that was shown for another file.
 */
export function useFilePreview(projectId: string, file: File | null): FilePreviewControl {
  const [choice, setChoice] = useState<{ file: File; encoding: Encoding } | null>(null)
  const asked = file !== null && choice?.file === file ? choice.encoding : null
  const load = useCallback(
    async (signal: AbortSignal): Promise<Answer> => {
      if (file === null) return { file, asked, outcome: null }
      try {
        const request = { projectId, file, ...(asked === null ? {} : { encoding: asked }) }
        return { file, asked, outcome: { ok: true, preview: await previewFile(request, signal) } }
      } catch (error) {
        return { file, asked, outcome: { ok: false, error } }
      }
    },
    [projectId, file, asked],
  )
  const [request] = useRequest(load)
  const state = stateOf(request.kind === 'loaded' ? request.value : null, file, asked)
  const choose = useCallback(
    (encoding: Encoding) => {
      if (file !== null) setChoice({ file, encoding })
    },
    [file],
  )
  return {
    state,
    choose,
    encoding:
      state.kind === 'ready' && isTextPreview(state.preview) ? state.preview.encoding : undefined,
  }
}

function stateOf(
  answer: Answer | null,
  file: File | null,
  asked: Encoding | null,
): FilePreviewState {
  if (file === null) return { kind: 'none' }
  if (answer === null || answer.file !== file || answer.asked !== asked || answer.outcome === null)
    return { kind: 'loading' }
  return answer.outcome.ok
    ? { kind: 'ready', preview: answer.outcome.preview }
    : { kind: 'failed', error: answer.outcome.error }
}
