// npm run bench -- fuzz [SECONDS]: the seeded fuzzer over every target (sync updates,
// awareness, multipart uploads) for longer than `npm test` runs it; prints the cases run and
// the refusals by reason as JSON.
import { fuzzServer } from '../fuzz/fuzzSetup.ts'

const seconds = Number(process.argv[3] ?? 30)
const seed = Number(process.env.FUZZ_SEED ?? 8)
const report = await fuzzServer(['sync', 'multipart'], seed, seconds * 1000)
console.log(JSON.stringify(report, null, 2))
if (report.storedWhenRefused > 0 || Object.keys(report.failures).length > 0) process.exit(1)
