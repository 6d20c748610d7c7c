// `npm run bench -- NAME` runs test/bench/NAME.ts, which prints one JSON object of this machine's figures.
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname } from 'node:path'

const here = dirname(fileURLToPath(import.meta.url))
const available = readdirSync(here)
  .filter((file) => file.endsWith('.ts') && file !== 'main.ts')
  .map((file) => file.slice(0, -3))

const name = process.argv[2]
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <${available.join('|')}>`)
  process.exit(2)
}
await import(`./${name}.ts`)
