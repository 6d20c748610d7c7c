import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { TermRecognizer } from '@qalam/shared/glossary'
import { fetchDocumentTerms, type DocumentTerms, type StoredEntry } from './glossaryApi.ts'

/** The awareness field a client sets after adding a term: peers refetch when it moves. */
const REVISION_FIELD = 'glossaryRevision'

export interface DocumentTermsState {
  terms: DocumentTerms | null
  recognizer: TermRecognizer<string> | null
  /** Tells everyone in the document (and this page) that the glossary changed. */
  announceChange: (revision: number) => void
}

function announcedRevisions(awareness: Awareness): number {
  let latest = 0
  for (const state of awareness.getStates().values()) {
    const value = (state as Record<string, unknown>)[REVISION_FIELD]
    if (typeof value === 'number' && value > latest) latest = value
  }
  return latest
}

/**
 * The terms of the document's project glossaries and a recogniser over them. Kept live: a
 * peer who adds a term publishes a new revision in the document's awareness, and every page
 * in the document refetches when the revision it sees there moves.
 */
export function useDocumentTerms(
  documentId: string,
  awareness: Awareness,
  sourceLang: string,
  targetLang: string,
): DocumentTermsState {
  const [terms, setTerms] = useState<DocumentTerms | null>(null)
  const [generation, setGeneration] = useState(0)
  const announced = useRef(0)
  useEffect(() => {
    const controller = new AbortController()
    fetchDocumentTerms(documentId, controller.signal).then(setTerms, (error: unknown) => {
      // Without terms the editor still works; the panel says none were found, and the next
      // announced change tries again.
      if (!controller.signal.aborted) console.warn('glossary terms unavailable', error)
    })
    return () => controller.abort()
  }, [documentId, generation])
  useEffect(() => {
    const onChange = () => {
      const latest = announcedRevisions(awareness)
      if (latest > announced.current) {
        announced.current = latest
        setGeneration((value) => value + 1)
      }
    }
    awareness.on('change', onChange)
    return () => awareness.off('change', onChange)
  }, [awareness])
  const recognizer = useMemo(() => {
    if (terms === null) return null
    const entries = terms.entries.map(({ entry }: { entry: StoredEntry }) => ({
      id: entry.id,
      entry,
    }))
    return new TermRecognizer(entries, sourceLang, targetLang)
  }, [terms, sourceLang, targetLang])
  const announceChange = useCallback(
    (revision: number) => {
      // Timestamps order announcements from different glossaries and users.
      const value = Math.max(Date.now(), announcedRevisions(awareness) + 1, revision)
      announced.current = value
      awareness.setLocalStateField(REVISION_FIELD, value)
      setGeneration((current) => current + 1)
    },
    [awareness],
  )
  return { terms, recognizer, announceChange }
}
