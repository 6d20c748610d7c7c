import type { SegmentationException, SrxRule } from '@qalam/shared/segmentation'

/** A project's segmentation settings as stored: the SRX file's text, if any, and exceptions. */
export interface StoredSegmentation {
  srx: string | null
  exceptions: SegmentationException[]
}

/**
 * Where each project keeps its segmentation rules. Callers validate first (the SRX file reads,
 * the exception's regexes compile); the store only keeps what it is given.
 */
export interface SegmentationStore {
  load(projectId: string): Promise<StoredSegmentation>
  /** Replaces the project's SRX file; null goes back to the built-in rules. */
  setSrx(projectId: string, srx: string | null): Promise<void>
  addException(projectId: string, lang: string, rule: SrxRule): Promise<SegmentationException>
  /** False when the project has no such exception. */
  removeException(projectId: string, exceptionId: string): Promise<boolean>
}
