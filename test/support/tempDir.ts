import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface TempDir {
  path: string
  remove(): Promise<void>
}

export async function makeTempDir(prefix = 'qalam-test-'): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), prefix))
  // Retried: a server or worker thread being stopped may still write a file (a WAL, a journal)
  // while the folder is removed, which fails the removal with ENOTEMPTY.
  return {
    path,
    remove: () => rm(path, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }),
  }
}
