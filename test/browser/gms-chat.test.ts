/**
 * gms-chat in Chromium, every scenario, from the invitation to the end of the chat: the
 * visitor gives a name and number, GMS's answer is followed into a Chat API v1 chat
 * (polling refresh, no CometD), the agent joins, types and answers two messages, and the
 * chat ends, by the agent leaving or by the visitor's "End chat". What GMS received is
 * checked against the documented calls, written out here (not read from the catalogue).
 */
import type {Page} from 'playwright-core'
import {expect, it} from 'vitest'
import type {RecordedRequest} from '../../src/preview/recorder.js'
import {agentLeaves, converse, expectedConversation, say, transcript, until, waitForLine} from '../helpers/chat.js'
import {expectAccessible} from '../helpers/axe.js'
import {acceptIntoPopup, deliverInvitation, describeBrowser, inviteResults, openCustomerPage, type Session, type Ids} from '../helpers/browser.js'
import {type PreviewBrowser, usePreviewBrowser} from '../helpers/preview-browser.js'

const SERVICE = 'samples_new'
const NUMBER = '+1 555 0100 7'
/** The number as GMS gets it: + and digits. */
const DIALLED = '+155501007'
const preset = (wait: boolean) => ({
  _call_direction: 'USERORIGINATED',
  _wait_for_agent: String(wait),
  _wait_for_user_confirm: String(wait),
  _media_type: 'chat',
})

interface Case {
  name: string
  scenario: 'CHAT-NOW' | 'CHAT-WAIT' | 'REQUEST-CHAT'
  /** How the chat ends. */
  end: 'agent' | 'visitor'
}

const CASES: Case[] = [
  {name: 'chat-now', scenario: 'CHAT-NOW', end: 'agent'},
  {name: 'chat-now-end', scenario: 'CHAT-NOW', end: 'visitor'},
  {name: 'chat-wait', scenario: 'CHAT-WAIT', end: 'visitor'},
  {name: 'request-chat', scenario: 'REQUEST-CHAT', end: 'agent'},
]
const EXTRA = [
  {name: 'reload', scenario: 'CHAT-NOW'},
  {name: 'wait-cancel', scenario: 'CHAT-WAIT'},
  {name: 'busy', scenario: 'REQUEST-CHAT'},
  {name: 'lb-chat-now', scenario: 'CHAT-NOW'},
  {name: 'lb-request-chat', scenario: 'REQUEST-CHAT'},
  {name: 'lb-refused', scenario: 'CHAT-NOW'},
]

/** A chat is paced by the widget's polling (every 2 s), so a whole conversation takes a while. */
const CHAT_TIMEOUT = 90_000

/** Generating every integration with the built binary takes a while on a busy machine. */
const SETUP_TIMEOUT = 240_000

let env: PreviewBrowser

const idsOf = (n: number): Ids => ({visitID: `C0FFEE${String(n).padStart(26, '0')}`, pageID: `PAGE ${n}&x=1+é`})
const FIRST = 'Hello & <welcome>'
const SECOND = ['Two lines:', 'the second one']

async function openWidget(name: string, ids: Ids, session: Session): Promise<{page: Page; popup: Page}> {
  const page = await openCustomerPage(session, env.preview, name, ids)
  await deliverInvitation(page)
  const popup = await acceptIntoPopup(page)
  return {page, popup}
}

/** Fills the chat form with the keyboard and starts the chat. */
async function startChat(popup: Page): Promise<void> {
  await popup.getByRole('heading', {level: 1, name: 'Chat with us'}).waitFor()
  // No internal names: no scenario, service or parameter name anywhere on the page.
  const body = await popup.locator('body').innerText()
  for (const internal of ['CHAT-NOW', 'CHAT-WAIT', 'REQUEST-CHAT', SERVICE, '_customer_number', 'gms_user']) expect(body).not.toContain(internal)
  expect(await popup.getByRole('combobox').count()).toBe(0)
  await expectAccessible(popup, {label: 'chat form'})
  // The name field has focus; Enter on an empty form shows inline messages, and nothing is sent.
  await popup.keyboard.press('Enter')
  await popup.getByText('Please fill in this field.').first().waitFor()
  expect(await popup.getByLabel('Your name').getAttribute('aria-invalid')).toBe('true')
  await expectAccessible(popup, {label: 'chat form with inline errors'})
  await popup.getByLabel('Your name').pressSequentially('Ada Lovelace')
  await popup.keyboard.press('Tab')
  expect(await popup.evaluate(() => document.activeElement?.id)).toBe('phone')
  await popup.keyboard.type(NUMBER)
  await popup.keyboard.press('Enter')
}

const gmsRequests = (name: string) => env.preview.requests(name, 'gms')

/** The stand-in's control endpoint, with what the test helper does not send (loadBalanced, an answer body). */
async function gmsControl(body: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${env.preview.origin}/__gwe-int/gms-mode`, {
    method: 'POST',
    headers: {'content-type': 'application/json'},
    body: JSON.stringify(body),
  })
  expect(res.status, await res.text()).toBe(200)
}
const ops = (list: RecordedRequest[]) => list.map((r) => `${r.method} ${r.path.replace(/preview-\d{4}/g, 'ID')}`)

describeBrowser('GMS chat (Chat API v1) in Chromium', () => {
  env = usePreviewBrowser({
    prefix: 'gwe-int-browser-gms-chat-',
    integrations: [...CASES, ...EXTRA].map((c) => [
      'gms-chat',
      '--integration',
      c.name,
      '--scenario',
      c.scenario,
      '--service',
      SERVICE,
      '--host',
      'https://gms.example.com:8443',
    ]),
    timeout: SETUP_TIMEOUT,
  })

  CASES.forEach((c, n) => {
    it(
      `${c.scenario}: invitation → form → chat → ${c.end === 'agent' ? 'the agent leaves' : 'the visitor ends the chat'}`,
      ({task}) =>
        env.withSession(task, async (session) => {
          const ids = idsOf(n)
          const {page, popup} = await openWidget(c.name, ids, session)
          expect(await inviteResults(page)).toEqual(['ACCEPT_CHAT'])
          expect(Object.fromEntries(new URL(popup.url()).searchParams)).toEqual({gmsScenario: c.scenario, visitId: ids.visitID, pageId: ids.pageID})
          expect(await gmsRequests(c.name)).toEqual([])
          await startChat(popup)

          if (c.scenario === 'CHAT-WAIT') {
            // The service waits for the visitor's confirmation: GMS pushes when an agent is ready
            // (gms-confirm.test.ts has the details), the visitor confirms, then the chat.
            await popup.getByRole('heading', {name: 'We will tell you when an agent is ready'}).waitFor()
            await expectAccessible(popup, {label: 'waiting for an agent'})
            await popup.getByRole('heading', {name: 'An agent is ready', exact: true}).waitFor()
            await popup.getByRole('button', {name: 'I am ready'}).click()
          }
          await popup.getByRole('status').filter({hasText: 'You are connected. An agent will be with you shortly.'}).waitFor()
          await converse(popup, FIRST, SECOND)
          await expectAccessible(popup, {label: 'chat'})
          if (c.end === 'agent') {
            await agentLeaves(popup)
          } else {
            await popup.getByRole('button', {name: 'End chat'}).click()
            await popup.getByRole('status').filter({hasText: 'You ended the chat.'}).waitFor()
          }
          await expectAccessible(popup, {label: 'chat ended'})
          const lines = await transcript(popup)
          expect(lines.slice(0, 6)).toEqual(expectedConversation(FIRST, SECOND))
          // Nothing from GMS became markup: the visitor's "<welcome>" is text.
          expect(await popup.locator('[role=log] welcome').count()).toBe(0)

          const all = await gmsRequests(c.name)
          const list = all.filter((r) => !r.path.startsWith('/genesys/cometd'))
          expect(all.length > list.length).toBe(c.scenario === 'CHAT-WAIT')
          const create = list[0]
          const service = c.scenario === 'REQUEST-CHAT' ? '/genesys/1/service/request-chat' : `/genesys/1/service/callback/${SERVICE}`
          expect(`${create.method} ${create.path}`).toBe(`POST ${service}`)
          expect(create.headers['content-type']).toBe('application/x-www-form-urlencoded')
          expect(create.params).toEqual({
            _customer_number: DIALLED,
            ...(c.scenario === 'REQUEST-CHAT' ? {} : preset(c.scenario === 'CHAT-WAIT')),
            ...(c.scenario === 'CHAT-WAIT' ? {_device_os: 'comet', _device_notification_id: ids.visitID} : {}),
            first_name: 'Ada',
            last_name: 'Lovelace',
            visitID: ids.visitID,
            pageID: ids.pageID,
            webengagement: '',
          })
          const id = (create.response as {_id: string})._id
          const chat = `/genesys/1/service/${id}/ixn/chat`
          const rest = list.slice(1)
          // Every request carried gms_user (the visit ID) and went to this service's chat.
          for (const r of all) expect(r.headers.gms_user, `${r.method} ${r.path}`).toBe(ids.visitID)
          for (const r of rest) expect(r.path.startsWith(`/genesys/1/service/${id}/`), r.path).toBe(true)
          expect(rest.filter((r) => r.path.endsWith('/check-queue-position'))).toEqual([])
          expect(rest.filter((r) => r.path.endsWith('/connect')).map((r) => r.method)).toEqual(c.scenario === 'CHAT-WAIT' ? ['GET'] : [])
          const chatCalls = rest.filter((r) => r.path.startsWith(chat))
          expect(chatCalls[0].path).toBe(chat)
          expect(chatCalls[0].params).toEqual({
            firstName: 'Ada',
            lastName: 'Lovelace',
            userDisplayName: 'Ada Lovelace',
            // CHAT-NOW's create answer and CHAT-WAIT's connect answer carry _chat_parameters.
            ...(c.scenario === 'REQUEST-CHAT' ? {} : {subject: 'Your question'}),
            visitID: ids.visitID,
            pageID: ids.pageID,
            webengagement: '',
          })
          for (const r of chatCalls) {
            expect(r.method).toBe('POST')
            expect(r.headers['content-type']).toBe('application/x-www-form-urlencoded')
            expect(r.status, `${r.path} ${JSON.stringify(r.response)}`).toBe(200)
          }
          const sends = chatCalls.filter((r) => r.path === `${chat}/send`).map((r) => r.params)
          expect(sends.slice(0, 2)).toEqual([{message: FIRST}, {message: SECOND.join('\n')}])
          const refreshes = chatCalls.filter((r) => r.path === `${chat}/refresh`)
          expect(refreshes.length).toBeGreaterThan(3)
          // Each refresh asks from the position the previous answer gave.
          for (let i = 1; i < refreshes.length; i += 1) {
            expect(refreshes[i].params.transcriptPosition).toBe((refreshes[i - 1].response as {transcriptPosition: string}).transcriptPosition)
          }
          const typing = chatCalls.filter((r) => /\/(startTyping|stopTyping)$/.test(r.path)).map((r) => r.path.slice(chat.length + 1))
          expect(typing.slice(0, 2)).toEqual(['startTyping', 'stopTyping'])
          const last = chatCalls.at(-1)!
          if (c.end === 'agent') {
            expect((last.response as {chatIxnState: string}).chatIxnState).toBe('DISCONNECTED')
            expect(chatCalls.filter((r) => r.path.endsWith('/disconnect'))).toEqual([])
          } else {
            await until(async () => ops(await gmsRequests(c.name)).at(-1) === 'POST /genesys/1/service/ID/ixn/chat/disconnect', 'disconnect sent')
          }
          // Polling stopped with the chat.
          const count = (await gmsRequests(c.name)).length
          await popup.waitForTimeout(2500)
          expect((await gmsRequests(c.name)).length).toBe(count)
        }),
      CHAT_TIMEOUT,
    )
  })

  it(
    'a reload mid-chat keeps the transcript and the chat',
    ({task}) =>
      env.withSession(task, async (session) => {
        const {popup} = await openWidget('reload', idsOf(20), session)
        await popup.setViewportSize({width: 320, height: 700})
        await startChat(popup)
        await waitForLine(popup, 'Preview Agent: Hello, this is the gwe-int preview agent. How can I help you?')
        await say(popup, 'before the reload')
        await waitForLine(popup, 'Preview Agent: Thank you. You wrote: "before the reload"')
        await popup.reload()
        await popup.getByRole('status').filter({hasText: 'Welcome back. Your chat continues.'}).waitFor()
        await say(popup, 'after the reload')
        await waitForLine(popup, 'Preview Agent: Thank you. You wrote: "after the reload"')
        const lines = await transcript(popup)
        expect(lines.filter((l) => l.startsWith('You: '))).toEqual(['You: before the reload', 'You: after the reload'])
        expect(await popup.evaluate(() => document.documentElement.scrollWidth), 'page width at 320 px').toBeLessThanOrEqual(320)
        const creates = (await gmsRequests('reload')).filter((r) => /\/ixn\/chat$|callback\/samples_new$/.test(r.path))
        expect(creates).toHaveLength(2)
      }),
    CHAT_TIMEOUT,
  )

  it(
    'CHAT-WAIT: the visitor leaves the queue; the wait is cancelled on GMS',
    ({task}) =>
      env.withSession(task, async (session) => {
        const {popup} = await openWidget('wait-cancel', idsOf(21), session)
        await startChat(popup)
        await popup.getByRole('heading', {name: 'We will tell you when an agent is ready'}).waitFor()
        await popup.getByRole('button', {name: 'Leave the queue'}).click()
        await popup.getByRole('heading', {name: 'You left the queue.'}).waitFor()
        const list = (await gmsRequests('wait-cancel')).filter((r) => !r.path.startsWith('/genesys/cometd'))
        const id = (list[0].response as {_id: string})._id
        const cancel = list.find((r) => r.method === 'DELETE')!
        expect(cancel.path).toBe(`/genesys/1/service/callback/${SERVICE}/${id}`)
        expect(cancel.headers.gms_user).toBe(idsOf(21).visitID)
        const count = list.length
        await popup.waitForTimeout(3500)
        expect((await gmsRequests('wait-cancel')).filter((r) => !r.path.startsWith('/genesys/cometd')).length).toBe(count)
      }),
    CHAT_TIMEOUT,
  )

  it(
    'REQUEST-CHAT answered 503: a plain message and a retry that works once an agent is free',
    ({task}) =>
      env.withSession(task, async (session) => {
        await env.preview.gmsMode('busy', 503)
        const {popup} = await openWidget('busy', idsOf(22), session)
        await startChat(popup)
        const alert = popup.getByRole('alert')
        await alert.filter({hasText: 'All our agents are busy right now. Please try again in a few minutes.'}).waitFor()
        await expectAccessible(popup, {label: 'error'})
        expect(await alert.innerText()).not.toMatch(/503|Service Unavailable|GMS|fetch/)
        await env.preview.gmsMode('busy', 200)
        await popup.getByRole('button', {name: 'Try again'}).click()
        await waitForLine(popup, 'Preview Agent: Hello, this is the gwe-int preview agent. How can I help you?')
        expect(ops(await gmsRequests('busy')).slice(0, 3)).toEqual([
          'POST /genesys/1/service/request-chat',
          'POST /genesys/1/service/request-chat',
          'POST /genesys/1/service/ID/ixn/chat',
        ])
        await popup.getByRole('button', {name: 'End chat'}).click()
      }),
    CHAT_TIMEOUT,
  )

  for (const [n, c] of [
    [30, {name: 'lb-chat-now', scenario: 'CHAT-NOW', field: '_start_chat_url'}],
    [31, {name: 'lb-request-chat', scenario: 'REQUEST-CHAT', field: '_chatIxnAPI-CREATE-URL'}],
  ] as const) {
    it(
      `${c.scenario} behind a load balancer: GMS answers its internal origin, the chat opens on the generated host`,
      ({task}) =>
        env.withSession(task, async (session) => {
          await gmsControl({integration: c.name, status: 200, loadBalanced: true})
          const {popup} = await openWidget(c.name, idsOf(n), session)
          await startChat(popup)
          await waitForLine(popup, 'Preview Agent: Hello, this is the gwe-int preview agent. How can I help you?')
          await say(popup, 'through the balancer')
          await waitForLine(popup, 'Preview Agent: Thank you. You wrote: "through the balancer"')
          await popup.getByRole('button', {name: 'End chat'}).click()
          await popup.getByRole('status').filter({hasText: 'You ended the chat.'}).waitFor()
          const list = await gmsRequests(c.name)
          const answer = list[0].response as Record<string, string>
          const id = answer._id
          // GMS wrote an origin no browser reaches; the widget kept the path, on the preview's GMS host.
          expect(answer[c.field]).toBe(`http://gms-node-2:8080/genesys/1/service/${id}/ixn/chat`)
          expect(list[1].path).toBe(`/genesys/1/service/${id}/ixn/chat`)
          expect(list[1].status).toBe(200)
          expect(ops(list).slice(-1)).toEqual(['POST /genesys/1/service/ID/ixn/chat/disconnect'])
        }),
      CHAT_TIMEOUT,
    )
  }

  it('a URL outside /genesys/ in GMS answer is refused with the plain message; nothing follows it', ({task}) =>
    env.withSession(task, async (session) => {
      await gmsControl({
        integration: 'lb-refused',
        status: 201,
        body: {_id: 'x1', _action: 'StartChat', _start_chat_url: 'http://gms-node-2:8080/admin/steal', _chat_parameters: {subject: 'x'}},
      })
      const {popup} = await openWidget('lb-refused', idsOf(32), session)
      const messages: string[] = []
      popup.on('console', (m) => messages.push(m.text()))
      await startChat(popup)
      await popup.getByRole('alert').filter({hasText: 'Sorry, something went wrong. Please try again.'}).waitFor()
      expect(messages.some((m) => m.includes('refused to follow _start_chat_url'))).toBe(true)
      expect(ops(await gmsRequests('lb-refused'))).toEqual([`POST /genesys/1/service/callback/${SERVICE}`])
    }))
})
