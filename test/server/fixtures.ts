import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The Russian sample article of test/fixtures/samples (no BOM, 14 lines, 16 segments). */
export const SAMPLE_PATH = fileURLToPath(
  new URL('../fixtures/samples/archives.ru.txt', import.meta.url),
)
export const SAMPLE_BYTES = new Uint8Array(readFileSync(SAMPLE_PATH))
export const SAMPLE_TEXT = new TextDecoder().decode(SAMPLE_BYTES)
