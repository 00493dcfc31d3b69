/**
 * webapi-chat in Chromium: the invitation opens the GMS Chat API v2 page, the visitor
 * starts a chat with the keyboard, has a conversation with the scripted agent (typing
 * notice, two messages each way), and the chat ends by the agent leaving or by "End
 * chat"; a reload mid-chat continues it. The GMS stand-in records what the page sent:
 * userData[...] attached data, credentials on every later call, transcriptPosition.
 */
import type {Page} from 'playwright-core'
import {expect, it} from 'vitest'
import type {RecordedRequest} from '../../src/preview/recorder.js'
import {agentLeaves, converse, expectedConversation, say, transcript, until, waitForLine} from '../helpers/chat.js'
import {acceptIntoPopup, deliverInvitation, describeBrowser, expectNotify, inviteResults, openCustomerPage, type Ids, type Session} from '../helpers/browser.js'
import {expectAccessible} from '../helpers/axe.js'
import {usePreviewBrowser} from '../helpers/preview-browser.js'

const SERVICE = 'customer-support'
const NAMES = ['webapi', 'webapi-end', 'webapi-reload', 'webapi-busy', 'webapi-decline']
const idsOf = (n: number): Ids => ({visitID: `5E1F0C2D3B4A5968776655443322110${n}`, pageID: `PAGE ${n}&x=1+é`})
const FIRST = 'Hello & <welcome>'
const SECOND = ['Two lines:', 'the second one']
/** A chat is paced by the page's polling (every 2 s). */
const CHAT_TIMEOUT = 90_000

describeBrowser('Web API chat (GMS Chat API v2) in Chromium', () => {
  const env = usePreviewBrowser({
    prefix: 'gwe-int-browser-webapi-',
    integrations: NAMES.map((name) => [
      'webapi-chat',
      '--integration',
      name,
      '--service',
      SERVICE,
      '--host',
      'https://gms.example.com',
      '--gwe-version',
      '8.5',
    ]),
    timeout: 240_000,
  })

  async function openChat(session: Session, name: string, ids: Ids): Promise<{page: Page; popup: Page}> {
    const page = await openCustomerPage(session, env.preview, name, ids)
    await deliverInvitation(page)
    const popup = await acceptIntoPopup(page)
    return {page, popup}
  }

  async function start(popup: Page): Promise<void> {
    await popup.getByRole('heading', {level: 1, name: 'Chat with us'}).waitFor()
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('name')
    await expectAccessible(popup, {label: 'chat form'})
    await popup.keyboard.type('Ada Lovelace')
    await popup.keyboard.press('Enter')
    await popup.getByRole('status').filter({hasText: 'You are connected. An agent will be with you shortly.'}).waitFor()
  }

  function checkRequests(list: RecordedRequest[], ids: Ids) {
    const base = `/genesys/2/chat/${SERVICE}`
    const [create, ...rest] = list
    expect(`${create.method} ${create.path}`).toBe(`POST ${base}`)
    expect(create.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(create.params).toEqual({nickname: 'Ada Lovelace', 'userData[visitID]': ids.visitID, 'userData[pageID]': ids.pageID, 'userData[webengagement]': ''})
    const {chatId, userId, secureKey, alias} = create.response as Record<string, string>
    const credentials = {userId, secureKey, alias}
    for (const r of rest) {
      expect(r.method).toBe('POST')
      expect(r.path.startsWith(`${base}/${chatId}/`), r.path).toBe(true)
      expect(r.headers['content-type']).toBe('application/x-www-form-urlencoded')
      expect(r.params).toMatchObject(credentials)
      expect(r.status, `${r.path} ${JSON.stringify(r.response)}`).toBe(200)
    }
    const op = (r: RecordedRequest) => r.path.slice(`${base}/${chatId}/`.length)
    const refreshes = rest.filter((r) => op(r) === 'refresh')
    // Each refresh asks from the nextPosition the previous answer gave.
    let next = (create.response as {nextPosition: number}).nextPosition
    for (const r of refreshes) {
      expect(r.params.transcriptPosition).toBe(String(next))
      next = (r.response as {nextPosition: number}).nextPosition
    }
    return {ops: rest.map(op), sends: rest.filter((r) => op(r) === 'send').map((r) => r.params.message)}
  }

  it(
    'invitation → chat → two messages each way → the agent leaves',
    ({task}) =>
      env.withSession(task, async (session) => {
        const ids = idsOf(0)
        const {page, popup} = await openChat(session, 'webapi', ids)
        const opened = new URL(popup.url())
        expect(opened.pathname).toBe('/i/webapi/server/resources/chatGPE.html')
        expect(Object.fromEntries(opened.searchParams)).toEqual({visitId: ids.visitID, pageId: ids.pageID})
        expect(await inviteResults(page)).toEqual(['ACCEPT_CHAT'])
        await start(popup)
        await converse(popup, FIRST, SECOND)
        await expectAccessible(popup, {label: 'chat'})
        await agentLeaves(popup)
        await expectAccessible(popup, {label: 'chat ended'})
        expect((await transcript(popup)).slice(0, 6)).toEqual(expectedConversation(FIRST, SECOND))
        const list = await env.preview.requests('webapi', 'gms')
        const {ops, sends} = checkRequests(list, ids)
        expect(sends).toEqual([FIRST, SECOND.join('\n'), 'Thanks, bye'])
        expect(ops.filter((o) => o.endsWith('Typing')).slice(0, 2)).toEqual(['startTyping', 'stopTyping'])
        expect(ops).not.toContain('disconnect')
        expect((list.at(-1)!.response as {chatEnded: boolean}).chatEnded).toBe(true)
        // No request after chatEnded.
        await popup.waitForTimeout(2500)
        expect((await env.preview.requests('webapi', 'gms')).length).toBe(list.length)
        const [notify] = await env.preview.requests('webapi', 'gwe')
        expectNotify(notify, {prefix: '/server', ids, inviteUrl: `${env.preview.origin}/i/webapi/server/resources/inviteWebApi.html`})
      }),
    CHAT_TIMEOUT,
  )

  it(
    'the visitor ends the chat with "End chat"; polling stops',
    ({task}) =>
      env.withSession(task, async (session) => {
        const ids = idsOf(1)
        const {popup} = await openChat(session, 'webapi-end', ids)
        await start(popup)
        await converse(popup, FIRST, SECOND)
        await popup.getByRole('button', {name: 'End chat'}).press('Enter')
        await popup.getByRole('status').filter({hasText: 'You ended the chat.'}).waitFor()
        await until(async () => Boolean((await env.preview.requests('webapi-end', 'gms')).at(-1)?.path.endsWith('/disconnect')), 'disconnect sent')
        const list = await env.preview.requests('webapi-end', 'gms')
        expect(checkRequests(list, ids).ops.filter((o) => o === 'disconnect')).toHaveLength(1)
        await popup.waitForTimeout(2500)
        expect((await env.preview.requests('webapi-end', 'gms')).length).toBe(list.length)
      }),
    CHAT_TIMEOUT,
  )

  it(
    'a reload mid-chat continues the same chat (chatId, userId, secureKey, alias kept for the tab)',
    ({task}) =>
      env.withSession(task, async (session) => {
        const {popup} = await openChat(session, 'webapi-reload', idsOf(2))
        await start(popup)
        await say(popup, 'before the reload')
        await waitForLine(popup, 'Preview Agent: Thank you. You wrote: "before the reload"')
        await popup.reload()
        await popup.getByRole('status').filter({hasText: 'Welcome back. Your chat continues.'}).waitFor()
        await say(popup, 'after the reload')
        await waitForLine(popup, 'Preview Agent: Thank you. You wrote: "after the reload"')
        expect((await transcript(popup)).filter((l) => l.startsWith('You: '))).toEqual(['You: before the reload', 'You: after the reload'])
        const list = await env.preview.requests('webapi-reload', 'gms')
        expect(list.filter((r) => r.path === `/genesys/2/chat/${SERVICE}`)).toHaveLength(1)
        await popup.getByRole('button', {name: 'End chat'}).click()
      }),
    CHAT_TIMEOUT,
  )

  it('declining reports DECLINE and sends nothing to GMS', ({task}) =>
    env.withSession(task, async (session) => {
      const page = await openCustomerPage(session, env.preview, 'webapi-decline', idsOf(3))
      await deliverInvitation(page)
      await page.locator('#gwe-int-invite-decline').click()
      expect(await inviteResults(page)).toEqual(['DECLINE'])
      expect(session.context.pages()).toHaveLength(1)
      expect(await env.preview.requests('webapi-decline', 'gms')).toEqual([])
    }))

  it('a GMS 503 shows a plain message and a retry that works', ({task}) =>
    env.withSession(task, async (session) => {
      await env.preview.gmsMode('webapi-busy', 503)
      const {popup} = await openChat(session, 'webapi-busy', idsOf(4))
      await popup.getByLabel('Your name').fill('Ada')
      await popup.getByRole('button', {name: 'Start chat'}).click()
      const alert = popup.getByRole('alert')
      await alert.filter({hasText: 'All our agents are busy right now. Please try again in a few minutes.'}).waitFor()
      await expectAccessible(popup, {label: 'error'})
      expect(await alert.innerText()).not.toMatch(/503|GMS|Service Unavailable/)
      await env.preview.gmsMode('webapi-busy', 200)
      await popup.getByRole('button', {name: 'Try again'}).click()
      await popup.getByRole('log').waitFor()
      const gms = await env.preview.requests('webapi-busy', 'gms')
      expect(gms.slice(0, 2).map((r) => [r.path, r.status, r.params.nickname])).toEqual([
        [`/genesys/2/chat/${SERVICE}`, 503, 'Ada'],
        [`/genesys/2/chat/${SERVICE}`, 200, 'Ada'],
      ])
      await popup.getByRole('button', {name: 'End chat'}).click()
    }))
})
