/**
 * The media whose invitation does all the work, in Chromium: third-party (the vendor page,
 * or a vendor function, with the IDs for correlation only) and the built-in GWE chat and
 * callback (the invitation keeps startChat()/startCallback()). Genesys Widgets has its own
 * file (genesys-widgets.test.ts).
 */
import {expect, it} from 'vitest'
import {acceptIntoPopup, deliverInvitation, describeBrowser, inviteResults, openCustomerPage, type Ids, type Session} from '../helpers/browser.js'
import {usePreviewBrowser} from '../helpers/preview-browser.js'

const IDS: Ids = {visitID: '0A1B2C3D4E5F60718293A4B5C6D7E8F9', pageID: '99887766554433221100FFEEDDCCBBAA'}

describeBrowser('Third-party and built-in GWE media in Chromium', () => {
  const env = usePreviewBrowser({
    prefix: 'gwe-int-browser-invite-',
    integrations: [
      ['third-party', '--integration', 'vendor', '--host', 'https://chat.vendor.example/start?lang=en'],
      ['third-party', '--integration', 'vendor-fn', '--host', 'https://chat.vendor.example/start', '--vendor-function', 'Vendor.chat.open'],
      ['gwe-chat', '--integration', 'gwe-chat'],
      ['gwe-callback', '--integration', 'gwe-callback', '--gwe-version', '8.5'],
    ],
  })

  async function delivered(session: Session, name: string) {
    await env.preview.clear(name)
    const page = await openCustomerPage(session, env.preview, name, IDS)
    await deliverInvitation(page)
    return page
  }

  it('the index page lists every integration and links to its customer page', ({task}) =>
    env.withSession(task, async (session) => {
      const page = session.page
      await page.goto(env.preview.url)
      expect(await page.locator('section[data-integration]').evaluateAll((els) => els.map((e) => e.getAttribute('data-integration')))).toEqual([
        'vendor',
        'vendor-fn',
        'gwe-chat',
        'gwe-callback',
      ])
      await page.locator('section[data-integration="vendor-fn"] h2 a').click()
      await page.locator('#channel-status[data-state="open"]').waitFor()
      expect(new URL(page.url()).pathname).toBe('/i/vendor-fn/')
      expect(await page.locator('#tools-title').textContent()).toBe('gwe-int preview: vendor-fn (Third-party media)')
    }))

  it('third-party: the vendor page opens with visitID and pageID only (no attached data)', ({task}) =>
    env.withSession(task, async (session) => {
      const page = await delivered(session, 'vendor')
      const popup = await acceptIntoPopup(page)
      expect(await inviteResults(page)).toEqual(['ACCEPT_CHAT'])
      const opened = new URL(popup.url())
      expect(opened.pathname).toBe('/i/vendor/vendor/start')
      expect(Object.fromEntries(opened.searchParams)).toEqual({visitID: IDS.visitID, pageID: IDS.pageID})
      expect(await popup.locator('#vendor-query tr[data-key="visitID"] td').textContent()).toBe(IDS.visitID)
      const vendor = await env.preview.requests('vendor', 'vendor')
      expect(vendor.map((r) => [r.method, r.path, r.query])).toEqual([['GET', '/vendor/start', {visitID: IDS.visitID, pageID: IDS.pageID}]])
      expect(await env.preview.requests('vendor', 'gms')).toEqual([])
    }))

  it('third-party with --vendor-function: the function gets the IDs, no window opens', ({task}) =>
    env.withSession(task, async (session) => {
      const page = await delivered(session, 'vendor-fn')
      await page.locator('#gwe-int-invite-accept').click()
      expect(await inviteResults(page)).toEqual(['ACCEPT_CHAT'])
      await page.locator('#vendor-calls li').first().waitFor()
      expect(await page.evaluate(() => (window as unknown as {gweIntVendorCalls: unknown}).gweIntVendorCalls)).toEqual([
        {visitID: IDS.visitID, pageID: IDS.pageID},
      ])
      expect(session.context.pages()).toHaveLength(1)
      expect((await env.preview.requests('vendor-fn')).map((r) => r.service)).toEqual(['gwe'])
    }))

  for (const [name, call, result] of [
    ['gwe-chat', 'startChat()', 'ACCEPT_CHAT'],
    ['gwe-callback', 'startCallback()', 'ACCEPT_CALLBACK'],
  ] as const) {
    it(`${name}: the invitation keeps ${call} and reports ${result}`, ({task}) =>
      env.withSession(task, async (session) => {
        const page = await delivered(session, name)
        await page.locator('#gwe-int-invite-accept').click()
        expect(await inviteResults(page)).toEqual([result])
        // The built-in invitation says where the built-in medium lives (the installation's own invite.html, docs/genesys.md#invite-widget).
        const log = await page.locator('#log li[data-kind="invite error"]').allTextContents()
        expect(log.some((l) => l.includes(`${call} is the built-in GWE`))).toBe(true)
        expect(session.context.pages()).toHaveLength(1)
        expect((await env.preview.requests(name)).map((r) => r.service)).toEqual(['gwe'])
      }))
  }

  for (const name of ['vendor', 'vendor-fn', 'gwe-chat']) {
    it(`${name}: declining reports DECLINE and starts nothing`, ({task}) =>
      env.withSession(task, async (session) => {
        const page = await delivered(session, name)
        await page.locator('#gwe-int-invite-decline').click()
        expect(await inviteResults(page)).toEqual(['DECLINE'])
        expect(await page.locator('#gwe-int-invite').count()).toBe(0)
        expect(session.context.pages()).toHaveLength(1)
        expect(await page.evaluate(() => (window as unknown as {gweIntVendorCalls?: unknown[]}).gweIntVendorCalls ?? [])).toEqual([])
        expect((await env.preview.requests(name)).map((r) => r.service)).toEqual(['gwe'])
      }))
  }
})
