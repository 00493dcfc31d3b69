/**
 * webapi-chat in Chromium: the invitation opens the GMS Chat API v2 page on GWE, the
 * visitor starts a chat, writes, and reads the scripted agent's answer; the GMS
 * stand-in checks the requests (S12: userData[...] attached data, credentials on
 * every later call).
 */
import type {Browser, Page} from 'playwright-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {agentReply} from '../../src/preview/chat-v2.js'
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
  withSession,
  type RunningPreview,
  type Session,
} from '../helpers/browser.js'

const NAME = 'webapi'
const SERVICE = 'customer-support'
const IDS = {visitID: '5E1F0C2D3B4A59687766554433221100', pageID: 'PAGE 7&x=1+é'}

let browser: Browser
let preview: RunningPreview

describeBrowser('Web API chat (GMS Chat API v2) in Chromium', () => {
  beforeAll(async () => {
    const cwd = tempDir('gwe-int-browser-webapi-')
    await newIntegrations(cwd, [['webapi-chat', '--integration', NAME, '--service', SERVICE, '--host', 'https://gms.example.com', '--gwe-version', '8.5']])
    ;[browser, preview] = await Promise.all([launchBrowser(), startPreview(cwd)])
  })

  afterAll(async () => {
    await browser?.close()
    if (preview) expect((await preview.stop()).exitCode).toBe(0)
  })

  async function openChat(session: Session, ids = IDS): Promise<{page: Page; popup: Page}> {
    await preview.clear(NAME)
    const page = await openCustomerPage(session, preview, NAME, ids)
    await deliverInvitation(page)
    const popup = await acceptIntoPopup(page)
    return {page, popup}
  }

  it('invitation → chat page → Chat API v2 with userData → agent reply in the transcript', ({task}) => withSession(browser, task, async (session) => {
    const {page, popup} = await openChat(session)
    const opened = new URL(popup.url())
    expect(opened.pathname).toBe(`/i/${NAME}/server/resources/chatGPE.html`)
    expect(Object.fromEntries(opened.searchParams)).toEqual({visitId: IDS.visitID, pageId: IDS.pageID})
    expect(await inviteResults(page)).toEqual(['ACCEPT_CHAT'])

    await popup.fill('#first_name', 'Ada')
    await popup.fill('#last_name', 'Lovelace')
    await popup.fill('#subject', 'Pricing')
    await popup.click('#connect')
    await popup.locator('#status', {hasText: 'Connected. An agent will be with you shortly.'}).waitFor()
    await popup.fill('#message', 'Hello & <welcome>')
    await popup.click('#send')
    // The agent's answer arrives through the page's refresh polling.
    const reply = popup.locator('#transcript li.agent')
    await reply.waitFor()
    expect(await popup.locator('#transcript li').allTextContents()).toEqual([
      'Ada Lovelace joined the chat',
      'Ada Lovelace: Hello & <welcome>',
      'Preview Agent joined the chat',
      `Preview Agent: ${agentReply('Hello & <welcome>')}`,
    ])

    await popup.click('#end')
    await popup.locator('#status', {hasText: 'You left the chat.'}).waitFor()
    const requests = await waitForRequests(NAME, (list) => list.some((r) => r.path.endsWith('/disconnect')))
    const base = `/genesys/2/chat/${SERVICE}`
    const [create, ...rest] = requests
    expect(create.method).toBe('POST')
    expect(create.path).toBe(base)
    expect(create.headers['content-type']).toBe('application/x-www-form-urlencoded')
    // S12: names, subject and the attached data as userData[...] (S0/S1: visitID, pageID, webengagement '').
    expect(create.params).toEqual({firstName: 'Ada', lastName: 'Lovelace', subject: 'Pricing', 'userData[visitID]': IDS.visitID, 'userData[pageID]': IDS.pageID, 'userData[webengagement]': ''})
    const {chatId, userId, secureKey, alias} = create.response as Record<string, string>
    const credentials = {userId, secureKey, alias}
    const send = rest.filter((r) => r.path === `${base}/${chatId}/send`)
    expect(send.map((r) => r.params)).toEqual([{...credentials, message: 'Hello & <welcome>'}])
    const refreshes = rest.filter((r) => r.path === `${base}/${chatId}/refresh`)
    expect(refreshes.length).toBeGreaterThan(0)
    for (const r of refreshes) expect(r.params).toEqual({...credentials, transcriptPosition: expect.stringMatching(/^\d+$/)})
    expect(rest.filter((r) => r.path === `${base}/${chatId}/disconnect`).map((r) => r.params)).toEqual([credentials])
    expect(rest.every((r) => r.method === 'POST' && r.status === 200)).toBe(true)

    const [notify] = await preview.requests(NAME, 'gwe')
    expectNotify(notify, {prefix: '/server', ids: IDS, inviteUrl: `${preview.origin}/i/${NAME}/server/resources/inviteWebApi.html`})
  }))

  it('declining reports DECLINE and sends nothing to GMS', ({task}) => withSession(browser, task, async (session) => {
    await preview.clear(NAME)
    const page = await openCustomerPage(session, preview, NAME, IDS)
    await deliverInvitation(page)
    await page.locator('#gwe-int-invite-decline').click()
    expect(await inviteResults(page)).toEqual(['DECLINE'])
    expect(session.context.pages()).toHaveLength(1)
    expect(await preview.requests(NAME, 'gms')).toEqual([])
  }))

  it('a GMS 503 shows the visitor an error', ({task}) => withSession(browser, task, async (session) => {
    await preview.gmsMode(NAME, 503)
    try {
      const {popup} = await openChat(session)
      await popup.fill('#first_name', 'Ada')
      await popup.click('#connect')
      const status = popup.locator('#status.error')
      await status.waitFor()
      expect(await status.textContent()).toBe('Sorry, the chat could not start. GMS answered 503: Service Unavailable (gwe-int preview error mode)')
      const gms = await preview.requests(NAME, 'gms')
      expect(gms.map((r) => [r.path, r.status, r.params.nickname])).toEqual([[`/genesys/2/chat/${SERVICE}`, 503, 'Ada']])
    } finally {
      await preview.gmsMode(NAME, 200)
    }
  }))
})

/** The GMS requests once `done` holds (the page's disconnect is sent after its status changes). */
async function waitForRequests(name: string, done: (list: Awaited<ReturnType<RunningPreview['requests']>>) => boolean) {
  for (;;) {
    const list = await preview.requests(name, 'gms')
    if (done(list)) return list
    await new Promise((r) => setTimeout(r, 50))
  }
}
