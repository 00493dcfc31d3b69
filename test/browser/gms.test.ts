/**
 * gms-chat and gms-callback in Chromium: every scenario of both media, generated with
 * the built binary, served by the built `gwe-int preview`, clicked through from the
 * invitation to the GMS stand-in. Expected requests are written out here (domain.md
 * §6.3, S16-S20), not read from the catalogue the templates use.
 */
import {execa} from 'execa'
import fs from 'node:fs'
import path from 'node:path'
import type {Browser, Page} from 'playwright-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {findMedia} from '../../src/catalog/media.js'
import {tempDir} from '../helpers/cli.js'
import {
  acceptIntoPopup,
  deliverInvitation,
  describeBrowser,
  expectNotify,
  inviteResults,
  launchBrowser,
  newIntegrations,
  openCustomerPage,
  startPreview,
  type Ids,
  withSession,
  type RunningPreview,
} from '../helpers/browser.js'

const preset = (direction: string, wait: boolean, media: string) => ({_call_direction: direction, _wait_for_agent: String(wait), _wait_for_user_confirm: String(wait), _media_type: media})

interface Case {
  media: 'gms-chat' | 'gms-callback'
  scenario: string
  /** Path below the GMS host. */
  path: string
  /** Scenario parameters the request must carry, besides the common ones. */
  params: Record<string, string>
  /** Which field the visitor's number travels as; undefined: the widget connects by itself. */
  number?: '_customer_number' | '_phone_number'
  scheduled?: boolean
  /** What the visitor reads once GMS answered. */
  sees: (c: {number: string; time?: string}) => RegExp
}

const CHAT_SERVICE = 'samples_new'
const CALLBACK_SERVICE = 'callme'
const started = () => /^Chat started: Preview chat preview-\d{4}\. An agent will be with you shortly\.$/
const callUs = () => /^Please call us now\.$/
const weCall = ({number, time}: {number: string; time?: string}) => new RegExp(`^Thank you\\. We will call you at ${escape(number)}${time ? ` at ${escape(time)}` : ' shortly'}\\.$`)
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const CASES: Case[] = [
  {media: 'gms-chat', scenario: 'CHAT-NOW', path: `/genesys/1/service/callback/${CHAT_SERVICE}`, params: preset('USERORIGINATED', false, 'chat'), sees: started},
  {media: 'gms-chat', scenario: 'CHAT-WAIT', path: `/genesys/1/service/callback/${CHAT_SERVICE}`, params: preset('USERORIGINATED', true, 'chat'), sees: started},
  {media: 'gms-chat', scenario: 'REQUEST-CHAT', path: '/genesys/1/service/request-chat', params: {}, sees: () => /^Your chat request was received\. An agent will be with you shortly\. \(reference preview-\d{4}\)$/},
  {media: 'gms-callback', scenario: 'VOICE-NOW-USERORIG', path: `/genesys/1/service/callback/${CALLBACK_SERVICE}`, params: preset('USERORIGINATED', false, 'voice'), number: '_customer_number', sees: callUs},
  {media: 'gms-callback', scenario: 'VOICE-WAIT-USERORIG', path: `/genesys/1/service/callback/${CALLBACK_SERVICE}`, params: preset('USERORIGINATED', true, 'voice'), number: '_customer_number', sees: callUs},
  {media: 'gms-callback', scenario: 'VOICE-NOW-USERTERM', path: `/genesys/1/service/callback/${CALLBACK_SERVICE}`, params: preset('USERTERMINATED', false, 'voice'), number: '_customer_number', sees: weCall},
  {media: 'gms-callback', scenario: 'VOICE-WAIT-USERTERM', path: `/genesys/1/service/callback/${CALLBACK_SERVICE}`, params: preset('USERTERMINATED', true, 'voice'), number: '_customer_number', sees: weCall},
  {media: 'gms-callback', scenario: 'VOICE-SCHEDULED-USERTERM', path: `/genesys/1/service/callback/${CALLBACK_SERVICE}`, params: preset('USERTERMINATED', true, 'voice'), number: '_customer_number', scheduled: true, sees: weCall},
  // S16: request-interaction takes _phone_number, not _customer_number (S0).
  {media: 'gms-callback', scenario: 'REQUEST-INTERACTION', path: '/genesys/1/service/request-interaction', params: {}, number: '_phone_number', sees: callUs},
  // S20: CUSTOM leaves the parameters to the service configuration.
  {media: 'gms-callback', scenario: 'CUSTOM', path: `/genesys/1/service/callback/${CALLBACK_SERVICE}`, params: {}, number: '_customer_number', sees: weCall},
]

const nameOf = (c: Case) => c.scenario.toLowerCase()
/** gms-chat on GWE 8.1 (/frontend), gms-callback on 8.5 (/server): both prefixes get exercised. */
const prefixOf = (c: Case) => (c.media === 'gms-chat' ? '/frontend' : '/server')
const idsOf = (n: number): Ids => ({visitID: `A1B2C3D4${String(n).padStart(24, '0')}`, pageID: n === 0 ? 'PAGE 0&x=1+é' : `F00D${String(n).padStart(28, '0')}`})
const NUMBER = '+1 555 0100 7'

let browser: Browser
let preview: RunningPreview

const FIRST_CHAT = CASES.find((c) => c.media === 'gms-chat')!
const FIRST_CALLBACK = CASES.find((c) => c.media === 'gms-callback')!
/** Tests beyond the scenario walk-through get integrations of their own, so all run concurrently. */
const EXTRA: Record<string, Case> = {
  'notify-sh': FIRST_CHAT,
  'no-tracker': FIRST_CHAT,
  twice: FIRST_CHAT,
  'double-click': FIRST_CALLBACK,
  'decline-gms-chat': FIRST_CHAT,
  'error-gms-chat': FIRST_CHAT,
  'decline-gms-callback': FIRST_CALLBACK,
  'error-gms-callback': FIRST_CALLBACK,
}
const argsFor = (name: string, c: Case) => [c.media, '--integration', name, '--scenario', c.scenario, '--service', c.media === 'gms-chat' ? CHAT_SERVICE : CALLBACK_SERVICE, '--host', 'https://gms.example.com:8443', '--gwe-version', c.media === 'gms-chat' ? '8.1' : '8.5']

describeBrowser('GMS chat and callback in Chromium', () => {
  beforeAll(async () => {
    const cwd = tempDir('gwe-int-browser-gms-')
    await newIntegrations(cwd, [...CASES.map((c) => argsFor(nameOf(c), c)), ...Object.entries(EXTRA).map(([name, c]) => argsFor(name, c))])
    ;[browser, preview] = await Promise.all([launchBrowser(), startPreview(cwd)])
  })

  afterAll(async () => {
    await browser?.close()
    if (preview) {
      const stopped = await preview.stop()
      expect(stopped.exitCode).toBe(0)
    }
  })

  it('covers every scenario of both media', () => {
    for (const media of ['gms-chat', 'gms-callback'] as const) {
      expect(CASES.filter((c) => c.media === media).map((c) => c.scenario).sort()).toEqual([...findMedia(media)!.scenarios].sort())
    }
  })

  CASES.forEach((c, n) => {
    it(`${c.media} ${c.scenario}: invitation → widget → GMS`, ({task}) =>
      withSession(browser, task, async (session) => {
        const name = nameOf(c)
        const ids = idsOf(n)
        const page = await openCustomerPage(session, preview, name, ids)
        await deliverInvitation(page)
        const popup = await acceptIntoPopup(page)

        // The invitation opened the widget at its GMS path with the scenario and the IDs (S0).
        const opened = new URL(popup.url())
        expect(opened.pathname).toBe(`/i/${name}/gms/genesys/admin/js/sample/cb/indexGPE.html`)
        expect(Object.fromEntries(opened.searchParams)).toEqual({gmsScenario: c.scenario, visitId: ids.visitID, pageId: ids.pageID})
        expect(await inviteResults(page)).toEqual([c.media === 'gms-chat' ? 'ACCEPT_CHAT' : 'ACCEPT_CALLBACK'])
        expect(await page.locator('#gwe-int-invite').count(), 'closeInviteDialogWindow() removed the invitation').toBe(0)

        let time: string | undefined
        if (c.number) {
          // Seed bug 9: scenarios that need the visitor's number wait for the form.
          await expectStatus(popup, /^Please fill in the form and press Connect\.$/, '')
          await popup.fill('#first_name', 'Ada')
          await popup.fill('#last_name', 'Lovelace')
          await popup.fill('#user_name', 'ada')
          await popup.fill('#contact_number', NUMBER)
          if (c.scheduled) {
            await popup.locator('#available_time_slots option').first().waitFor({state: 'attached'})
            time = await popup.locator('#available_time_slots').inputValue()
          }
          await popup.click('#connect')
        }
        await expectStatus(popup, c.sees({number: NUMBER, time}), 'done')

        const gms = await preview.requests(name, 'gms')
        const availability = gms.filter((r) => r.path.endsWith('/availability'))
        const creates = gms.filter((r) => !r.path.endsWith('/availability'))
        expect(creates.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${c.path}`])
        const request = creates[0]
        expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded')
        // S14: gms_user travels as a header with every request; without a typed name the visit ID stands in.
        expect(request.headers.gms_user).toBe(c.number ? 'ada' : ids.visitID)
        const visitor = c.number ? {first_name: 'Ada', last_name: 'Lovelace', [c.number]: NUMBER} : {first_name: '', last_name: ''}
        expect(request.params).toEqual({
          ...visitor,
          _provide_code: 'false',
          // S0/S1: the attached data every proactive interaction carries.
          visitID: ids.visitID,
          pageID: ids.pageID,
          webengagement: '',
          ...c.params,
          ...(time ? {_desired_time: time} : {}),
        })
        if (c.scheduled) {
          // S17/S20: the time is one the availability call offered with a free slot.
          expect(availability).toHaveLength(1)
          expect(availability[0].params).toEqual({start: expect.any(String), end: expect.any(String)})
          expect((availability[0].response as Record<string, number>)[time!]).toBeGreaterThan(0)
          expect(new Date(time!).toISOString()).toBe(time)
        } else {
          expect(availability).toEqual([])
        }
        if (c.sees === callUs) expect(await popup.locator('#actions a').getAttribute('href')).toBe('tel:+15555550100')

        const [notify] = await preview.requests(name, 'gwe')
        expectNotify(notify, {prefix: prefixOf(c), ids, inviteUrl: `${preview.origin}/i/${name}${prefixOf(c)}/resources/inviteGMS.html`})
      }),
    )
  })

  it('the generated notify.sh delivers the invitation to the open page (notify by visit ID)', ({task}) =>
    withSession(browser, task, async (session) => {
      const name = 'notify-sh'
      const ids = idsOf(92)
      const page = await openCustomerPage(session, preview, name, ids)
      const dir = tempDir('gwe-int-notify-')
      const script = path.join(dir, 'notify.sh')
      fs.writeFileSync(script, await (await fetch(`${preview.origin}/i/${name}/engagement-logic/notify.sh`)).text())
      const run = await execa('sh', [script, ids.visitID, 'PAGE92'], {reject: false, stdin: 'ignore'})
      expect([run.exitCode, run.stdout, run.stderr]).toEqual([0, `notify.sh: invitation sent to visit ${ids.visitID}`, ''])
      // The message names another page of the same visit, so this page ignores it (S2: "page").
      await page.locator('#log li', {hasText: 'for page PAGE92, not this page: ignored'}).waitFor()
      expect(await page.locator('#gwe-int-invite').count()).toBe(0)
      const again = await execa('sh', [script, ids.visitID, ids.pageID], {reject: false, stdin: 'ignore'})
      expect(again.exitCode).toBe(0)
      await page.locator('#gwe-int-invite').waitFor()
      const notifies = await preview.requests(name, 'gwe')
      expect(notifies.map((r) => [r.headers['content-type'], (r.json as {page: string}[])[0].page, r.response])).toEqual([
        ['application/json', 'PAGE92', {delivered: 1}],
        ['application/json', ids.pageID, {delivered: 1}],
      ])
    }),
  )

  it('without the GWE tracker on the page, the widget still starts, with empty IDs', ({task}) =>
    withSession(browser, task, async (session) => {
      const name = 'no-tracker'
      const page = session.page
      await page.goto(`${preview.origin}/i/${name}/?tracker=absent&visitID=V0&pageID=P0`)
      await page.locator('#channel-status[data-state="open"]').waitFor()
      expect(await page.evaluate(() => '_gt' in window)).toBe(false)
      await deliverInvitation(page)
      const popup = await acceptIntoPopup(page)
      await expectStatus(popup, FIRST_CHAT.sees({number: ''}), 'done')
      expect(await page.locator('#log li[data-kind="invite error"]').allTextContents()).toEqual([
        'invite error: [gwe-int invite] GWE tracker (_gt) not found on this page: starting without visitID/pageID',
      ])
      expect(Object.fromEntries(new URL(popup.url()).searchParams)).toEqual({gmsScenario: FIRST_CHAT.scenario, visitId: '', pageId: ''})
      const [request] = await preview.requests(name, 'gms')
      expect([request.params.visitID, request.params.pageID, request.params.webengagement]).toEqual(['', '', ''])
    }),
  )

  it('a second delivery to the same page leaves one invitation, and it works', ({task}) =>
    withSession(browser, task, async (session) => {
      const name = 'twice'
      const page = await openCustomerPage(session, preview, name, idsOf(93))
      await deliverInvitation(page)
      // The open invitation is modal, so the page's button cannot be clicked: trigger it as the strategy would.
      await page.locator('#deliver').evaluate((button: HTMLButtonElement) => button.click())
      await page.locator('#log li', {hasText: 'appended'}).nth(1).waitFor()
      expect(await page.locator('.gwe-int-invite').count()).toBe(1)
      const popup = await acceptIntoPopup(page)
      await expectStatus(popup, FIRST_CHAT.sees({number: ''}), 'done')
      expect(await inviteResults(page)).toEqual(['ACCEPT_CHAT'])
      expect((await preview.requests(name, 'gms')).length).toBe(1)
    }),
  )

  it('a double click on Connect creates one callback, and Connect stays disabled after it', ({task}) =>
    withSession(browser, task, async (session) => {
      const name = 'double-click'
      const page = await openCustomerPage(session, preview, name, idsOf(94))
      await deliverInvitation(page)
      const popup = await acceptIntoPopup(page)
      await popup.fill('#contact_number', NUMBER)
      await popup.dblclick('#connect')
      await expectStatus(popup, FIRST_CALLBACK.sees({number: NUMBER}), 'done')
      expect(await popup.locator('#connect').isDisabled()).toBe(true)
      await popup.locator('#contact_number').press('Enter')
      expect((await preview.requests(name, 'gms')).map((r) => r.path)).toEqual([FIRST_CALLBACK.path])
    }),
  )

  for (const c of [FIRST_CHAT, FIRST_CALLBACK]) {
    it(`${c.media}: declining reports DECLINE and sends nothing to GMS`, ({task}) =>
      withSession(browser, task, async (session) => {
        const name = `decline-${c.media}`
        const page = await openCustomerPage(session, preview, name, idsOf(90))
        await deliverInvitation(page)
        await page.locator('#gwe-int-invite-decline').click()
        expect(await inviteResults(page)).toEqual(['DECLINE'])
        expect(await page.locator('#gwe-int-invite').count()).toBe(0)
        expect(session.context.pages()).toHaveLength(1)
        expect(await preview.requests(name, 'gms')).toEqual([])
      }),
    )

    it(`${c.media}: a GMS 503 shows the visitor an error`, ({task}) =>
      withSession(browser, task, async (session) => {
        const name = `error-${c.media}`
        await preview.gmsMode(name, 503)
        const page = await openCustomerPage(session, preview, name, idsOf(91))
        await deliverInvitation(page)
        const popup = await acceptIntoPopup(page)
        if (c.number) {
          await popup.fill('#contact_number', NUMBER)
          await popup.click('#connect')
        }
        await expectStatus(popup, /^Sorry, we could not connect you\. GMS answered 503: Service Unavailable \(gwe-int preview error mode\)$/, 'error')
        expect(await preview.requests(name, 'gms').then((l) => l.map((r) => [r.path, r.status]))).toEqual([[c.path, 503]])
        // Once GMS is back, Connect tries again.
        await preview.gmsMode(name, 200)
        await popup.click('#connect')
        await expectStatus(popup, c.sees({number: NUMBER}), 'done')
        expect(await preview.requests(name, 'gms').then((l) => l.map((r) => [r.path, r.status]))).toEqual([
          [c.path, 503],
          [c.path, 200],
        ])
      }),
    )
  }
})

/** Waits until #status settles (its class is done or error, or it matches) and checks it. */
async function expectStatus(popup: Page, text: RegExp, kind: 'done' | 'error' | ''): Promise<void> {
  const status = popup.locator('#status')
  await popup.waitForFunction(
    ([source, flags, want]) => {
      const el = document.getElementById('status')
      return Boolean(el && (el.className === 'done' || el.className === 'error' || (want === '' && new RegExp(source, flags).test(el.textContent ?? ''))))
    },
    [text.source, text.flags, kind] as const,
  )
  expect(await status.textContent()).toMatch(text)
  expect(await status.getAttribute('class')).toBe(kind)
}
