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

export function useLiveProgress(store: SegmentStore): DocumentProgress {
  return useSyncExternalStore(
    (listener) => store.subscribeDocument(listener),
    () => store.documentProgress,
  )
}

export function useSegmentStatuses(store: SegmentStore): readonly SegmentStatus[] {
  return useSyncExternalStore(
    (listener) => store.subscribeDocument(listener),
    () => store.segmentStatuses,
  )
}
