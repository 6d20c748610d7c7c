import { readSrx, type CustomRules } from '@qalam/shared/segmentation'
import type { SegmentationStore } from './SegmentationStore.ts'

/**
 * The rules a project's imports segment by. The stored SRX file was read when it was uploaded,
 * so reading it again cannot fail unless the database was edited by hand, which then surfaces
 * as a 500 rather than as rules silently ignored.
 */
export async function projectRules(
  store: SegmentationStore,
  projectId: string,
): Promise<CustomRules> {
  const stored = await store.load(projectId)
  return { srx: stored.srx === null ? null : readSrx(stored.srx), exceptions: stored.exceptions }
}
