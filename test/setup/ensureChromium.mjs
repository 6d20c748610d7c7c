// Browser tests drive Debian's Chromium; a fresh machine may not have it yet.
import { existsSync } from 'node:fs'
import { execSync } from 'node:child_process'

const chromium = '/usr/bin/chromium'
if (!existsSync(chromium)) {
  console.log(`[pretest] ${chromium} is missing: installing Debian's chromium package (apt-get)…`)
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: 'inherit',
  })
}
