import { readSrx, type CustomRules } from '@qalam/shared/segmentation'
import type { SegmentationStore, StoredSegmentation } from './SegmentationStore.ts'

/**
 * The rules stored settings stand for. The SRX file was read when it was uploaded, so reading it
 * again cannot fail unless the database was edited by hand, which then surfaces as a 500 rather
 * than as rules silently ignored. Pure: a worker thread reads the rules of the import it runs.
 */
export function readRules(stored: StoredSegmentation): CustomRules {
  return { srx: stored.srx === null ? null : readSrx(stored.srx), exceptions: stored.exceptions }
}

/** The rules a project's imports segment by. */
export async function projectRules(
  store: SegmentationStore,
  projectId: string,
): Promise<CustomRules> {
  return readRules(await store.load(projectId))
}
