#!/usr/bin/env node
// @ts-check
/**
 * `npm run screenshots`: PNGs of every step a website visitor sees, at 375 px (phone)
 * and 1280 px (desktop), written to test-output/visitor-screenshots/ (git-ignored).
 *
 * It creates a throw-away project with the built CLI (gwe-int new), serves it with
 * `gwe-int preview`, and drives Debian's Chromium (/usr/bin/chromium, or
 * GWE_INT_CHROMIUM) through playwright-core, as the browser tests do. Every request
 * outside 127.0.0.1 is blocked. The widget steps are reached the way a visitor reaches
 * them: each visible empty field gets a plausible answer, then the primary button is
 * pressed; "error" is the same with the GMS stand-in answering 503.
 *
 *   node scripts/screenshots.mjs [--out DIR] [--only NAME,...]
 */
import {spawn, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {chromium} from 'playwright-core'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const BIN = path.join(ROOT, 'bin', 'run.cjs')
const CHROMIUM = process.env.GWE_INT_CHROMIUM ?? '/usr/bin/chromium'
const WIDTHS = [375, 1280]

/** @param {string} name */
const arg = (name) => {
  const i = process.argv.indexOf(name)
  return i > 0 ? process.argv[i + 1] : undefined
}
const OUT = path.resolve(arg('--out') ?? path.join(ROOT, 'test-output', 'visitor-screenshots'))
const ONLY = arg('--only')?.split(',')

/**
 * The integrations photographed: [name, gwe-int new arguments].
 * @type {[string, string[]][]}
 */
const INTEGRATIONS = [
  ['gms-chat', ['gms-chat', '--host', 'https://gms.example.com']],
  ['gms-callback', ['gms-callback', '--host', 'https://gms.example.com', '--scenario', 'VOICE-SCHEDULED-USERTERM', '--locale', 'fr']],
  ['webapi-chat', ['webapi-chat', '--host', 'https://gms.example.com', '--locale', 'de', '--accent', 'darkgreen']],
]

/**
 * @param {string} message
 * @returns {never}
 */
function die(message) {
  console.error(`screenshots: ${message}`)
  process.exit(1)
}

if (!fs.existsSync(BIN) || !fs.existsSync(path.join(ROOT, 'dist'))) die('build first (npm run build)')
if (!fs.existsSync(CHROMIUM)) die(`no Chromium at ${CHROMIUM}; install it with "apt-get install chromium" or set GWE_INT_CHROMIUM`)

const project = fs.mkdtempSync(path.join(os.tmpdir(), 'gwe-int-screenshots-'))
for (const [name, args] of INTEGRATIONS) {
  const run = spawnSync(process.execPath, [BIN, 'new', ...args, '--integration', name, '--yes', '--quiet'], {
    cwd: project,
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1'},
  })
  if (run.status !== 0) die(`gwe-int new ${args.join(' ')} failed: ${run.stderr}`)
}

const preview = spawn(process.execPath, [BIN, 'preview'], {cwd: project, env: {...process.env, NO_COLOR: '1'}, stdio: ['ignore', 'pipe', 'pipe']})
/** @type {string} */
const origin = await new Promise((resolve, reject) => {
  let out = ''
  preview.stdout.on('data', (chunk) => {
    out += chunk
    const m = /^gwe-int preview: (http:\/\/127\.0\.0\.1:\d+)\/$/m.exec(out)
    if (m) resolve(m[1])
  })
  preview.on('exit', (code) => reject(new Error(`gwe-int preview exited (${code}) before printing its URL`)))
})

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
})
fs.mkdirSync(OUT, {recursive: true})
/** @type {string[]} */
const written = []

/**
 * @param {import('playwright-core').Page} page
 * @param {string} file
 */
async function shot(page, file) {
  const target = path.join(OUT, file)
  await page.screenshot({path: target, fullPage: true})
  written.push(path.relative(ROOT, target))
}

/**
 * Fills each visible, enabled, empty field with a plausible answer, as a visitor would.
 * @param {import('playwright-core').Page} page
 */
async function answerForm(page) {
  for (const field of await page.locator('input:visible, textarea:visible, select:visible').all()) {
    if (!(await field.isEditable().catch(() => false))) continue
    const info = await field.evaluate((el) => ({
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute('type') ?? '',
      value: /** @type {HTMLInputElement} */ (el).value,
      auto: el.getAttribute('autocomplete') ?? '',
      name: `${el.id} ${el.getAttribute('name') ?? ''}`,
    }))
    if (info.tag === 'select') {
      const options = await field.locator('option').evaluateAll((os) => os.map((o) => /** @type {HTMLOptionElement} */ (o).value).filter(Boolean))
      if (!info.value && options.length) await field.selectOption(options[0])
    } else if (info.type === 'radio' || info.type === 'checkbox') {
      if (info.type === 'radio' && !(await page.locator(`input[type=radio][name="${await field.getAttribute('name')}"]:checked`).count())) await field.check()
    } else if (!info.value) {
      const value =
        info.type === 'tel' || /phone|number|tel/i.test(info.name + info.auto)
          ? '+44 20 7946 0958'
          : info.type === 'email'
            ? 'ada@example.com'
            : /last|family/i.test(info.name + info.auto)
              ? 'Lovelace'
              : info.tag === 'textarea' || /message|subject/i.test(info.name)
                ? 'Hello, I have a question about my order.'
                : 'Ada'
      await field.fill(value)
    }
  }
}

/** @param {import('playwright-core').Page} page */
async function primaryAction(page) {
  const button = page
    .locator('.gwe-int-btn-primary:visible:enabled, button[type="submit"]:visible:enabled, input[type="submit"]:visible:enabled, button:visible:enabled')
    .first()
  if (!(await button.count())) return false
  await button.click({timeout: 5000})
  await page.waitForLoadState('networkidle').catch(() => undefined)
  await page.waitForTimeout(700)
  return true
}

/**
 * @param {string} name
 * @param {number} status
 */
async function setGmsMode(name, status) {
  await fetch(`${origin}/__gwe-int/gms-mode`, {
    method: 'POST',
    headers: {'content-type': 'application/json'},
    body: JSON.stringify({integration: name, status}),
  })
}

try {
  for (const [name] of INTEGRATIONS) {
    if (ONLY && !ONLY.includes(name)) continue
    for (const width of WIDTHS) {
      for (const mode of ['ok', 'error']) {
        const context = await browser.newContext({viewport: {width, height: width < 600 ? 740 : 860}, deviceScaleFactor: 1})
        await context.route('**/*', (route) =>
          /^(http:\/\/127\.0\.0\.1:\d+\/|about:|data:|blob:)/.test(route.request().url()) ? route.continue() : route.abort('blockedbyclient'),
        )
        const page = await context.newPage()
        await setGmsMode(name, mode === 'error' ? 503 : 200)
        await page.goto(`${origin}/i/${name}/?visitID=SCREENSHOT${width}&pageID=PAGE1`)
        await page.locator('#channel-status[data-state="open"]').waitFor()
        await page.locator('#deliver').click()
        await page.locator('#gwe-int-invite').waitFor()
        // Pressing "Deliver" scrolled to the preview's tools; the visitor is at the top of the shop.
        await page.evaluate(() => window.scrollTo(0, 0))
        await page.waitForTimeout(300)
        // The invitation sits over the top of the page the visitor is on.
        if (mode === 'ok') {
          await page.screenshot({path: path.join(OUT, `${name}-1-invitation-${width}.png`)})
          written.push(path.relative(ROOT, path.join(OUT, `${name}-1-invitation-${width}.png`)))
        }
        const popupEvent = page.waitForEvent('popup')
        await page.locator('#gwe-int-invite-accept').click()
        const popup = await popupEvent
        await popup.waitForURL((u) => u.protocol === 'http:')
        await popup.setViewportSize({width, height: width < 600 ? 740 : 860})
        await popup.waitForLoadState('networkidle').catch(() => undefined)
        await popup.waitForTimeout(500)
        if (mode === 'ok') await shot(popup, `${name}-2-widget-${width}.png`)
        await answerForm(popup)
        if (await primaryAction(popup)) await shot(popup, `${name}-${mode === 'ok' ? '3-after-submit' : '4-error'}-${width}.png`)
        await context.close()
      }
    }
    await setGmsMode(name, 200)
  }
} finally {
  await browser.close()
  preview.kill('SIGTERM')
  fs.rmSync(project, {recursive: true, force: true})
}
console.log(written.join('\n'))
console.log(`screenshots: ${written.length} PNGs in ${path.relative(ROOT, OUT) || '.'}`)
