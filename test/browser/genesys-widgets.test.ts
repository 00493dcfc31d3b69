/**
 * Genesys Widgets in Chromium, against the preview's Widgets stand-in (src/preview/widgets.ts):
 * the site's configuration, the generated extension and the Widgets script in the documented
 * order, then the invitation accepted as a visitor would. Both offers are driven (a CHAT and a
 * CALLBACK integration), as are the wrong orders, which must fail loudly in the console and
 * gently for the visitor.
 */
import type {ConsoleMessage, Page} from 'playwright-core'
import {expect, it} from 'vitest'
import {SITE_WIDGETS_CONFIG} from '../../src/preview/pages.js'
import en from '../../src/locales/en.js'
import {expectAccessible} from '../helpers/axe.js'
import {describeBrowser, expectNotify, inviteResults, type Ids, type Session} from '../helpers/browser.js'
import {type PreviewBrowser, usePreviewBrowser} from '../helpers/preview-browser.js'

const IDS: Ids = {visitID: '0A1B2C3D4E5F60718293A4B5C6D7E8F9', pageID: '99887766554433221100FFEEDDCCBBAA'}
/** What the invitation attaches, laid over the site's own configured userData. */
const ATTACHED = {visitID: IDS.visitID, pageID: IDS.pageID, webengagement: ''}
const CHAT_USER_DATA = {...SITE_WIDGETS_CONFIG.webchat.userData, ...ATTACHED}
const CALLBACK_USER_DATA = {...SITE_WIDGETS_CONFIG.callback.userData, ...ATTACHED}

interface StandInRecord {
  initialised: boolean
  extensionsRun: string[]
  plugins: string[]
  ready: string[]
  commands: {plugin: string; command: string; options: unknown; undocumented?: string[]}[]
  globalBusUses: string[]
  problems: string[]
}

let env: PreviewBrowser

interface Visit {
  page: Page
  errors: string[]
  logs: string[]
  pageErrors: string[]
}

/** The customer page with `query` (include order), its console and uncaught errors recorded, the invitation delivered. */
async function visit(session: Session, name: string, query = ''): Promise<Visit> {
  await env.preview.clear(name)
  const page = session.page
  const errors: string[] = []
  const logs: string[] = []
  const pageErrors: string[] = []
  page.on('console', (m: ConsoleMessage) => (m.type() === 'error' ? errors : logs).push(m.text()))
  page.on('pageerror', (e) => pageErrors.push(e.message))
  await page.goto(`${env.preview.origin}/i/${name}/?visitID=${IDS.visitID}&pageID=${IDS.pageID}${query}`)
  await page.locator('#channel-status[data-state="open"]').waitFor()
  await page.locator('#deliver').click()
  await page.locator('#gwe-int-invite').waitFor()
  return {page, errors, logs, pageErrors}
}

const standIn = (page: Page) => page.evaluate(() => (window as unknown as {gweIntWidgetsStandIn?: StandInRecord}).gweIntWidgetsStandIn ?? null)

/** The notice the visitor gets instead of the medium, closed from the keyboard. */
async function expectNotice(page: Page, text: string): Promise<void> {
  const notice = page.getByRole('alert')
  await notice.waitFor()
  expect(await notice.textContent()).toBe(`${text}${en.inviteUnavailableClose}`)
  await expectAccessible(page, {label: 'notice instead of Genesys Widgets', include: '.gwe-int-unavailable'})
  const close = notice.getByRole('button', {name: en.inviteUnavailableClose})
  expect(await close.evaluate((el) => el === document.activeElement)).toBe(true)
  await page.keyboard.press('Enter')
  expect(await page.getByRole('alert').count()).toBe(0)
}

describeBrowser('Genesys Widgets in Chromium (Widgets stand-in)', () => {
  env = usePreviewBrowser({
    prefix: 'gwe-int-browser-widgets-',
    integrations: [
      ['genesys-widgets', '--integration', 'widgets-chat'],
      ['genesys-widgets', '--integration', 'widgets-callback', '--invite-type', 'CALLBACK'],
    ],
  })

  it('CHAT: Widgets runs the extension at initialisation; accepting sends WebChat.open with the userData through its plugin', ({task}) =>
    env.withSession(task, async (session) => {
      const {page, errors, pageErrors} = await visit(session, 'widgets-chat')
      // Initialised with the page, long before the invitation: the extension ran then, once.
      expect(await standIn(page)).toMatchObject({initialised: true, extensionsRun: ['GweInt'], plugins: ['GweInt'], ready: ['GweInt'], commands: []})
      expect(await page.locator('#widgets-order').getAttribute('data-order')).toBe('before')
      await page.getByRole('button', {name: 'Yes, please'}).click()
      expect(await inviteResults(page)).toEqual(['ACCEPT_CHAT'])
      const received = page.locator('#widgets-commands li[data-command="WebChat.open"]')
      await received.waitFor()
      expect(await received.locator('strong').textContent()).toBe('WebChat.open received')
      expect(await received.locator('[data-field="userData"]').textContent()).toBe(`userData: ${JSON.stringify(CHAT_USER_DATA)}`)
      const record = (await standIn(page))!
      expect(record.commands).toEqual([{plugin: 'GweInt', command: 'WebChat.open', options: {userData: CHAT_USER_DATA}, undocumented: []}])
      expect(record.globalBusUses).toEqual([])
      expect(record.problems).toEqual([])
      expect(record.extensionsRun).toEqual(['GweInt'])
      expect(errors).toEqual([])
      expect(pageErrors).toEqual([])
      expect(session.context.pages()).toHaveLength(1)
      const requests = await env.preview.requests('widgets-chat')
      expect(requests.map((r) => r.service)).toEqual(['gwe'])
      expectNotify(requests[0], {prefix: '/server', ids: IDS, inviteUrl: `${env.preview.origin}/i/widgets-chat/server/resources/inviteWidgets.html`})
    }))

  it('CALLBACK: accepting sends Callback.open with userData both inside form (Widgets 8.5) and at the top level (later releases)', ({task}) =>
    env.withSession(task, async (session) => {
      const {page, errors, pageErrors} = await visit(session, 'widgets-callback')
      expect(await page.locator('#gwe-int-invite-title').textContent()).toBe('Would you like us to call you back?')
      await page.getByRole('button', {name: 'Yes, please'}).click()
      expect(await inviteResults(page)).toEqual(['ACCEPT_CALLBACK'])
      const received = page.locator('#widgets-commands li[data-command="Callback.open"]')
      await received.waitFor()
      expect(await received.locator('strong').textContent()).toBe('Callback.open received')
      expect(await received.locator('[data-field="form.userData (Widgets 8.5)"]').textContent()).toBe(
        `form.userData (Widgets 8.5): ${JSON.stringify(CALLBACK_USER_DATA)}`,
      )
      expect(await received.locator('[data-field="userData (later releases)"]').textContent()).toBe(
        `userData (later releases): ${JSON.stringify(CALLBACK_USER_DATA)}`,
      )
      const record = (await standIn(page))!
      expect(record.commands).toEqual([
        {
          plugin: 'GweInt',
          command: 'Callback.open',
          options: {form: {desiredTime: 'now', userData: CALLBACK_USER_DATA}, userData: CALLBACK_USER_DATA},
          undocumented: [],
        },
      ])
      expect(record.globalBusUses).toEqual([])
      expect(record.problems).toEqual([])
      expect(errors).toEqual([])
      expect(pageErrors).toEqual([])
    }))

  for (const [name, medium, notice] of [
    ['widgets-chat', 'WebChat', en.inviteUnavailableChat],
    ['widgets-callback', 'Callback', en.inviteUnavailableCallback],
  ] as const) {
    it(`${name}: the extension included after the Widgets script fails loudly in the console and gently for the visitor`, ({task}) =>
      env.withSession(task, async (session) => {
        const {page, errors, pageErrors} = await visit(session, name, '&extension=after')
        expect(await page.locator('#widgets-order').getAttribute('data-order')).toBe('after')
        const record = (await standIn(page))!
        // Widgets had initialised before the extension was defined: it never ran it.
        expect(record.extensionsRun).toEqual([])
        const lateLine = 'website/gwe-int-widgets.js came after the Genesys Widgets script, which had already run its extensions'
        expect(
          errors.some((e) => e.includes(lateLine)),
          errors.join('\n'),
        ).toBe(true)
        await page.getByRole('button', {name: 'Yes, please'}).click()
        await expectNotice(page, notice)
        expect(
          errors.some((e) => e.startsWith(`[gwe-int widgets] cannot open ${medium}: website/gwe-int-widgets.js came after the Genesys Widgets script`)),
          errors.join('\n'),
        ).toBe(true)
        expect(
          errors.some((e) => e.startsWith(`[gwe-int invite] Genesys Widgets did not open ${medium}`)),
          errors.join('\n'),
        ).toBe(true)
        // The visitor's answer is still reported; nothing reached Widgets, nothing used the global bus, nothing threw.
        expect(await inviteResults(page)).toEqual([name === 'widgets-chat' ? 'ACCEPT_CHAT' : 'ACCEPT_CALLBACK'])
        const after = (await standIn(page))!
        expect(after.commands).toEqual([])
        expect(after.globalBusUses).toEqual([])
        expect(pageErrors).toEqual([])
      }))
  }

  it('no extension on the page: the console names the missing file and the visitor gets the notice', ({task}) =>
    env.withSession(task, async (session) => {
      const {page, errors, pageErrors} = await visit(session, 'widgets-chat', '&extension=absent')
      await page.getByRole('button', {name: 'Yes, please'}).click()
      await expectNotice(page, en.inviteUnavailableChat)
      expect(errors).toContain(
        '[gwe-int invite] the gwe-int Genesys Widgets extension (website/gwe-int-widgets.js) is not on this page: include it after the window._genesys.widgets configuration and before the Genesys Widgets script',
      )
      expect((await standIn(page))!.commands).toEqual([])
      expect(pageErrors).toEqual([])
    }))

  it('accepted before Widgets has initialised: the request waits and WebChat.open is sent once Widgets runs the extension', ({task}) =>
    env.withSession(task, async (session) => {
      const {page, errors, logs, pageErrors} = await visit(session, 'widgets-chat', '&widgets=later')
      expect(await standIn(page)).toBeNull()
      await page.getByRole('button', {name: 'Yes, please'}).click()
      expect(await inviteResults(page)).toEqual(['ACCEPT_CHAT'])
      await expect.poll(() => logs.includes('[gwe-int widgets] waiting for Genesys Widgets to initialise')).toBe(true)
      expect(await page.locator('#widgets-commands li').count()).toBe(0)
      await page.getByRole('button', {name: 'Load Genesys Widgets now'}).click()
      await page.locator('#widgets-commands li[data-command="WebChat.open"]').waitFor()
      const record = (await standIn(page))!
      expect(record.extensionsRun).toEqual(['GweInt'])
      expect(record.commands).toEqual([{plugin: 'GweInt', command: 'WebChat.open', options: {userData: CHAT_USER_DATA}, undocumented: []}])
      expect(await page.getByRole('alert').count()).toBe(0)
      expect(errors).toEqual([])
      expect(pageErrors).toEqual([])
    }))

  it('declining reports DECLINE and sends Widgets nothing', ({task}) =>
    env.withSession(task, async (session) => {
      const {page} = await visit(session, 'widgets-callback')
      await page.getByRole('button', {name: 'No, thanks'}).click()
      expect(await inviteResults(page)).toEqual(['DECLINE'])
      expect(await page.locator('#gwe-int-invite').count()).toBe(0)
      expect((await standIn(page))!.commands).toEqual([])
    }))
})
