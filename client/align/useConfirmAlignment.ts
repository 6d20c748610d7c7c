import { useState } from 'react'
import { useNavigate } from 'react-router'
import { ApiError } from '../http/requestJson.ts'
import type { Review } from './alignmentEdits.ts'
import { confirmAlignment, type AlignmentProposal } from './alignmentRequests.ts'
import { confirmedPairs } from './confirmedPairs.ts'

/**
 * Sends the reviewed pairs under the title the manager settled on and opens the new document;
 * keeps the error to show otherwise, including a title left empty.
 */
export function useConfirmAlignment(projectId: string, proposal: AlignmentProposal) {
  const navigate = useNavigate()
  const [isConfirming, setConfirming] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const confirm = async (review: Review, title: string) => {
    if (title.trim() === '') {
      setError(new ApiError('align.empty_title', 'the title is empty', 400))
      return
    }
    setConfirming(true)
    setError(null)
    try {
      const { sourceLang, targetLang, sourceEncoding } = proposal
      const created = await confirmAlignment({
        projectId,
        title: title.trim(),
        sourceLang,
        targetLang,
        pairs: confirmedPairs(review, { sourceLang, targetLang }),
        trailing: review.source.trailing,
        sourceEncoding,
        // The upload form asked; the server wants the confirmation again.
        sameLanguage: sourceLang === targetLang,
      })
      await navigate(`/documents/${encodeURIComponent(created.id)}`)
    } catch (failure) {
      setError(failure)
      setConfirming(false)
    }
  }
  return { confirm, isConfirming, error }
}
