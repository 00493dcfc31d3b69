/**
 * The GMS stand-in's rejections as the visitor meets them, and GMS's text as data:
 *
 * - Each rule of the stand-in's contract table is broken once on the wire (the browser
 *   alters the widget's request on its way out), the stand-in refuses it, and the widget
 *   shows its plain message: never a status code, a field name or an exception text.
 * - Every text field GMS or an agent sends (dialog texts and labels, menu entries, the
 *   transcript's nicknames and messages, the access code) is sent back as
 *   `<img src=x onerror=…>`; the page shows it as text, with no element and no script run.
 *   URLs to follow (_tel_url, _user_action_url, _start_chat_url, _chatIxnAPI-CREATE-URL)
 *   that leave the GMS host are refused with the same plain message.
 */
import type {Page, Route} from 'playwright-core'
import {expect, it} from 'vitest'
import {CONTRACT, type RuleId} from '../../src/preview/gms-contract.js'
import {waitForLine} from '../helpers/chat.js'
import {describeBrowser} from '../helpers/browser.js'
import {type PreviewBrowser, usePreviewBrowser} from '../helpers/preview-browser.js'

const SERVICE = 'svc'
const INTEGRATIONS: [name: string, media: string, scenario?: string][] = [
  ['now', 'gms-chat', 'CHAT-NOW'],
  ['wait', 'gms-chat', 'CHAT-WAIT'],
  ['rchat', 'gms-chat', 'REQUEST-CHAT'],
  ['term', 'gms-callback', 'VOICE-NOW-USERTERM'],
  ['orig', 'gms-callback', 'VOICE-NOW-USERORIG'],
  ['sched', 'gms-callback', 'VOICE-SCHEDULED-USERTERM'],
  ['ri', 'gms-callback', 'REQUEST-INTERACTION'],
  ['custom', 'gms-callback', 'CUSTOM'],
  ['confirm', 'gms-callback', 'VOICE-WAIT-USERTERM'],
  ['web', 'webapi-chat'],
]
const GENERIC = 'Sorry, something went wrong. Please try again.'
const LOST = 'Your chat could not be continued; it has ended. You can start a new one.'
const NOT_SENT = 'Your message was not sent. Please try again.'
const XSS = '<img src=x onerror="window.__xss=(window.__xss||0)+1">'
const TIMEOUT = 90_000

let env: PreviewBrowser

const widgetUrl = (name: string) => {
  const media = INTEGRATIONS.find((i) => i[0] === name)!
  if (media[1] === 'webapi-chat') return `${env.preview.origin}/i/${name}/frontend/resources/chatGPE.html?visitId=V-${name}&pageId=P`
  return `${env.preview.origin}/i/${name}/gms/genesys/admin/js/sample/cb/indexGPE.html?gmsScenario=${media[2]}&visitId=V-${name}&pageId=P`
}

/** The form filled in and submitted (and confirmed, for a callback). */
async function submit(popup: Page, name: string): Promise<void> {
  const [, media, scenario] = INTEGRATIONS.find((i) => i[0] === name)!
  if (media !== 'gms-callback') await popup.getByLabel('Your name').fill('Ada')
  if (media !== 'webapi-chat') await popup.getByLabel('Phone number').fill('+1 555 0100')
  if (scenario === 'VOICE-SCHEDULED-USERTERM') {
    const select = popup.getByLabel('Time')
    await select.locator('optgroup option').first().waitFor({state: 'attached'})
    await select.selectOption({index: 1})
  }
  await popup.getByRole('button', {name: media === 'gms-callback' ? 'Continue' : 'Start chat'}).click()
  if (media === 'gms-callback') await popup.getByRole('button', {name: 'Confirm'}).click()
}

/** Alters one form field of the request body. */
function withParams(route: Route, change: (p: URLSearchParams) => void, headers?: Record<string, string>): Promise<void> {
  const p = new URLSearchParams(route.request().postData() ?? '')
  change(p)
  return route.continue({postData: p.toString(), ...(headers ? {headers: {...route.request().headers(), ...headers}} : {})})
}

async function expectAlert(popup: Page, text: string): Promise<void> {
  const alert = popup.getByRole('alert')
  await alert.filter({hasText: text}).waitFor()
  expect(await alert.innerText()).not.toMatch(/\b[45]\d\d\b|_[a-z]+_|GMS|Error|fetch|exception/)
}

interface RejectionCase {
  name: string
  /** Glob of the request to alter, and how. */
  url: string
  alter: (route: Route) => Promise<void>
  /** Once the page is open: what the visitor does until the rejection. */
  run: (popup: Page) => Promise<void>
  /** The integration whose stand-in refuses, when not `name`'s. */
  log?: string
}

/** A callback created on an integration's stand-in behind the widget's back; its id. */
async function callbackOn(name: string): Promise<string> {
  const res = await fetch(`${env.preview.origin}/i/${name}/gms/genesys/1/service/callback/${SERVICE}`, {
    method: 'POST',
    headers: {'content-type': 'application/x-www-form-urlencoded', gms_user: 'T'},
    body: new URLSearchParams({_customer_number: '+1555', _device_os: 'comet', _device_notification_id: 'T'}),
  })
  return ((await res.json()) as {_id: string})._id
}

async function confirmWindow(ms: number): Promise<void> {
  const body = JSON.stringify({integration: 'confirm', status: 0, confirmWindowMs: ms})
  const res = await fetch(`${env.preview.origin}/__gwe-int/gms-mode`, {method: 'POST', headers: {'content-type': 'application/json'}, body})
  expect(res.status, await res.text()).toBe(200)
}

/** The visitor books on the confirmation scenario and confirms once the agent is ready. */
async function confirmWhenReady(p: Page): Promise<void> {
  await submit(p, 'confirm')
  await p.getByRole('heading', {name: 'An agent is ready', exact: true}).waitFor()
  await p.getByRole('button', {name: 'I am ready'}).click()
}

/** The widget's connect request sent for another callback id (on `name`'s stand-in). */
const connectFor = (name: string) => async (r: Route) => {
  const id = await callbackOn(name)
  return r.continue({
    url: r
      .request()
      .url()
      .replace(/\/i\/confirm\/(.*)\/preview-\d{4}\/connect$/, `/i/${name}/$1/${id}/connect`),
  })
}

const onChat = async (popup: Page) => {
  await submit(popup, 'now')
  await waitForLine(popup, 'Preview Agent joined the chat.')
}

/** Ends the chat behind the widget's back (another tab, GMS), as GMS would see it. */
async function endElsewhere(name: string, v2: boolean): Promise<void> {
  const list = await env.preview.requests(name, 'gms')
  if (v2) {
    const create = list[0].response as Record<string, string>
    const body = new URLSearchParams({userId: create.userId, secureKey: create.secureKey, alias: create.alias})
    await fetch(`${env.preview.origin}/i/${name}/gms/genesys/2/chat/${encodeURIComponent('customer-support')}/${create.chatId}/disconnect`, {
      method: 'POST',
      headers: {'content-type': 'application/x-www-form-urlencoded'},
      body,
    })
  } else {
    const chat = list.find((r) => r.path.endsWith('/ixn/chat'))!
    await fetch(`${env.preview.origin}/i/${name}/gms${chat.path}/disconnect`, {
      method: 'POST',
      headers: {'content-type': 'application/x-www-form-urlencoded', gms_user: 'V'},
      body: '',
    })
  }
}

const REJECTIONS: Record<RuleId, RejectionCase> = {
  callbackCustomerNumber: {
    name: 'term',
    url: `**/service/callback/${SERVICE}`,
    alter: (r) => withParams(r, (p) => p.delete('_customer_number')),
    run: (p) => submit(p, 'term').then(() => expectAlert(p, GENERIC)),
  },
  callbackBody: {
    name: 'orig',
    url: `**/service/callback/${SERVICE}`,
    alter: (r) => r.continue({headers: {...r.request().headers(), 'content-type': 'text/plain'}}),
    run: (p) => submit(p, 'orig').then(() => expectAlert(p, GENERIC)),
  },
  requestInteractionPhone: {
    name: 'ri',
    url: '**/service/request-interaction',
    alter: (r) => withParams(r, (p) => p.delete('_phone_number')),
    run: (p) => submit(p, 'ri').then(() => expectAlert(p, GENERIC)),
  },
  desiredTimeOffered: {
    name: 'sched',
    url: `**/service/callback/${SERVICE}`,
    alter: (r) => withParams(r, (p) => p.set('_desired_time', '2031-01-01T10:00:00.000Z')),
    run: (p) => submit(p, 'sched').then(() => expectAlert(p, GENERIC)),
  },
  chatV1GmsUser: {
    name: 'now',
    url: '**/ixn/chat',
    alter: (r) => {
      const headers = {...r.request().headers()}
      delete headers.gms_user
      return r.continue({headers})
    },
    run: (p) => submit(p, 'now').then(() => expectAlert(p, GENERIC)),
  },
  chatV1Form: {
    name: 'now',
    url: '**/ixn/chat/send',
    alter: (r) => r.continue({headers: {...r.request().headers(), 'content-type': 'text/plain'}}),
    run: async (p) => {
      await onChat(p)
      const box = p.getByLabel('Your message')
      await box.fill('hello')
      await box.press('Enter')
      await p.getByRole('status').filter({hasText: NOT_SENT}).waitFor()
      expect(await box.inputValue(), 'the message stays in the box to send again').toBe('hello')
    },
  },
  chatV1UnknownService: {
    name: 'rchat',
    url: '**/ixn/chat',
    alter: (r) =>
      r.continue({
        url: r
          .request()
          .url()
          .replace(/preview-\d{4}/, 'preview-9999'),
      }),
    run: (p) => submit(p, 'rchat').then(() => expectAlert(p, GENERIC)),
  },
  chatV1Once: {
    name: 'now',
    url: '**/ixn/chat/refresh',
    // A refresh that lands on the create URL: a second create on the same service.
    alter: (r) =>
      r.continue({
        url: r
          .request()
          .url()
          .replace(/\/refresh$/, ''),
      }),
    run: async (p) => {
      await submit(p, 'now')
      await p.getByRole('status').filter({hasText: LOST}).waitFor()
    },
  },
  chatV1AfterDisconnect: {
    name: 'now',
    url: '**/nothing-to-alter',
    alter: (r) => r.continue(),
    run: async (p) => {
      await onChat(p)
      await endElsewhere('now', false)
      await p.getByRole('status').filter({hasText: LOST}).waitFor()
      expect(await p.getByLabel('Your message').isVisible()).toBe(false)
    },
  },
  chatV2Form: {
    name: 'web',
    url: '**/2/chat/*',
    alter: (r) => r.continue({headers: {...r.request().headers(), 'content-type': 'text/plain'}}),
    run: (p) => submit(p, 'web').then(() => expectAlert(p, GENERIC)),
  },
  chatV2Name: {
    name: 'web',
    url: '**/2/chat/*',
    alter: (r) => withParams(r, (p) => p.delete('nickname')),
    run: (p) => submit(p, 'web').then(() => expectAlert(p, GENERIC)),
  },
  chatV2Credentials: {
    name: 'web',
    url: '**/refresh',
    alter: (r) => withParams(r, (p) => p.set('secureKey', 'guessed')),
    run: async (p) => {
      await submit(p, 'web')
      await p.getByRole('status').filter({hasText: LOST}).waitFor()
    },
  },
  chatV2UnknownChat: {
    name: 'web',
    url: '**/refresh',
    alter: (r) =>
      r.continue({
        url: r
          .request()
          .url()
          .replace(/\/preview-\d{4}\/refresh$/, '/preview-9999/refresh'),
      }),
    run: async (p) => {
      await submit(p, 'web')
      await p.getByRole('status').filter({hasText: LOST}).waitFor()
    },
  },
  chatV2AfterEnd: {
    name: 'web',
    url: '**/nothing-to-alter',
    alter: (r) => r.continue(),
    run: async (p) => {
      await submit(p, 'web')
      await waitForLine(p, 'Preview Agent joined the chat.')
      await endElsewhere('web', true)
      await p.getByRole('status').filter({hasText: LOST}).waitFor()
    },
  },
  connectUnexpected: {
    name: 'confirm',
    log: 'term',
    url: '**/connect',
    alter: connectFor('term'),
    run: (p) => confirmWhenReady(p).then(() => expectAlert(p, GENERIC)),
  },
  connectBeforeReady: {
    name: 'confirm',
    url: '**/connect',
    alter: connectFor('confirm'),
    run: (p) => confirmWhenReady(p).then(() => expectAlert(p, GENERIC)),
  },
  confirmExpired: {
    name: 'confirm',
    url: '**/connect',
    alter: (r) => r.continue(),
    run: async (p) => {
      // The stand-in's confirmation window closes before the visitor's answer reaches it.
      await confirmWindow(1)
      try {
        await confirmWhenReady(p)
        await p.getByRole('heading', {name: 'You did not confirm in time'}).waitFor()
      } finally {
        await confirmWindow(120_000)
      }
    },
  },
  unknownCallback: {
    name: 'term',
    url: `**/service/callback/${SERVICE}/*`,
    alter: (r) =>
      r.continue({
        url: r
          .request()
          .url()
          .replace(/preview-\d{4}$/, 'preview-9999'),
      }),
    run: async (p) => {
      await submit(p, 'term')
      await p.getByRole('button', {name: 'Cancel the callback'}).click()
      await expectAlert(p, GENERIC)
    },
  },
  requestChatForm: {
    name: 'rchat',
    url: '**/service/request-chat',
    alter: (r) => r.continue({headers: {...r.request().headers(), 'content-type': 'text/plain'}}),
    run: (p) => submit(p, 'rchat').then(() => expectAlert(p, GENERIC)),
  },
}

/** Replaces the JSON answer of the matching GMS request. */
async function answerWith(page: Page, glob: string, change: (body: Record<string, unknown>) => Record<string, unknown>, times = 1): Promise<void> {
  let left = times
  await page.route(glob, async (route) => {
    if (left <= 0) return route.continue()
    left -= 1
    try {
      const response = await route.fetch()
      const body = (await response.json()) as Record<string, unknown>
      await route.fulfill({response, json: change(body)})
    } catch (error) {
      // The page closed while the answer was on its way (the test is over).
      if (!page.isClosed()) throw error
    }
  })
}

async function expectNoMarkup(page: Page, visible: string[]): Promise<void> {
  for (const text of visible) await page.getByText(text, {exact: false}).first().waitFor()
  expect(await page.locator('main img').count()).toBe(0)
  expect(await page.evaluate(() => (window as unknown as {__xss?: number}).__xss)).toBeUndefined()
}

describeBrowser('GMS contract rejections and GMS text as data, in Chromium', () => {
  env = usePreviewBrowser({
    prefix: 'gwe-int-browser-contract-',
    integrations: INTEGRATIONS.map(([name, media, scenario]) => [
      media,
      '--integration',
      name,
      '--host',
      'https://gms.example.com',
      ...(media === 'webapi-chat' ? [] : ['--service', SERVICE]),
      ...(scenario ? ['--scenario', scenario] : []),
    ]),
    timeout: 240_000,
  })

  it('has a browser case for every rule of the contract table', () => {
    expect(Object.keys(REJECTIONS).sort()).toEqual(Object.keys(CONTRACT).sort())
  })

  for (const [id, c] of Object.entries(REJECTIONS) as [RuleId, RejectionCase][]) {
    it(
      `${id}: GMS refuses (${CONTRACT[id].status}) and the visitor reads a plain message`,
      ({task}) =>
        env.withSession(task, async (session) => {
          await env.preview.clear(c.log ?? c.name)
          const page = session.page
          const messages: string[] = []
          page.on('console', (m) => messages.push(m.text()))
          await page.route(c.url, (route) => c.alter(route))
          await page.goto(widgetUrl(c.name))
          await c.run(page)
          const refused = (await env.preview.requests(c.log ?? c.name, 'gms')).filter((r) => r.status === CONTRACT[id].status)
          expect(refused.length, 'the stand-in refused the request').toBeGreaterThan(0)
          expect(JSON.stringify(refused[0].response)).toContain(CONTRACT[id].rule)
          // The technical detail went to the console.
          expect(messages.some((m) => m.includes(`answered ${CONTRACT[id].status}`))).toBe(true)
        }),
      TIMEOUT,
    )
  }

  it(
    'dialog texts, labels and menu entries are shown as text',
    ({task}) =>
      env.withSession(task, async (session) => {
        const page = session.page
        // DisplayMenu: title, group name and option labels; the chosen option answers a
        // ConfirmationDialog whose _text and _okTitle are markup too.
        await answerWith(page, `**/service/callback/${SERVICE}`, (b) => ({
          ...b,
          _label: `menu ${XSS}`,
          _content: [
            {
              _group_name: `group ${XSS}`,
              _group_content: [
                {
                  _label: `option ${XSS}`,
                  _user_action_url: (b._content as {_group_content: {_user_action_url: string}[]}[])[0]._group_content[0]._user_action_url,
                },
              ],
            },
          ],
        }))
        await answerWith(page, '**/menu/*', () => ({_id: 'x', _action: 'ConfirmationDialog', _text: `text ${XSS}`, _okTitle: `ok ${XSS}`}))
        await page.goto(widgetUrl('custom'))
        await submit(page, 'custom')
        await expectNoMarkup(page, [`menu ${XSS}`, `group ${XSS}`])
        await page.getByRole('button', {name: `option ${XSS}`}).click()
        await expectNoMarkup(page, [`text ${XSS}`])
        expect(await page.getByRole('button', {name: `ok ${XSS}`}).count()).toBe(1)
      }),
    TIMEOUT,
  )

  it(
    'DialNumber _label and request-interaction answers are shown as text',
    ({task}) =>
      env.withSession(task, async (session) => {
        const page = session.page
        await answerWith(page, `**/service/callback/${SERVICE}`, (b) => ({...b, _label: `label ${XSS}`}))
        await page.goto(widgetUrl('orig'))
        await submit(page, 'orig')
        await expectNoMarkup(page, [`label ${XSS}`])
        await page.unrouteAll()
        await answerWith(page, '**/service/request-interaction', (b) => ({
          ...b,
          _access_number: `+1 555 ${XSS}`,
          _access_code: `code ${XSS}`,
          _expiration_time: XSS,
        }))
        await page.goto(widgetUrl('ri'))
        await submit(page, 'ri')
        await expectNoMarkup(page, [`code ${XSS}`, `+1 555 ${XSS}`])
      }),
    TIMEOUT,
  )

  it(
    'queue text, nicknames and messages in the transcript (Chat API v1) are shown as text',
    ({task}) =>
      env.withSession(task, async (session) => {
        const page = session.page
        await answerWith(page, `**/service/callback/${SERVICE}`, (b) => ({...b, _text: `wait ${XSS}`}))
        await answerWith(
          page,
          '**/ixn/chat/refresh',
          (b) => ({
            ...b,
            transcriptToShow: ((b.transcriptToShow ?? []) as string[][]).map((e) => [e[0], `${e[1]} ${XSS}`, e[2] ? `${e[2]} ${XSS}` : '', e[3], e[4]]),
          }),
          20,
        )
        await page.goto(widgetUrl('wait'))
        await submit(page, 'wait')
        await expectNoMarkup(page, [`wait ${XSS}`])
        await page.getByRole('heading', {name: 'An agent is ready', exact: true}).waitFor()
        await page.getByRole('button', {name: 'I am ready'}).click()
        await waitForLine(page, `Preview Agent ${XSS}: Hello, this is the gwe-int preview agent. How can I help you? ${XSS}`, 40_000)
        await expectNoMarkup(page, [`Preview Agent ${XSS} joined the chat.`])
        await page.getByRole('button', {name: 'End chat'}).click()
      }),
    TIMEOUT,
  )

  it(
    'nicknames and messages in the transcript (Chat API v2) are shown as text',
    ({task}) =>
      env.withSession(task, async (session) => {
        const page = session.page
        type M = {from: {nickname: string}; text?: string}
        await answerWith(
          page,
          '**/refresh',
          (b) => ({
            ...b,
            messages: ((b.messages ?? []) as M[]).map((m) => ({
              ...m,
              from: {...m.from, nickname: `${m.from.nickname} ${XSS}`},
              ...(m.text ? {text: `${m.text} ${XSS}`} : {}),
            })),
          }),
          20,
        )
        await page.goto(widgetUrl('web'))
        await submit(page, 'web')
        await waitForLine(page, `Preview Agent ${XSS}: Hello, this is the gwe-int preview agent. How can I help you? ${XSS}`)
        await expectNoMarkup(page, [`Preview Agent ${XSS} joined the chat.`])
        await page.getByRole('button', {name: 'End chat'}).click()
      }),
    TIMEOUT,
  )

  // URLs in answers: only their path and query are followed, on the GMS host, and only under /genesys/.
  const OFF_HOST: [field: string, name: string, glob: string, change: (b: Record<string, unknown>) => Record<string, unknown>][] = [
    ['_tel_url', 'orig', `**/service/callback/${SERVICE}`, (b) => ({...b, _tel_url: 'javascript:window.__xss=1'})],
    ['_start_chat_url', 'now', `**/service/callback/${SERVICE}`, (b) => ({...b, _start_chat_url: 'https://evil.example/admin/ixn/chat'})],
    [
      '_chatIxnAPI-CREATE-URL',
      'rchat',
      '**/service/request-chat',
      (b) => ({...b, '_chatIxnAPI-CREATE-URL': 'javascript:fetch("//evil.example/genesys/1/service/x/ixn/chat")'}),
    ],
    [
      '_user_action_url',
      'custom',
      `**/service/callback/${SERVICE}`,
      (b) => ({...b, _content: [{_group_name: 'g', _group_content: [{_label: 'Go', _user_action_url: 'https://evil.example/genesys/../admin/menu'}]}]}),
    ],
  ]
  it(
    '_start_chat_url on another origin is followed on the GMS host only: the chat opens there, nothing goes elsewhere',
    ({task}) =>
      env.withSession(task, async (session) => {
        const page = session.page
        await env.preview.clear('now')
        await answerWith(page, `**/service/callback/${SERVICE}`, (b) => ({
          ...b,
          _start_chat_url: `https://evil.example/genesys/1/service/${String(b._id)}/ixn/chat`,
        }))
        await page.goto(widgetUrl('now'))
        await submit(page, 'now')
        await waitForLine(page, 'Preview Agent: Hello, this is the gwe-int preview agent. How can I help you?')
        expect(session.requested.filter((u) => u.includes('evil.example'))).toEqual([])
        const list = await env.preview.requests('now', 'gms')
        expect(list[1].path).toBe(`/genesys/1/service/${(list[0].response as {_id: string})._id}/ixn/chat`)
        await page.getByRole('button', {name: 'End chat'}).click()
      }),
    TIMEOUT,
  )
  for (const [field, name, glob, change] of OFF_HOST) {
    it(
      `${field} outside /genesys/ (or not http, or not tel:) is not followed`,
      ({task}) =>
        env.withSession(task, async (session) => {
          const page = session.page
          await env.preview.clear(name)
          await answerWith(page, glob, change)
          await page.goto(widgetUrl(name))
          await submit(page, name)
          if (field === '_user_action_url') await page.getByRole('button', {name: 'Go'}).click()
          await expectAlert(page, GENERIC)
          expect(await page.locator('a[href^="javascript:"]').count()).toBe(0)
          expect(session.requested.filter((u) => u.includes('evil.example'))).toEqual([])
          expect((await env.preview.requests(name, 'gms')).map((r) => r.path)).toHaveLength(1)
        }),
      TIMEOUT,
    )
  }
})
