import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import type {
  DocumentMeta,
  DocumentProgress,
  SegmentStatus,
  SegmentView,
} from '@qalam/shared/model'
import { SegmentStore } from './SegmentStore.ts'

/** Observes the document's segments while the page shows them. */
export function useSegmentStore(doc: Y.Doc): SegmentStore | null {
  const [store, setStore] = useState<SegmentStore | null>(null)
  useEffect(() => {
    const opened = new SegmentStore(doc)
    setStore(opened)
    return () => {
      opened.destroy()
      setStore(null)
    }
  }, [doc])
  return store
}

/** The snapshot of one segment; the calling component re-renders only when that segment changes. */
export function useSegment(store: SegmentStore, index: number): SegmentView | undefined {
  const subscribe = useCallback(
    (listener: () => void) => store.subscribeRow(index, listener),
    [store, index],
  )
  return useSyncExternalStore(subscribe, () => store.segment(index))
}

export function useSegmentCount(store: SegmentStore): number {
  return useSyncExternalStore(
    (listener) => store.subscribeDocument(listener),
    () => store.length,
  )
}

export function useDocumentMeta(store: SegmentStore): DocumentMeta {
  return useSyncExternalStore(
    (listener) => store.subscribeDocument(listener),
    () => store.documentMeta,
  )
}

/** The live progress, or `counting` (e.g. the server's figure) until the store has counted it. */
export function useLiveProgress(store: SegmentStore, counting: DocumentProgress): DocumentProgress {
  const live = useSyncExternalStore(
    (listener) => store.subscribeDocument(listener),
    () => store.documentProgress,
  )
  return live ?? counting
}

export function useSegmentStatuses(store: SegmentStore): readonly SegmentStatus[] {
  return useSyncExternalStore(
    (listener) => store.subscribeDocument(listener),
    () => store.segmentStatuses,
  )
}
