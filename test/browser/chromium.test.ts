/**
 * The top of the browser suite: is Chromium there (without it: one line saying why the
 * suite is skipped, or a failure under CI), does the no-network guard hold, and does
 * every medium of the catalogue have its browser test.
 */
import fs from 'node:fs'
import path from 'node:path'
import type {Browser} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {MEDIA_IDS} from '../../src/catalog/media.js'
import {CHROMIUM, CHROMIUM_FOUND, describeBrowser, IN_CI, launchBrowser, openSession, SKIP_LINE} from '../helpers/browser.js'
import {ROOT} from '../helpers/cli.js'

if (!CHROMIUM_FOUND && !IN_CI) console.warn(SKIP_LINE)

let browser: Browser

describeBrowser('Chromium for the browser suite', () => {
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it(`launches ${CHROMIUM} headless`, async () => {
    expect(browser.version()).toMatch(/^\d+\./)
  })

  it('blocks and reports requests that would leave 127.0.0.1', async () => {
    const session = await openSession(browser)
    try {
      // 192.0.2.0/24 is TEST-NET-1: never routed, and the guard aborts it before it is tried.
      await session.page.setContent('<img src="https://example.invalid/x.png">')
      await session.page.evaluate(() =>
        fetch('http://192.0.2.1/').then(
          () => 'answered',
          () => 'failed',
        ),
      )
      expect(session.blocked.sort()).toEqual(['http://192.0.2.1/', 'https://example.invalid/x.png'])
    } finally {
      await session.context.close()
    }
  })
})

describe('browser test coverage', () => {
  it('every medium of the catalogue has a browser test', () => {
    const dir = path.join(ROOT, 'test', 'browser')
    const sources = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.test.ts') && f !== 'chromium.test.ts')
      .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
      .join('\n')
    // A medium counts as covered when a browser test generates it with `gwe-int new <media>`.
    const uncovered = MEDIA_IDS.filter((id) => !new RegExp(`\\[\\s*'${id}'`).test(sources) && !sources.includes(`media: '${id}'`))
    expect(uncovered).toEqual([])
  })
})
