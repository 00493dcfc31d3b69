/**
 * gms-callback in Chromium, every scenario, from the invitation to the end of the flow:
 * the visitor gives the number (and a time), reviews what will happen, confirms, and then
 * sees the booking (and cancels it), the number to dial, or the menu GMS offers. Also the
 * invitation's own paths shared with gms-chat (notify.sh, no tracker, decline, errors).
 * Expected requests are written out here, not read from the catalogue the templates use.
 */
import {execa} from 'execa'
import fs from 'node:fs'
import path from 'node:path'
import type {Page} from 'playwright-core'
import {expect, it} from 'vitest'
import {findMedium} from '../../src/catalog/media.js'
import {tempDir} from '../helpers/cli.js'
import {acceptIntoPopup, deliverInvitation, describeBrowser, expectNotify, inviteResults, openCustomerPage, type Ids} from '../helpers/browser.js'
import {expectAccessible} from '../helpers/axe.js'
import {usePreviewBrowser} from '../helpers/preview-browser.js'

const preset = (direction: string, wait: boolean, media: string) => ({
  _call_direction: direction,
  _wait_for_agent: String(wait),
  _wait_for_user_confirm: String(wait),
  _media_type: media,
})

interface Case {
  media: 'gms-chat' | 'gms-callback'
  scenario: string
  /** Path below the GMS host. */
  path: string
  /** Scenario parameters the request must carry, besides the common ones. */
  params: Record<string, string>
  /** Which field the visitor's number travels as. */
  number: '_customer_number' | '_phone_number'
  scheduled?: boolean
  /** What the review step says before anything is sent. */
  review: (c: {number: string; time?: string}) => string
  /** How GMS's answer ends the flow for the visitor. */
  outcome: 'booked' | 'calling' | 'dial' | 'access' | 'menu'
  /** The service waits for the visitor to confirm when an agent is ready (gms-confirm.test.ts has more). */
  confirm?: boolean
}

const CALLBACK_SERVICE = 'callme'
const CHAT_SERVICE = 'samples_new'
const giveNumber = ({number}: {number: string}) => `We will give you a number to call us from ${number}.`
const callNow = ({number}: {number: string}) => `We will call you at ${number} in a few minutes.`
const callWait = ({number}: {number: string}) => `We will call you at ${number} as soon as an agent is free.`

const CASES: Case[] = [
  {
    media: 'gms-callback',
    scenario: 'VOICE-NOW-USERORIG',
    path: `/genesys/1/service/callback/${CALLBACK_SERVICE}`,
    params: preset('USERORIGINATED', false, 'voice'),
    number: '_customer_number',
    review: giveNumber,
    outcome: 'dial',
  },
  {
    media: 'gms-callback',
    scenario: 'VOICE-WAIT-USERORIG',
    path: `/genesys/1/service/callback/${CALLBACK_SERVICE}`,
    params: preset('USERORIGINATED', true, 'voice'),
    number: '_customer_number',
    review: giveNumber,
    outcome: 'dial',
    confirm: true,
  },
  {
    media: 'gms-callback',
    scenario: 'VOICE-NOW-USERTERM',
    path: `/genesys/1/service/callback/${CALLBACK_SERVICE}`,
    params: preset('USERTERMINATED', false, 'voice'),
    number: '_customer_number',
    review: callNow,
    outcome: 'booked',
  },
  {
    media: 'gms-callback',
    scenario: 'VOICE-WAIT-USERTERM',
    path: `/genesys/1/service/callback/${CALLBACK_SERVICE}`,
    params: preset('USERTERMINATED', true, 'voice'),
    number: '_customer_number',
    review: callWait,
    outcome: 'calling',
    confirm: true,
  },
  {
    media: 'gms-callback',
    scenario: 'VOICE-SCHEDULED-USERTERM',
    path: `/genesys/1/service/callback/${CALLBACK_SERVICE}`,
    params: preset('USERTERMINATED', true, 'voice'),
    number: '_customer_number',
    scheduled: true,
    review: ({number, time}) => `We will call you at ${number} on ${time}.`,
    outcome: 'calling',
    confirm: true,
  },
  // request-interaction takes _phone_number, not _customer_number, and answers the number to dial.
  {
    media: 'gms-callback',
    scenario: 'REQUEST-INTERACTION',
    path: '/genesys/1/service/request-interaction',
    params: {_provide_code: 'true'},
    number: '_phone_number',
    review: giveNumber,
    outcome: 'access',
  },
  // CUSTOM leaves the parameters to the service configuration; the stand-in then offers a menu.
  {
    media: 'gms-callback',
    scenario: 'CUSTOM',
    path: `/genesys/1/service/callback/${CALLBACK_SERVICE}`,
    params: {},
    number: '_customer_number',
    review: ({number}) => `We will arrange a call with you at ${number}.`,
    outcome: 'menu',
  },
]

const nameOf = (c: Case) => c.scenario.toLowerCase()
const idsOf = (n: number): Ids => ({visitID: `A1B2C3D4${String(n).padStart(24, '0')}`, pageID: n === 0 ? 'PAGE 0&x=1+é' : `F00D${String(n).padStart(28, '0')}`})
const NUMBER = '+1 555 0100 7'
/** The number as GMS dials it, and as the review and the outcome show it: + and digits. */
const DIALLED = '+155501007'

/** Generating every integration with the built binary takes a while on a busy machine. */
const SETUP_TIMEOUT = 240_000

const CHAT_NOW = {media: 'gms-chat', scenario: 'CHAT-NOW'} as const
const FIRST_CALLBACK = CASES[0]
const WEEKDAY = /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \w+ \d{1,2}$/
/** Tests beyond the scenario walk-through get integrations of their own, so all run concurrently. */
const EXTRA: Record<string, {media: string; scenario: string}> = {
  'notify-sh': CHAT_NOW,
  'no-tracker': CHAT_NOW,
  twice: CHAT_NOW,
  'double-click': FIRST_CALLBACK,
  'decline-gms-chat': CHAT_NOW,
  'decline-gms-callback': FIRST_CALLBACK,
  'error-gms-callback': FIRST_CALLBACK,
  change: CASES[2],
  'lb-menu': CASES[6],
}
const argsFor = (name: string, c: {media: string; scenario: string}) => [
  c.media,
  '--integration',
  name,
  '--scenario',
  c.scenario,
  '--service',
  c.media === 'gms-chat' ? CHAT_SERVICE : CALLBACK_SERVICE,
  '--host',
  'https://gms.example.com:8443',
  '--gwe-version',
  c.media === 'gms-chat' ? '8.1' : '8.5',
]

describeBrowser('GMS callback in Chromium', () => {
  const env = usePreviewBrowser({
    prefix: 'gwe-int-browser-gms-',
    integrations: [...CASES.map((c) => argsFor(nameOf(c), c)), ...Object.entries(EXTRA).map(([name, c]) => argsFor(name, c))],
    timeout: SETUP_TIMEOUT,
  })

  it('covers every callback scenario', () => {
    expect(CASES.map((c) => c.scenario).sort()).toEqual([...findMedium('gms-callback')!.scenarios].sort())
  })

  CASES.forEach((c, n) => {
    it(
      `${c.scenario}: invitation → number → review → GMS → what the visitor does next`,
      ({task}) =>
        env.withSession(task, async (session) => {
          const name = nameOf(c)
          const ids = idsOf(n)
          const page = await openCustomerPage(session, env.preview, name, ids)
          await deliverInvitation(page)
          const popup = await acceptIntoPopup(page)

          const opened = new URL(popup.url())
          expect(opened.pathname).toBe(`/i/${name}/gms/genesys/admin/js/sample/cb/indexGPE.html`)
          expect(Object.fromEntries(opened.searchParams)).toEqual({gmsScenario: c.scenario, visitId: ids.visitID, pageId: ids.pageID})
          expect(await inviteResults(page)).toEqual(['ACCEPT_CALLBACK'])
          expect(await page.locator('#gwe-int-invite').count(), 'closeInviteDialogWindow() removed the invitation').toBe(0)

          // Only what the scenario needs, and no internal names.
          await popup.getByRole('heading', {level: 1, name: c.scenario === 'REQUEST-INTERACTION' ? 'Call us' : 'Get a call from us'}).waitFor()
          expect(await popup.getByLabel('Your name').isVisible()).toBe(false)
          const phone = popup.getByLabel('Phone number')
          expect(await phone.getAttribute('type')).toBe('tel')
          expect(await phone.getAttribute('autocomplete')).toBe('tel')
          expect(await popup.evaluate(() => document.activeElement?.id)).toBe('phone')
          // Read at 320 px wide from here on: nothing may scroll sideways.
          await popup.setViewportSize({width: 320, height: 700})
          await expectNoSideScroll(popup)
          await expectAccessible(popup, {label: `${c.scenario} form`})
          await popup.keyboard.type(NUMBER)
          let time: string | undefined
          let slot: string | undefined
          if (c.scheduled) {
            const select = popup.getByLabel('Time')
            await select.locator('optgroup').first().waitFor({state: 'attached'})
            const groups = await select
              .locator('optgroup')
              .evaluateAll((gs) => gs.map((g) => ({label: (g as HTMLOptGroupElement).label, values: [...g.querySelectorAll('option')].map((o) => o.value)})))
            expect(groups.length).toBeGreaterThan(1)
            for (const g of groups) expect(g.label).toMatch(WEEKDAY)
            const offered = (await env.preview.requests(name, 'gms')).find((r) => r.path.endsWith('/availability'))!
            const free = Object.entries(offered.response as Record<string, number>)
              .filter(([t, count]) => count > 0 && Date.parse(t) > Date.now())
              .map(([t]) => t)
            // Past and full slots are dropped; every free future slot is offered, in order.
            expect(groups.flatMap((g) => g.values)).toEqual(free)
            slot = free[1]
            await select.selectOption(slot)
            time = await popup.evaluate(
              (iso) =>
                new Intl.DateTimeFormat('en', {weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit'}).format(new Date(iso)),
              slot,
            )
            expect(await popup.getByText(/^Times are in your time zone \(.+\)\.$/).count()).toBe(1)
          }
          await popup.getByRole('button', {name: 'Continue'}).click()

          // The review says what will happen; nothing but the availability query was sent yet.
          await popup.getByRole('heading', {name: 'Please check your request'}).waitFor()
          expect(await popup.locator('#review-text').textContent()).toBe(c.review({number: DIALLED, time}))
          await expectAccessible(popup, {label: `${c.scenario} review`})
          await expectNoSideScroll(popup)
          expect((await env.preview.requests(name, 'gms')).filter((r) => !r.path.endsWith('/availability'))).toEqual([])
          await popup.getByRole('button', {name: 'Confirm'}).click()

          let cancellable = true
          if (c.confirm) {
            // GMS pushes when the agent is ready; the visitor confirms, the widget sends the connect request.
            await popup.getByRole('heading', {name: 'We will tell you when an agent is ready'}).waitFor()
            expect(await popup.locator('#queue').textContent()).toBe(c.review({number: DIALLED, time}))
            await popup.getByRole('heading', {name: 'An agent is ready', exact: true}).waitFor()
            await popup.getByRole('button', {name: 'I am ready'}).click()
          }
          if (c.outcome === 'calling') {
            cancellable = false
            await popup.getByRole('heading', {name: 'We are calling you now'}).waitFor()
            expect(await popup.locator('#outcome-body p').allTextContents()).toEqual(['An agent is calling you now.'])
          } else if (c.outcome === 'booked') {
            await popup.getByRole('heading', {name: 'Your callback is booked'}).waitFor()
            expect(await popup.locator('#outcome-body p').allTextContents()).toEqual([
              c.review({number: DIALLED, time}),
              'Thank you. Your callback request is registered.',
            ])
          } else if (c.outcome === 'dial') {
            await popup.getByRole('heading', {name: 'Please call us'}).waitFor()
            expect(await popup.getByRole('link', {name: 'Call +15555550100'}).getAttribute('href')).toBe('tel:+15555550100')
            expect(await popup.locator('#outcome-body p').allTextContents()).toEqual([
              'Call us now',
              'Call +15555550100',
              `Please call from ${DIALLED}, the number you gave us.`,
            ])
          } else if (c.outcome === 'access') {
            cancellable = false
            await popup.getByRole('heading', {name: 'Please call us'}).waitFor()
            const answer = (await env.preview.requests(name, 'gms'))[0].response as {_expiration_time: string}
            const until = await popup.evaluate(
              (iso) => new Intl.DateTimeFormat('en', {hour: '2-digit', minute: '2-digit'}).format(new Date(iso)),
              answer._expiration_time,
            )
            const link = popup.getByRole('link', {name: 'Call +1 555 555 0100'})
            expect(await link.getAttribute('href')).toBe('tel:+15555550100')
            expect(await popup.locator('#outcome-body p').allTextContents()).toEqual([
              'Call +1 555 555 0100',
              'When asked, enter the code 2468.',
              `Please call from ${DIALLED}, the number you gave us.`,
              `This number is reserved for you until ${until}.`,
            ])
            expect(await popup.getByRole('button', {name: 'Cancel the callback'}).count()).toBe(0)
          } else {
            await popup.getByRole('heading', {name: 'How would you like to talk to us?'}).waitFor()
            expect(await popup.getByRole('heading', {level: 3}).textContent()).toBe('Choose one')
            expect(await popup.locator('#outcome-body button').allTextContents()).toEqual(['Call me back', 'I will call you'])
            await popup.getByRole('button', {name: 'Call me back'}).click()
            await popup.getByRole('heading', {name: 'Your callback is booked'}).waitFor()
            expect(await popup.locator('#outcome-body p').allTextContents()).toEqual([
              c.review({number: DIALLED}),
              'Thank you. An agent will call you shortly.',
            ])
          }
          await expectAccessible(popup, {label: `${c.scenario} confirmation`})
          await expectNoSideScroll(popup)
          if (cancellable) {
            await popup.getByRole('button', {name: 'Cancel the callback'}).click()
            await popup.getByRole('heading', {name: 'Your callback was cancelled.'}).waitFor()
          }

          const gms = await env.preview.requests(name, 'gms')
          const availability = gms.filter((r) => r.path.endsWith('/availability'))
          const rest = gms.filter((r) => !r.path.endsWith('/availability') && !r.path.startsWith('/genesys/cometd'))
          expect(gms.some((r) => r.path.startsWith('/genesys/cometd'))).toBe(Boolean(c.confirm))
          const request = rest[0]
          expect(`${request.method} ${request.path}`).toBe(`POST ${c.path}`)
          expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded')
          // gms_user travels as a header with every request: the visit ID.
          for (const r of gms) expect(r.headers.gms_user, r.path).toBe(ids.visitID)
          expect(request.params).toEqual({
            [c.number]: DIALLED,
            ...c.params,
            ...(slot ? {_desired_time: slot} : {}),
            ...(c.confirm ? {_device_os: 'comet', _device_notification_id: ids.visitID} : {}),
            visitID: ids.visitID,
            pageID: ids.pageID,
            webengagement: '',
          })
          expect(request.status).toBe(200)
          // The presets are service options: the preview notes each one in its request log, with its source.
          expect((request.warnings ?? []).map((w) => w.slice(0, w.indexOf(': ')))).toEqual(
            c.path.includes('/callback/') ? Object.entries(c.params).map(([k, v]) => `${k}=${v}`) : [],
          )
          for (const w of request.warnings ?? []) expect(w).toContain('https://docs.genesys.com/Documentation/CLBCK/8.5.2/UG/RequestFromIVR')
          const id = (request.response as {_id: string})._id
          const after = rest.slice(1).map((r) => `${r.method} ${r.path}`)
          const menu = c.outcome === 'menu' ? [`GET /genesys/1/service/${id}/menu/call-me`] : []
          const connect = c.confirm ? [`GET /genesys/1/service/${id}/connect`] : []
          expect(after).toEqual([...menu, ...connect, ...(cancellable ? [`DELETE /genesys/1/service/callback/${CALLBACK_SERVICE}/${id}`] : [])])
          if (c.scheduled) {
            expect(availability.map((r) => [r.method, Object.keys(r.query).sort()])).toEqual([['GET', ['number-of-days', 'start']]])
          } else {
            expect(availability).toEqual([])
          }

          const [notify] = await env.preview.requests(name, 'gwe')
          expectNotify(notify, {prefix: '/server', ids, inviteUrl: `${env.preview.origin}/i/${name}/server/resources/inviteGMS.html`})
        }),
      90_000,
    )
  })

  it('"Change" on the review goes back to the form; the number reaches GMS as + and digits, as the review shows it', ({task}) =>
    env.withSession(task, async (session) => {
      const page = await openCustomerPage(session, env.preview, 'change', idsOf(95))
      await deliverInvitation(page)
      const popup = await acceptIntoPopup(page)
      await popup.getByLabel('Phone number').fill('12')
      await popup.keyboard.press('Enter')
      await popup.getByText('Please enter a phone number: digits, with + and spaces if you like.').waitFor()
      expect(await popup.getByLabel('Phone number').getAttribute('aria-invalid')).toBe('true')
      // Letters are not a number GMS can dial: the same inline error, nothing sent.
      await popup.getByLabel('Phone number').fill('+44 20 CALL ME')
      await popup.keyboard.press('Enter')
      await popup.getByText('Please enter a phone number: digits, with + and spaces if you like.').waitFor()
      await popup.getByLabel('Phone number').fill('+44 20 7946 0000')
      await popup.keyboard.press('Enter')
      await popup.getByRole('button', {name: 'Change'}).click()
      await popup.getByLabel('Phone number').fill('+44 (20) 7946-0000')
      await popup.keyboard.press('Enter')
      expect(await popup.locator('#review-text').textContent()).toBe('We will call you at +442079460000 in a few minutes.')
      await popup.getByRole('button', {name: 'Confirm'}).press('Enter')
      await popup.getByRole('heading', {name: 'Your callback is booked'}).waitFor()
      const gms = await env.preview.requests('change', 'gms')
      expect(gms.map((r) => r.params._customer_number)).toEqual(['+442079460000'])
    }))

  it('CUSTOM behind a load balancer: the menu choice GMS answers on its internal origin is followed on the generated host', ({task}) =>
    env.withSession(task, async (session) => {
      const name = 'lb-menu'
      const res = await fetch(`${env.preview.origin}/__gwe-int/gms-mode`, {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        body: JSON.stringify({integration: name, status: 200, loadBalanced: true}),
      })
      expect(res.status).toBe(200)
      const page = await openCustomerPage(session, env.preview, name, idsOf(96))
      await deliverInvitation(page)
      const popup = await acceptIntoPopup(page)
      await popup.getByLabel('Phone number').fill(NUMBER)
      await popup.keyboard.press('Enter')
      await popup.getByRole('button', {name: 'Confirm'}).click()
      await popup.getByRole('button', {name: 'Call me back'}).click()
      await popup.getByRole('heading', {name: 'Your callback is booked'}).waitFor()
      const [create, choice] = await env.preview.requests(name, 'gms')
      const id = (create.response as {_id: string})._id
      const menu = (create.response as {_content: {_group_content: {_user_action_url: string}[]}[]})._content[0]._group_content[0]
      expect(menu._user_action_url).toBe(`http://gms-node-2:8080/genesys/1/service/${id}/menu/call-me`)
      expect(`${choice.method} ${choice.path} ${choice.status}`).toBe(`GET /genesys/1/service/${id}/menu/call-me 200`)
    }))

  it('the generated notify.sh delivers the invitation to the open page (Notification Service, notify by visit ID)', ({task}) =>
    env.withSession(task, async (session) => {
      const name = 'notify-sh'
      const ids = idsOf(92)
      const page = await openCustomerPage(session, env.preview, name, ids)
      const dir = tempDir('gwe-int-notify-')
      const script = path.join(dir, 'notify.sh')
      fs.writeFileSync(script, await (await fetch(`${env.preview.origin}/i/${name}/engagement-logic/notify.sh`)).text())
      const run = await execa('sh', [script, ids.visitID, 'PAGE92'], {reject: false, stdin: 'ignore'})
      expect([run.exitCode, run.stdout, run.stderr]).toEqual([0, `notify.sh: invitation sent to visit ${ids.visitID}`, ''])
      // The message names another page of the same visit, so this page ignores it.
      await page.locator('#log li', {hasText: 'for page PAGE92, not this page: ignored'}).waitFor()
      expect(await page.locator('#gwe-int-invite').count()).toBe(0)
      const again = await execa('sh', [script, ids.visitID, ids.pageID], {reject: false, stdin: 'ignore'})
      expect(again.exitCode).toBe(0)
      await page.locator('#gwe-int-invite').waitFor()
      const notifies = await env.preview.requests(name, 'gwe')
      expect(notifies.map((r) => [r.headers['content-type'], (r.json as {page: string}[])[0].page, r.response])).toEqual([
        ['application/json', 'PAGE92', {delivered: 1}],
        ['application/json', ids.pageID, {delivered: 1}],
      ])
    }))

  it('without the GWE tracker on the page, the widget still starts, with empty IDs', ({task}) =>
    env.withSession(task, async (session) => {
      const name = 'no-tracker'
      const page = session.page
      await page.goto(`${env.preview.origin}/i/${name}/?tracker=absent&visitID=V0&pageID=P0`)
      await page.locator('#channel-status[data-state="open"]').waitFor()
      expect(await page.evaluate(() => '_gt' in window)).toBe(false)
      await deliverInvitation(page)
      const popup = await acceptIntoPopup(page)
      await popup.getByLabel('Your name').fill('Ada')
      await popup.getByLabel('Phone number').fill(NUMBER)
      await popup.getByRole('button', {name: 'Start chat'}).click()
      await popup.getByRole('log').waitFor()
      expect(await page.locator('#log li[data-kind="invite error"]').allTextContents()).toEqual([
        'invite error: [gwe-int] GWE tracker (_gt) not found on this page: starting without visitID/pageID',
      ])
      expect(Object.fromEntries(new URL(popup.url()).searchParams)).toEqual({gmsScenario: 'CHAT-NOW', visitId: '', pageId: ''})
      const [request] = await env.preview.requests(name, 'gms')
      expect([request.params.visitID, request.params.pageID, request.params.webengagement]).toEqual(['', '', ''])
      // Without a visit ID, gms_user is a random visitor id, the same on every request.
      expect(request.headers.gms_user).toMatch(/^visitor-[a-z0-9]+$/)
      await popup.getByRole('button', {name: 'End chat'}).click()
    }))

  it('a second delivery to the same page leaves one invitation, and it works', ({task}) =>
    env.withSession(task, async (session) => {
      const name = 'twice'
      const page = await openCustomerPage(session, env.preview, name, idsOf(93))
      await deliverInvitation(page)
      // The open invitation is modal, so the page's button cannot be clicked: trigger it as the strategy would.
      await page.locator('#deliver').evaluate((button: HTMLButtonElement) => button.click())
      await page.locator('#log li', {hasText: 'appended'}).nth(1).waitFor()
      expect(await page.locator('.gwe-int-invite').count()).toBe(1)
      const popup = await acceptIntoPopup(page)
      await popup.getByRole('heading', {level: 1, name: 'Chat with us'}).waitFor()
      expect(await inviteResults(page)).toEqual(['ACCEPT_CHAT'])
      expect(session.context.pages()).toHaveLength(2)
    }))

  it('a double click on Confirm creates one callback', ({task}) =>
    env.withSession(task, async (session) => {
      const name = 'double-click'
      const page = await openCustomerPage(session, env.preview, name, idsOf(94))
      await deliverInvitation(page)
      const popup = await acceptIntoPopup(page)
      await popup.getByLabel('Phone number').fill(NUMBER)
      await popup.keyboard.press('Enter')
      await popup.getByRole('button', {name: 'Confirm'}).dblclick()
      await popup.getByRole('heading', {name: 'Please call us'}).waitFor()
      expect((await env.preview.requests(name, 'gms')).map((r) => r.path)).toEqual([FIRST_CALLBACK.path])
    }))

  for (const c of [CHAT_NOW, FIRST_CALLBACK]) {
    it(`${c.media}: declining reports DECLINE and sends nothing to GMS`, ({task}) =>
      env.withSession(task, async (session) => {
        const name = `decline-${c.media}`
        const page = await openCustomerPage(session, env.preview, name, idsOf(90))
        await deliverInvitation(page)
        await page.locator('#gwe-int-invite-decline').click()
        expect(await inviteResults(page)).toEqual(['DECLINE'])
        expect(await page.locator('#gwe-int-invite').count()).toBe(0)
        expect(session.context.pages()).toHaveLength(1)
        expect(await env.preview.requests(name, 'gms')).toEqual([])
      }))
  }

  it('gms-callback: GMS down (500, then no answer) shows a plain message and a retry that works', ({task}) =>
    env.withSession(task, async (session) => {
      const name = 'error-gms-callback'
      await env.preview.gmsMode(name, 500)
      const page = await openCustomerPage(session, env.preview, name, idsOf(91))
      await deliverInvitation(page)
      const popup = await acceptIntoPopup(page)
      const messages: string[] = []
      popup.on('console', (m) => messages.push(m.text()))
      await popup.getByLabel('Phone number').fill(NUMBER)
      await popup.keyboard.press('Enter')
      await popup.getByRole('button', {name: 'Confirm'}).click()
      const alert = popup.getByRole('alert')
      await alert.filter({hasText: 'Sorry, something went wrong. Please try again.'}).waitFor()
      await expectAccessible(popup, {label: 'callback error'})
      // The technical detail goes to the console, never to the visitor.
      expect(await alert.innerText()).not.toMatch(/500|GMS|fetch|Error/)
      expect(messages.some((m) => m.includes('answered 500'))).toBe(true)
      // The network drops: a different plain message.
      await popup.route('**/genesys/1/service/**', (route) => route.abort('internetdisconnected'))
      await popup.getByRole('button', {name: 'Try again'}).click()
      await alert.filter({hasText: 'We could not reach our service. Please check your connection and try again.'}).waitFor()
      await popup.unroute('**/genesys/1/service/**')
      await env.preview.gmsMode(name, 200)
      await popup.getByRole('button', {name: 'Try again'}).click()
      await popup.getByRole('heading', {name: 'Please call us'}).waitFor()
      expect(await env.preview.requests(name, 'gms').then((l) => l.map((r) => [r.path, r.status]))).toEqual([
        [FIRST_CALLBACK.path, 500],
        [FIRST_CALLBACK.path, 200],
      ])
    }))
})

async function expectNoSideScroll(popup: Page): Promise<void> {
  expect(await popup.evaluate(() => document.documentElement.scrollWidth), 'page width at 320 px').toBeLessThanOrEqual(320)
}
