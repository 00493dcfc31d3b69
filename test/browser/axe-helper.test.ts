/**
 * The accessibility check every browser test uses (test/helpers/axe.ts): it finds
 * real violations, fails on serious/critical ones, and accepts a moderate one only
 * with a written reason.
 */
import type {Browser, Page} from 'playwright-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {expectAccessible, runAxe} from '../helpers/axe.js'
import {describeBrowser, launchBrowser, openSession} from '../helpers/browser.js'

let browser: Browser

const CLEAN = `<!DOCTYPE html><html lang="en"><head><title>Clean</title></head><body>
<main><h1>Contact us</h1><label for="n">Name</label><input id="n" autocomplete="name"><button type="button">Send</button></main></body></html>`

/** The clean page, but its content outside any landmark: axe's moderate "region" rule. */
const NO_LANDMARK = `<!DOCTYPE html><html lang="en"><head><title>No landmark</title></head><body>
<h1>Contact us</h1><p>Text outside every landmark.</p></body></html>`

async function withPage<T>(html: string, body: (page: Page) => Promise<T>): Promise<T> {
  const session = await openSession(browser)
  try {
    await session.page.setContent(html)
    return await body(session.page)
  } finally {
    await session.context.close()
  }
}

const failureOf = async (run: Promise<unknown>): Promise<string> => {
  try {
    await run
  } catch (error) {
    return (error as Error).message
  }
  return ''
}

describeBrowser('axe-core helper', () => {
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('passes a clean page', async () => {
    await withPage(CLEAN, async (page) => {
      expect(await expectAccessible(page, {label: 'clean page'})).toEqual([])
    })
  })

  it('fails on a critical violation, naming the rule, the element and the page', async () => {
    const html = CLEAN.replace('<label for="n">Name</label>', '')
    await withPage(html, async (page) => {
      const message = await failureOf(expectAccessible(page, {label: 'form without label'}))
      expect(message).toContain('axe-core on form without label')
      expect(message).toMatch(/critical label: Form elements must have labels\n\s+at #n/)
    })
  })

  it('fails on a serious one even when it is listed as allowed', async () => {
    const html = CLEAN.replace('<h1>Contact us</h1>', '<h1 style="color:#aaa">Contact us</h1>')
    await withPage(html, async (page) => {
      const message = await failureOf(expectAccessible(page, {allow: {'color-contrast': 'a grey heading'}}))
      expect(message).toContain('serious color-contrast')
    })
  })

  it('fails on a moderate one unless allowed with a reason', async () => {
    await withPage(NO_LANDMARK, async (page) => {
      expect((await runAxe(page)).map((v) => [v.id, v.impact])).toContainEqual(['region', 'moderate'])
      expect(await failureOf(expectAccessible(page))).toContain('moderate region')
      const rest = await expectAccessible(page, {allow: {region: 'a fixture without landmarks', 'landmark-one-main': 'the same fixture'}})
      expect(rest.map((v) => v.id)).toContain('region')
      expect(await failureOf(expectAccessible(page, {allow: {region: ' '}}))).toContain('allowed axe rule region needs a reason')
    })
  })

  it('checks only the part given by include', async () => {
    await withPage(CLEAN.replace('</main>', '</main><div id="x"><img src="data:,"></div>'), async (page) => {
      expect(await expectAccessible(page, {include: 'main'})).toEqual([])
      expect(await failureOf(expectAccessible(page, {include: '#x'}))).toContain('critical image-alt')
    })
  })
})
