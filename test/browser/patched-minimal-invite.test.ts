/**
 * What `patch` inserts into a team's invite.html depends on nothing that file may lack: a
 * minimal invitation defining only onAccept, sendInviteResult and the types (no error(),
 * log(), openWindow() or tracker) is patched for every medium that has a starter, then run
 * in Chromium with and without `_gt`; accepting never throws and sendInviteResult runs.
 */
import fs from 'node:fs'
import path from 'node:path'
import type {Browser} from 'playwright-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {gweInt, tempDir} from '../helpers/cli.js'
import {describeBrowser, launchBrowser} from '../helpers/browser.js'

const MINIMAL = (type: 'CHAT' | 'CALLBACK') => `<!doctype html>
<html><head><title>invite</title></head><body>
<script>
var INVITE_TYPE = { CHAT: 'CHAT', CALLBACK: 'CALLBACK' };
var INVITE_RESULT = { ACCEPT_CHAT: 'ACCEPT_CHAT', ACCEPT_CALLBACK: 'ACCEPT_CALLBACK' };
var _config = { type: INVITE_TYPE.${type} };
var results = [];
function sendInviteResult(result) { results.push(result); }
function onAccept() {
  if (_config.type === INVITE_TYPE.CHAT) {
    startChat();
    sendInviteResult(INVITE_RESULT.ACCEPT_CHAT);
  } else if (_config.type === INVITE_TYPE.CALLBACK) {
    startCallback();
    sendInviteResult(INVITE_RESULT.ACCEPT_CALLBACK);
  }
}
</script>
</body></html>
`

const CASES: [string, 'CHAT' | 'CALLBACK', string[]][] = [
  ['gms-chat', 'CHAT', ['--host', 'https://gms.acme.test']],
  ['gms-callback', 'CALLBACK', ['--host', 'https://gms.acme.test']],
  ['webapi-chat', 'CHAT', ['--host', 'https://gms.acme.test']],
  ['genesys-widgets', 'CHAT', []],
  ['genesys-widgets', 'CALLBACK', []],
  ['third-party', 'CHAT', ['--host', 'https://chat.vendor.test/start']],
  ['third-party', 'CHAT', ['--host', 'https://chat.vendor.test/start', '--vendor-function', 'Vendor.open']],
]

const TRACKER = `window._gt = { push: function (cmd) { if (cmd[0] === 'getIDs') { cmd[1]({ visitID: 'V1', pageID: 'P1' }); } } };`

let browser: Browser
const dir = tempDir('gwe-int-minimal-invite-')

describeBrowser('a patched minimal invite.html in Chromium', () => {
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  for (const [media, type, flags] of CASES) {
    const label = `${media} ${type}${flags.includes('--vendor-function') ? ' (vendor function)' : ''}`
    it(`${label}: sendInviteResult runs with and without _gt, nothing throws`, async () => {
      const source = path.join(dir, `${label.replace(/\W+/g, '-')}.html`)
      fs.writeFileSync(source, MINIMAL(type))
      const out = `${source}.patched.html`
      const patch = await gweInt(['patch', source, '--media', media, ...flags, '--out', out], {cwd: dir})
      expect(patch.exitCode, String(patch.stderr)).toBe(0)
      const html = fs.readFileSync(out, 'utf8')
      expect(html, 'no call to a page helper the file may lack').not.toMatch(/(^|[^.\w])(error|log)\(/m)
      for (const tracker of [true, false]) {
        const context = await browser.newContext()
        try {
          await context.route('**/*', (route) => route.abort('blockedbyclient'))
          const page = await context.newPage()
          const errors: string[] = []
          page.on('pageerror', (e) => errors.push(e.message))
          await page.setContent(html.replace('<script>', `<script>${tracker ? TRACKER : ''}\n`))
          const thrown = await page.evaluate(() => {
            try {
              ;(window as unknown as {onAccept: () => void}).onAccept()
              return null
            } catch (e) {
              return String(e)
            }
          })
          expect(thrown, `tracker ${tracker}`).toBeNull()
          // getIDs answers at once or after its 3 s fallback; either way the result is reported now.
          expect(await page.evaluate(() => (window as unknown as {results: string[]}).results)).toEqual([`ACCEPT_${type}`])
          expect(errors, `tracker ${tracker}`).toEqual([])
        } finally {
          await context.close()
        }
      }
    }, 60_000)
  }
})
