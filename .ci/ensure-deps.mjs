#!/usr/bin/env node
// Installs what a fresh clone lacks before `npm start` / `npm test`:
// npm packages (when node_modules is missing or older than the lockfile) and, with --browser,
// a Chromium for Playwright: CHROMIUM_PATH, else a system chromium, else Playwright's own browser.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'

const root = new URL('..', import.meta.url).pathname
const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

const marker = `${root}node_modules/.package-lock.json`
const lock = `${root}package-lock.json`
if (
  !existsSync(marker) ||
  (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs)
) {
  console.log('Installing npm packages…')
  run('npm', [existsSync(lock) ? 'ci' : 'install', '--no-audit', '--no-fund'])
}

if (process.argv.includes('--browser')) {
  const systemChromium =
    ['CHROMIUM_PATH'].map((key) => process.env[key]).find(Boolean) ??
    ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome']
      .map((name) => {
        try {
          return execFileSync('which', [name], { encoding: 'utf8' }).trim()
        } catch {
          return ''
        }
      })
      .find(Boolean)
  if (systemChromium) {
    console.log(`Playwright will use ${systemChromium}`)
  } else {
    console.log('No system Chromium found: installing Playwright’s own Chromium…')
    run('npx', ['playwright', 'install', 'chromium'])
  }
}
