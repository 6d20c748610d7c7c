import * as Y from 'yjs'
import {
  SEGMENT_KEYS,
  documentProgress,
  metaMap,
  readMeta,
  readSegment,
  rememberingSourceWordCounter,
  segmentAt,
  segmentCount,
  segmentStatus,
  segmentsArray,
  type DocumentMeta,
  type DocumentProgress,
  type SegmentMap,
  type SegmentStatus,
  type SegmentView,
} from '@qalam/shared/model'

type Listener = () => void

/**
 * Sources counted per task while the first count runs: a few milliseconds each, so a click or a
 * keystroke waits at most that long.
 */
const COUNT_SLICE = 500

/**
 * Per-segment snapshots of a document for the grid. It observes the segments deeply once and,
 * on each change, invalidates only the segments the change touched, so a keystroke re-renders
 * one row rather than re-reading the document. Snapshots are read lazily: rows scrolled out of
 * view are never read.
 */
export class SegmentStore {
  private readonly snapshots = new Map<number, SegmentView>()
  private readonly rowListeners = new Map<number, Set<Listener>>()
  private readonly documentListeners = new Set<Listener>()
  private count: number
  private meta: DocumentMeta
  private progress: DocumentProgress | null = null
  private readonly countSource = rememberingSourceWordCounter()
  private isCounted = false
  private countTimer: ReturnType<typeof setTimeout> | null = null
  private statuses: readonly SegmentStatus[] | null = null
  private indexes: Map<SegmentMap, number> | null = null
  // Collected while Yjs applies a transaction, announced once it has finished.
  private pendingRows = new Set<number>()
  private isDocumentDirty = false
  private readonly segments: Y.Array<Y.Map<unknown>>

  constructor(private readonly doc: Y.Doc) {
    this.segments = segmentsArray(doc)
    this.count = segmentCount(doc)
    this.meta = readMeta(doc)
    this.segments.observeDeep(this.onSegmentsChange)
    doc.on('afterTransaction', this.onAfterTransaction)
    this.countSources()
  }

  destroy(): void {
    if (this.countTimer !== null) clearTimeout(this.countTimer)
    this.countTimer = null
    this.segments.unobserveDeep(this.onSegmentsChange)
    this.doc.off('afterTransaction', this.onAfterTransaction)
    this.rowListeners.clear()
    this.documentListeners.clear()
  }

  get length(): number {
    return this.count
  }

  get documentMeta(): DocumentMeta {
    return this.meta
  }

  /**
   * Progress of the live document; recomputed only after a status or the segment list changed.
   * Null until every source's words have been counted once, which runs in slices after the store
   * opens or the list of segments changes (the document arriving), so the first rows do not wait.
   */
  get documentProgress(): DocumentProgress | null {
    if (!this.isCounted) return null
    if (this.progress === null) {
      // Read together, so that a status change can update both from the segment's old status.
      this.statuses ??= this.segments.toArray().map(segmentStatus)
      this.progress = documentProgress(this.doc, this.countSource)
    }
    return this.progress
  }

  /** The status of every segment in document order, for filters; changes with the progress. */
  get segmentStatuses(): readonly SegmentStatus[] {
    this.statuses ??= this.segments.toArray().map(segmentStatus)
    return this.statuses
  }

  segment(index: number): SegmentView | undefined {
    let snapshot = this.snapshots.get(index)
    if (snapshot === undefined) {
      const segment = segmentAt(this.doc, index)
      if (segment === undefined) return undefined
      snapshot = readSegment(segment, index)
      this.snapshots.set(index, snapshot)
    }
    return snapshot
  }

  /**
   * Counts the words of every source not counted yet, a slice per task. Counting 10,000 sources
   * takes a few hundred milliseconds, which the first rows (and the first click) must not wait for.
   */
  private countSources(): void {
    if (this.countTimer !== null) clearTimeout(this.countTimer)
    this.isCounted = false
    const segments = this.segments.toArray()
    this.countTimer = setTimeout(() => this.countSlice(segments, 0))
  }

  private countSlice(segments: readonly SegmentMap[], start: number): void {
    const end = Math.min(start + COUNT_SLICE, segments.length)
    for (let i = start; i < end; i++) this.countSource(segments[i]!, this.meta.sourceLang)
    if (end < segments.length) {
      this.countTimer = setTimeout(() => this.countSlice(segments, end))
      return
    }
    this.countTimer = null
    this.isCounted = true
    for (const listener of this.documentListeners) listener()
  }

  subscribeRow(index: number, listener: Listener): () => void {
    let listeners = this.rowListeners.get(index)
    if (listeners === undefined) {
      listeners = new Set()
      this.rowListeners.set(index, listeners)
    }
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
      if (listeners.size === 0) this.rowListeners.delete(index)
    }
  }

  /** Notified when the list of segments, the meta or the progress changes. */
  subscribeDocument(listener: Listener): () => void {
    this.documentListeners.add(listener)
    return () => this.documentListeners.delete(listener)
  }

  private readonly onSegmentsChange = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>): void => {
    for (const event of events) {
      if (event.target === this.segments) {
        this.onListChange()
        continue
      }
      // Not `event.path`: Yjs works it out by walking the array from its first segment, which
      // costs a few thousand steps on every keystroke deep in a long document.
      const segment = this.segmentOf(event.target)
      const index = segment === null ? undefined : this.indexOf(segment)
      if (segment === null || index === undefined) continue
      this.snapshots.delete(index)
      this.pendingRows.add(index)
      if (event instanceof Y.YMapEvent && event.keysChanged.has(SEGMENT_KEYS.status))
        this.onStatusChange(segment, index)
    }
  }

  /** The segment map `type` belongs to: the type itself or one of its ancestors. */
  private segmentOf(type: Y.AbstractType<unknown>): SegmentMap | null {
    let current: Y.AbstractType<unknown> | null = type
    while (current !== null && current.parent !== this.segments) current = current.parent
    return current instanceof Y.Map ? (current as SegmentMap) : null
  }

  private indexOf(segment: SegmentMap): number | undefined {
    if (this.indexes === null) {
      const indexes = new Map<SegmentMap, number>()
      this.segments.forEach((each, index) => indexes.set(each, index))
      this.indexes = indexes
    }
    return this.indexes.get(segment)
  }

  /**
   * Keeps the statuses and the progress without reading the other segments: a translator's
   * first letter in a segment makes it a draft, and that keystroke must not wait for a pass over
   * 10,000 of them.
   */
  private onStatusChange(segment: SegmentMap, index: number): void {
    const status = segmentStatus(segment)
    const before = this.statuses?.[index]
    if (before === status) return
    if (this.statuses !== null && before !== undefined) {
      const statuses = this.statuses.slice()
      statuses[index] = status
      this.statuses = statuses
      if (this.progress !== null)
        this.progress = withStatusMoved(
          this.progress,
          before,
          status,
          this.countSource(segment, this.meta.sourceLang),
        )
    } else {
      this.statuses = null
      this.progress = null
    }
    this.isDocumentDirty = true
  }

  /** Segments inserted or removed: every index may have moved. */
  private onListChange(): void {
    this.snapshots.clear()
    this.indexes = null
    this.count = segmentCount(this.doc)
    this.countSources()
    this.progress = null
    this.statuses = null
    this.isDocumentDirty = true
    for (const row of this.rowListeners.keys()) this.pendingRows.add(row)
  }

  private changesMeta(transaction: Y.Transaction): boolean {
    const meta: unknown = metaMap(this.doc)
    for (const type of transaction.changed.keys()) if (type === meta) return true
    return false
  }

  // Listeners run once per transaction, after Yjs has finished applying it.
  private readonly onAfterTransaction = (transaction: Y.Transaction): void => {
    if (this.changesMeta(transaction)) {
      this.meta = readMeta(this.doc)
      this.isDocumentDirty = true
    }
    const rows = this.pendingRows
    this.pendingRows = new Set()
    for (const row of rows) for (const listener of this.rowListeners.get(row) ?? []) listener()
    if (this.isDocumentDirty) {
      this.isDocumentDirty = false
      for (const listener of this.documentListeners) listener()
    }
  }
}

/** `progress` after one segment of `words` source words moved from `from` to `to`. */
function withStatusMoved(
  progress: DocumentProgress,
  from: SegmentStatus,
  to: SegmentStatus,
  words: number,
): DocumentProgress {
  if (from === to) return progress
  const isTranslated = (status: SegmentStatus) => status === 'translated' || status === 'approved'
  const translated = (isTranslated(to) ? words : 0) - (isTranslated(from) ? words : 0)
  const approved = (to === 'approved' ? words : 0) - (from === 'approved' ? words : 0)
  return {
    ...progress,
    translatedWords: progress.translatedWords + translated,
    approvedWords: progress.approvedWords + approved,
    byStatus: {
      ...progress.byStatus,
      [from]: progress.byStatus[from] - 1,
      [to]: progress.byStatus[to] + 1,
    },
  }
}
