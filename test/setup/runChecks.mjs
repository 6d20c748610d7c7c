// `npm run check`: the static checks (types, lint, formatting) side by side rather than one after
// another; each one's output is printed whole when it ends, and the exit code is the first failure's.
import { spawn } from 'node:child_process'

const scripts = process.argv.slice(2)
if (scripts.length === 0) {
  console.error('usage: node test/setup/runChecks.mjs SCRIPT...')
  process.exit(2)
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const results = await Promise.all(
  scripts.map(
    (script) =>
      new Promise((resolve) => {
        const started = Date.now()
        const child = spawn(npm, ['run', '-s', script], { stdio: ['ignore', 'pipe', 'pipe'] })
        let output = ''
        child.stdout.on('data', (chunk) => (output += chunk))
        child.stderr.on('data', (chunk) => (output += chunk))
        child.on('error', (error) => resolve({ script, code: 1, output: String(error) }))
        child.on('close', (code) => {
          const seconds = ((Date.now() - started) / 1000).toFixed(1)
          process.stdout.write(`\n> ${script} (${seconds} s, exit ${code})\n${output}`)
          resolve({ script, code: code ?? 1 })
        })
      }),
  ),
)
const failed = results.filter((result) => result.code !== 0)
if (failed.length > 0) {
  console.error(`\nfailed: ${failed.map((result) => result.script).join(', ')}`)
  process.exit(failed[0].code)
}
