/**
 * Scenarios whose GMS service waits for the visitor's confirmation (_wait_for_user_confirm=true),
 * in Chromium against the preview's stand-in: the widget registers a comet push channel, GMS
 * (the stand-in, its Bayeux side served by faye) pushes when its scripted agent is ready, the
 * visitor confirms and the widget sends the connect request, whose answer ends the flow. Also
 * the visitor who declines, and the one who confirms too late (FAIL_USER_NO_CONFIRM).
 */
import type {Page} from 'playwright-core'
import {expect, it} from 'vitest'
import type {RecordedRequest} from '../../src/preview/recorder.js'
import {acceptIntoPopup, deliverInvitation, describeBrowser, openCustomerPage, type Ids, type Session} from '../helpers/browser.js'
import {expectAccessible} from '../helpers/axe.js'
import {type PreviewBrowser, usePreviewBrowser} from '../helpers/preview-browser.js'

interface Case {
  name: string
  media: 'gms-callback' | 'gms-chat'
  scenario: string
  scheduled?: boolean
  /** What the visitor reads when the agent is ready. */
  ready: string
  outcome: 'calling' | 'dial' | 'chat'
}

const NUMBER = '+1 555 0100 7'
const DIALLED = '+155501007'
const CALLING_NOW = `An agent is ready: when you confirm, we are calling you now at ${DIALLED}.`
const CASES: Case[] = [
  {name: 'wait-userterm', media: 'gms-callback', scenario: 'VOICE-WAIT-USERTERM', ready: CALLING_NOW, outcome: 'calling'},
  {
    name: 'wait-userorig',
    media: 'gms-callback',
    scenario: 'VOICE-WAIT-USERORIG',
    ready: 'An agent is ready: when you confirm, we give you the number to call.',
    outcome: 'dial',
  },
  {name: 'scheduled', media: 'gms-callback', scenario: 'VOICE-SCHEDULED-USERTERM', scheduled: true, ready: CALLING_NOW, outcome: 'calling'},
  {name: 'chat-wait', media: 'gms-chat', scenario: 'CHAT-WAIT', ready: 'An agent is ready: when you confirm, the chat starts.', outcome: 'chat'},
]
const EXTRA = [
  {name: 'decline', media: 'gms-callback', scenario: 'VOICE-WAIT-USERTERM'},
  {name: 'too-late', media: 'gms-callback', scenario: 'VOICE-WAIT-USERORIG'},
  {name: 'dropped', media: 'gms-callback', scenario: 'VOICE-WAIT-USERTERM'},
]

const SETUP_TIMEOUT = 240_000
const FLOW_TIMEOUT = 90_000

let env: PreviewBrowser

const idsOf = (n: number): Ids => ({visitID: `BEEF${String(n).padStart(28, '0')}`, pageID: `PAGE ${n}`})
const isCometd = (r: RecordedRequest) => r.path.startsWith('/genesys/cometd')

/** From the invitation to the waiting screen: the visitor books. */
async function book(c: {name: string; media: string; scheduled?: boolean}, ids: Ids, session: Session): Promise<Page> {
  const page = await openCustomerPage(session, env.preview, c.name, ids)
  await deliverInvitation(page)
  const popup = await acceptIntoPopup(page)
  if (c.media === 'gms-chat') {
    await popup.getByLabel('Your name').fill('Ada Lovelace')
    await popup.getByLabel('Phone number').fill(NUMBER)
    await popup.keyboard.press('Enter')
  } else {
    await popup.getByLabel('Phone number').fill(NUMBER)
    if (c.scheduled) {
      const select = popup.getByLabel('Time')
      await select.locator('optgroup option').first().waitFor({state: 'attached'})
      await select.selectOption(await select.locator('optgroup option').first().getAttribute('value'))
    }
    await popup.getByRole('button', {name: 'Continue'}).click()
    await popup.getByRole('button', {name: 'Confirm'}).click()
  }
  await popup.getByRole('heading', {name: 'We will tell you when an agent is ready'}).waitFor()
  return popup
}

/** The create request, and checks common to every confirmation flow. */
function created(list: RecordedRequest[], ids: Ids): {id: string; rest: RecordedRequest[]} {
  const create = list.find((r) => r.method === 'POST' && r.path.startsWith('/genesys/1/service/callback/'))!
  // The push channel is registered with the create request: the comet push type, the visitor's ID.
  expect(create.params._device_os).toBe('comet')
  expect(create.params._device_notification_id).toBe(ids.visitID)
  expect(create.params._customer_number).toBe(DIALLED)
  // The channel was open (handshake, subscribe) before the callback was created.
  expect(list.indexOf(create)).toBeGreaterThan(list.findIndex(isCometd))
  // Every request, CometD included, carried gms_user.
  for (const r of list) expect(r.headers.gms_user, `${r.method} ${r.path}`).toBe(ids.visitID)
  const id = (create.response as {_id: string})._id
  return {id, rest: list.filter((r) => r !== create && !isCometd(r) && !r.path.endsWith('/availability'))}
}

async function gmsMode(body: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${env.preview.origin}/__gwe-int/gms-mode`, {
    method: 'POST',
    headers: {'content-type': 'application/json'},
    body: JSON.stringify(body),
  })
  expect(res.status, await res.text()).toBe(200)
}

describeBrowser('GMS visitor confirmation in Chromium', () => {
  env = usePreviewBrowser({
    prefix: 'gwe-int-browser-gms-confirm-',
    integrations: [...CASES, ...EXTRA].map((c) => [
      c.media,
      '--integration',
      c.name,
      '--scenario',
      c.scenario,
      '--service',
      'callme',
      '--host',
      'https://gms.example.com:8443',
    ]),
    timeout: SETUP_TIMEOUT,
  })

  CASES.forEach((c, n) => {
    it(
      `${c.scenario}: books, the agent is ready, the visitor confirms, GMS gets the connect request`,
      ({task}) =>
        env.withSession(task, async (session) => {
          const ids = idsOf(n)
          const popup = await book(c, ids, session)
          await expectAccessible(popup, {label: `${c.scenario} waiting`})
          await popup.getByRole('heading', {name: 'An agent is ready', exact: true}).waitFor()
          expect(await popup.locator('#outcome-body p').allTextContents()).toEqual([c.ready])
          await expectAccessible(popup, {label: `${c.scenario} agent ready`})
          await popup.getByRole('button', {name: 'I am ready'}).click()

          if (c.outcome === 'calling') {
            await popup.getByRole('heading', {name: 'We are calling you now'}).waitFor()
            expect(await popup.locator('#outcome-body p').allTextContents()).toEqual(['An agent is calling you now.'])
          } else if (c.outcome === 'dial') {
            await popup.getByRole('heading', {name: 'Please call us'}).waitFor()
            expect(await popup.getByRole('link', {name: 'Call +15555550100'}).getAttribute('href')).toBe('tel:+15555550100')
          } else {
            await popup.getByRole('status').filter({hasText: 'You are connected. An agent will be with you shortly.'}).waitFor()
            await popup.getByRole('button', {name: 'End chat'}).click()
            await popup.getByRole('status').filter({hasText: 'You ended the chat.'}).waitFor()
          }

          const {id, rest} = created(await env.preview.requests(c.name, 'gms'), ids)
          const connect = rest[0]
          expect(`${connect.method} ${connect.path}`).toBe(`GET /genesys/1/service/${id}/connect`)
          expect(connect.status).toBe(200)
          if (c.outcome === 'chat') expect(`${rest[1].method} ${rest[1].path}`).toBe(`POST /genesys/1/service/${id}/ixn/chat`)
          else expect(rest.slice(1)).toEqual([])
        }),
      FLOW_TIMEOUT,
    )
  })

  it(
    'the visitor declines when the agent is ready: the callback is cancelled, no connect request',
    ({task}) =>
      env.withSession(task, async (session) => {
        const ids = idsOf(20)
        const popup = await book(EXTRA[0], ids, session)
        await popup.getByRole('heading', {name: 'An agent is ready', exact: true}).waitFor()
        await popup.getByRole('button', {name: 'Not now'}).click()
        await popup.getByRole('heading', {name: 'You declined; your request was cancelled.'}).waitFor()
        const {id, rest} = created(await env.preview.requests('decline', 'gms'), ids)
        expect(rest.map((r) => `${r.method} ${r.path}`)).toEqual([`DELETE /genesys/1/service/callback/callme/${id}`])
      }),
    FLOW_TIMEOUT,
  )

  it(
    'a visitor who confirms too late reads FAIL_USER_NO_CONFIRM in plain words and can book again',
    ({task}) =>
      env.withSession(task, async (session) => {
        await gmsMode({integration: 'too-late', status: 0, confirmWindowMs: 100})
        const ids = idsOf(21)
        const popup = await book(EXTRA[1], ids, session)
        await popup.getByRole('heading', {name: 'An agent is ready', exact: true}).waitFor()
        // The stand-in's window for the connect request closes; the visitor confirms after it.
        await popup.waitForTimeout(500)
        await popup.getByRole('button', {name: 'I am ready'}).click()
        await popup.getByRole('heading', {name: 'You did not confirm in time'}).waitFor()
        expect(await popup.locator('#outcome-body p').allTextContents()).toEqual([
          'The agent was ready, but we did not hear from you in time, so your request has ended. You can make a new one.',
        ])
        const body = await popup.locator('body').innerText()
        expect(body).not.toContain('FAIL_USER_NO_CONFIRM')
        await expectAccessible(popup, {label: 'confirmed too late'})
        const {id, rest} = created(await env.preview.requests('too-late', 'gms'), ids)
        expect(`${rest[0].method} ${rest[0].path}`).toBe(`GET /genesys/1/service/${id}/connect`)
        expect(rest[0].status).toBe(400)
        expect(rest[0].response).toMatchObject({_callback_reason: 'FAIL_USER_NO_CONFIRM'})
        await popup.getByRole('button', {name: 'Make a new request'}).click()
        expect(await popup.getByLabel('Phone number').isVisible()).toBe(true)
      }),
    FLOW_TIMEOUT,
  )

  it(
    'a push channel that drops while the visitor waits: a plain message, and "Try again" opens it again',
    ({task}) =>
      env.withSession(task, async (session) => {
        // The agent is not ready during this test: only the channel is looked at.
        await gmsMode({integration: 'dropped', status: 0, agentReadyMs: 600_000})
        const ids = idsOf(22)
        const popup = await book(EXTRA[2], ids, session)
        const handshakes = async () => (await env.preview.requests('dropped', 'gms')).filter(isCometd).length
        await popup.route('**/genesys/cometd', (r) => r.abort())
        const alert = popup.getByRole('alert')
        await alert.filter({hasText: 'We lost the connection that tells you when an agent is ready.'}).waitFor({timeout: 40_000})
        expect(await alert.innerText()).not.toMatch(/CometD|Bayeux|\b[45]\d\d\b/)
        await expectAccessible(popup, {label: 'push channel lost'})
        // Still a way to leave: cancel stays on the page.
        expect(await popup.getByRole('button', {name: 'Cancel the callback'}).isVisible()).toBe(true)
        await popup.unroute('**/genesys/cometd')
        const before = await handshakes()
        await popup.getByRole('button', {name: 'Try again'}).click()
        await alert.waitFor({state: 'hidden'})
        // The alert goes as the click is handled; the new handshake follows over the network.
        await expect.poll(handshakes, {timeout: 15_000}).toBeGreaterThan(before)
        await popup.getByRole('button', {name: 'Cancel the callback'}).click()
        await popup.getByRole('heading', {name: 'Your callback was cancelled.'}).waitFor()
      }),
    FLOW_TIMEOUT,
  )
})
