// npm run bench -- fuzz [SECONDS]: the seeded sync fuzzer for longer than `npm test` runs it;
// prints the cases run and the refusals by reason as JSON.
import { fuzzSyncServer } from '../fuzz/fuzzSetup.ts'

const seconds = Number(process.argv[3] ?? 30)
const seed = Number(process.env.FUZZ_SEED ?? 8)
const report = await fuzzSyncServer(seed, seconds * 1000)
console.log(JSON.stringify(report, null, 2))
if (report.storedWhenRefused > 0) process.exit(1)
