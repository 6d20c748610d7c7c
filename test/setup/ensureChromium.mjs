// Browser tests drive Debian's Chromium, and the XLIFF schema test runs xmllint (Debian's
// libxml2-utils); a fresh machine may have neither yet.
import { existsSync } from 'node:fs'
import { execSync } from 'node:child_process'

const needed = [
  ['/usr/bin/chromium', 'chromium'],
  ['/usr/bin/xmllint', 'libxml2-utils'],
].filter(([file]) => !existsSync(file))
if (needed.length > 0) {
  const packages = needed.map(([, name]) => name).join(' ')
  console.log(
    `[pretest] ${needed.map(([file]) => file).join(', ')} missing: installing ${packages} (apt-get)…`,
  )
  execSync(
    `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages}`,
    {
      stdio: 'inherit',
    },
  )
}
