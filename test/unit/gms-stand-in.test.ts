/**
 * The preview's GMS stand-in, called directly: every rule of its contract table is
 * broken once and refused with the rule's status, and the same request done right is
 * accepted. Each rule carries a plain-words source with a public Genesys page.
 */
import http from 'node:http'
import type {AddressInfo} from 'node:net'
import {describe, expect, it, vi} from 'vitest'
import {bayeuxServer} from '../../src/preview/bayeux.js'
import {COMETD_CONTRACT, CONTRACT, type RuleId} from '../../src/preview/gms-contract.js'
import {GmsStandIn, type GmsRequest, NO_CONFIRM, PUSH_CHANNEL, type Push} from '../../src/preview/gms.js'
import {LOG_LIMITS, MAX_SESSIONS} from '../../src/preview/recorder.js'

const BASE = 'https://gms.example.com'
const FORM = {'content-type': 'application/x-www-form-urlencoded'}

function call(
  gms: GmsStandIn,
  method: string,
  path: string,
  params: Record<string, string> = {},
  headers: Record<string, string> = {...FORM, gms_user: 'V1'},
  query: Record<string, string> = {},
) {
  const r: GmsRequest = {method, path, params, headers, query, base: BASE}
  return gms.answer(r) as {status: number; body: Record<string, unknown>}
}

const chatMedia = {_call_direction: 'USERORIGINATED', _wait_for_agent: 'false', _wait_for_user_confirm: 'false', _media_type: 'chat'}

/** A callback-service chat with its Chat API v1 chat created; returns the chat URL. */
function chat(gms: GmsStandIn): string {
  const created = call(gms, 'POST', '/genesys/1/service/callback/svc', {...chatMedia, _customer_number: '555'})
  const url = `/genesys/1/service/${created.body._id as string}/ixn/chat`
  expect(call(gms, 'POST', url, {firstName: 'Ada'}).status).toBe(200)
  return url
}

function v2(gms: GmsStandIn) {
  const created = call(gms, 'POST', '/genesys/2/chat/svc', {nickname: 'Ada'}).body
  const auth = {userId: created.userId as string, secureKey: created.secureKey as string, alias: created.alias as string}
  return {url: `/genesys/2/chat/svc/${created.chatId as string}`, auth}
}

const confirming = {_call_direction: 'USERTERMINATED', _wait_for_agent: 'true', _wait_for_user_confirm: 'true', _media_type: 'voice'}
const push = {_device_os: 'comet', _device_notification_id: 'V1'}

/** A callback whose service waits for the visitor's confirmation; `ready` lets the scripted agent be ready. */
function confirmed(gms: GmsStandIn, ready: boolean): string {
  const id = call(gms, 'POST', '/genesys/1/service/callback/svc', {...confirming, ...push, _customer_number: '555'}).body._id as string
  if (ready) vi.advanceTimersByTime(gms.agentReadyMs)
  return `/genesys/1/service/${id}/connect`
}

/** Runs `body` with fake timers (the scripted agent's readiness and the confirmation window). */
function timed<T>(body: () => T): T {
  vi.useFakeTimers()
  try {
    return body()
  } finally {
    vi.useRealTimers()
  }
}

/** Each rule: the broken request and the same request done right. */
const CASES: Record<RuleId, (gms: GmsStandIn) => [bad: {status: number; body: Record<string, unknown>}, good: {status: number}]> = {
  callbackCustomerNumber: (gms) => [
    call(gms, 'POST', '/genesys/1/service/callback/svc', chatMedia),
    call(gms, 'POST', '/genesys/1/service/callback/svc', {...chatMedia, _customer_number: '555'}),
  ],
  callbackBody: (gms) => [
    call(gms, 'POST', '/genesys/1/service/callback/svc', {_customer_number: '555'}, {'content-type': 'text/plain'}),
    call(gms, 'POST', '/genesys/1/service/callback/svc', {_customer_number: '555'}, {'content-type': 'application/json'}),
  ],
  requestInteractionPhone: (gms) => [
    call(gms, 'POST', '/genesys/1/service/request-interaction', {_customer_number: '555'}),
    call(gms, 'POST', '/genesys/1/service/request-interaction', {_phone_number: '555'}),
  ],
  desiredTimeOffered: (gms) => {
    const slots = call(
      gms,
      'GET',
      '/genesys/1/service/callback/svc/availability',
      {},
      {gms_user: 'V1'},
      {start: new Date().toISOString(), 'number-of-days': '2'},
    ).body as Record<string, number>
    const free = Object.keys(slots).find((t) => slots[t] > 0 && Date.parse(t) > Date.now())!
    const full = Object.keys(slots).find((t) => slots[t] === 0)!
    const voice = {_call_direction: 'USERTERMINATED', _customer_number: '555'}
    expect(call(gms, 'POST', '/genesys/1/service/callback/svc', {...voice, _desired_time: full}).status).toBe(400)
    expect(call(gms, 'POST', '/genesys/1/service/callback/svc', {...voice, _desired_time: Object.keys(slots)[0]}).status, 'a past slot').toBe(400)
    return [
      call(gms, 'POST', '/genesys/1/service/callback/svc', {...voice, _desired_time: '2030-01-01T10:00:00.000Z'}),
      call(gms, 'POST', '/genesys/1/service/callback/svc', {...voice, _desired_time: free}),
    ]
  },
  chatV1GmsUser: (gms) => {
    const url = chat(gms)
    return [call(gms, 'POST', `${url}/refresh`, {}, FORM), call(gms, 'POST', `${url}/refresh`)]
  },
  chatV1Form: (gms) => {
    const url = chat(gms)
    return [
      call(gms, 'POST', `${url}/send`, {message: 'hi'}, {'content-type': 'application/json', gms_user: 'V1'}),
      call(gms, 'POST', `${url}/send`, {message: 'hi'}),
    ]
  },
  chatV1UnknownService: (gms) => {
    const url = chat(gms)
    return [call(gms, 'POST', '/genesys/1/service/preview-9999/ixn/chat/refresh'), call(gms, 'POST', `${url}/refresh`)]
  },
  chatV1Once: (gms) => {
    const url = chat(gms)
    return [call(gms, 'POST', url, {firstName: 'Ada'}), call(gms, 'POST', `${url}/refresh`)]
  },
  chatV1AfterDisconnect: (gms) => {
    const url = chat(gms)
    const ended = call(gms, 'POST', `${url}/disconnect`)
    expect(ended.body.chatIxnState).toBe('DISCONNECTED')
    return [call(gms, 'POST', `${url}/refresh`), ended]
  },
  chatV2Form: (gms) => [
    call(gms, 'POST', '/genesys/2/chat/svc', {nickname: 'Ada'}, {'content-type': 'application/json'}),
    call(gms, 'POST', '/genesys/2/chat/svc', {nickname: 'Ada'}, {'content-type': 'multipart/form-data; boundary=x'}),
  ],
  chatV2Name: (gms) => [
    call(gms, 'POST', '/genesys/2/chat/svc', {firstName: 'Ada'}),
    call(gms, 'POST', '/genesys/2/chat/svc', {firstName: 'Ada', lastName: 'Lovelace'}),
  ],
  chatV2Credentials: (gms) => {
    const {url, auth} = v2(gms)
    return [call(gms, 'POST', `${url}/refresh`, {userId: auth.userId, secureKey: auth.secureKey}), call(gms, 'POST', `${url}/refresh`, auth)]
  },
  chatV2UnknownChat: (gms) => {
    const {url, auth} = v2(gms)
    return [call(gms, 'POST', '/genesys/2/chat/svc/nope/refresh', auth), call(gms, 'POST', `${url}/refresh`, auth)]
  },
  chatV2AfterEnd: (gms) => {
    const {url, auth} = v2(gms)
    const ended = call(gms, 'POST', `${url}/disconnect`, auth)
    expect(ended.body.chatEnded).toBe(true)
    return [call(gms, 'POST', `${url}/send`, {...auth, message: 'hi'}), ended]
  },
  unknownCallback: (gms) => {
    const id = call(gms, 'POST', '/genesys/1/service/callback/svc', {_call_direction: 'USERTERMINATED', _customer_number: '555'}).body._id as string
    return [call(gms, 'DELETE', '/genesys/1/service/callback/svc/preview-9999'), call(gms, 'DELETE', `/genesys/1/service/callback/svc/${id}`)]
  },
  connectUnexpected: (gms) =>
    timed(() => {
      const id = call(gms, 'POST', '/genesys/1/service/callback/svc', {_call_direction: 'USERTERMINATED', _customer_number: '555'}).body._id as string
      return [call(gms, 'GET', `/genesys/1/service/${id}/connect`), call(gms, 'GET', confirmed(gms, true))]
    }),
  connectBeforeReady: (gms) =>
    timed(() => {
      const url = confirmed(gms, false)
      const bad = call(gms, 'GET', url)
      vi.advanceTimersByTime(gms.agentReadyMs)
      return [bad, call(gms, 'POST', url)]
    }),
  confirmExpired: (gms) =>
    timed(() => {
      const late = confirmed(gms, true)
      vi.advanceTimersByTime(gms.confirmWindowMs)
      return [call(gms, 'GET', late), call(gms, 'GET', confirmed(gms, true))]
    }),
  requestChatForm: (gms) => [
    call(gms, 'POST', '/genesys/1/service/request-chat', {}, {'content-type': 'application/json'}),
    call(gms, 'POST', '/genesys/1/service/request-chat', {_verbose: 'true'}),
  ],
}

describe('the GMS stand-in enforces its contract', () => {
  it('has a case for every rule, and every rule names a public Genesys page', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(CONTRACT).sort())
    for (const rule of Object.values(CONTRACT)) {
      expect(rule.source).toMatch(/https:\/\/docs\.genesys\.com\/\S+/)
      expect(rule.source).not.toMatch(/\b[SR]\d+\b|§|\[[UIC]\]/)
    }
  })

  for (const [id, run] of Object.entries(CASES) as [RuleId, (typeof CASES)[RuleId]][]) {
    it(`${id}: ${CONTRACT[id].rule}`, () => {
      const [bad, good] = run(new GmsStandIn())
      expect(bad.status).toBe(CONTRACT[id].status)
      expect(JSON.stringify(bad.body)).toContain(CONTRACT[id].rule)
      expect(good.status).toBe(200)
    })
  }

  it('with _wait_for_user_confirm=true: a dialog, a push on the registered channel when the agent is ready, then the access information', () =>
    timed(() => {
      const pushes: [string, Push][] = []
      const gms = new GmsStandIn(confirming)
      gms.push = (channel, data) => pushes.push([channel, data])
      const created = call(gms, 'POST', '/genesys/1/service/callback/svc', {...push, _customer_number: '555'})
      expect(created.body._action).toBe('ConfirmationDialog')
      expect(pushes).toEqual([])
      vi.advanceTimersByTime(gms.agentReadyMs)
      const id = created.body._id as string
      expect(pushes).toEqual([[PUSH_CHANNEL, {_id: id, _action: 'connect', _device_notification_id: 'V1', _text: 'An agent is ready.'}]])
      expect(call(gms, 'GET', `/genesys/1/service/${id}/connect`).body).toMatchObject({_id: id, _action: 'ConfirmationDialog'})
      // USERORIGINATED: the number to dial; chat media: the chat to start.
      for (const [options, action] of [
        [{...confirming, _call_direction: 'USERORIGINATED'}, 'DialNumber'],
        [{...confirming, _call_direction: 'USERORIGINATED', _media_type: 'chat'}, 'StartChat'],
      ] as const) {
        const other = new GmsStandIn(options)
        const oid = call(other, 'POST', '/genesys/1/service/callback/svc', {...push, _customer_number: '555'}).body._id as string
        vi.advanceTimersByTime(other.agentReadyMs)
        expect(call(other, 'POST', `/genesys/1/service/${oid}/connect`).body._action).toBe(action)
      }
      // StartChat after the confirmation carries what an immediate StartChat carries (the CometD endpoint too).
      const chats = new GmsStandIn({...confirming, _call_direction: 'USERORIGINATED', _media_type: 'chat'})
      const cid = call(chats, 'POST', '/genesys/1/service/callback/svc', {...push, _customer_number: '555'}).body._id as string
      vi.advanceTimersByTime(chats.agentReadyMs)
      const later = call(chats, 'POST', `/genesys/1/service/${cid}/connect`).body
      const now = call(new GmsStandIn(), 'POST', '/genesys/1/service/callback/svc', {...chatMedia, _customer_number: '555'}).body
      expect(Object.keys(later).sort()).toEqual(Object.keys(now).sort())
      expect(later).toMatchObject({_action: 'StartChat', _comet_url: `${BASE}/genesys/cometd`, _start_chat_url: `${BASE}/genesys/1/service/${cid}/ixn/chat`})
      // Never confirmed: FAIL_USER_NO_CONFIRM. Without a push channel the request is noted.
      const late = confirmed(gms, true)
      vi.advanceTimersByTime(gms.confirmWindowMs)
      expect(call(gms, 'GET', late).body._callback_reason).toBe(NO_CONFIRM)
      const unregistered = gms.answer({method: 'POST', path: '/genesys/1/service/callback/svc', params: {_customer_number: '555'}, headers: FORM, base: BASE})
      expect(unregistered.warnings?.[0]).toMatch(/^_device_os=, _device_notification_id=: .*FAIL_USER_NO_CONFIRM/)
      gms.close()
    }))

  it(`cometGmsUser: ${COMETD_CONTRACT.cometGmsUser.rule}`, async () => {
    const bayeux = bayeuxServer('/genesys/cometd')
    const server = http.createServer((req, res) => bayeux.handle(req, res))
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/genesys/cometd`
    const handshake = (headers: Record<string, string>) =>
      fetch(url, {
        method: 'POST',
        headers: {'content-type': 'application/json', ...headers},
        body: JSON.stringify([{channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['long-polling']}]),
      }).then((r) => r.json() as Promise<{successful: boolean; error?: string}[]>)
    try {
      const [bad] = await handshake({})
      expect(bad.successful).toBe(false)
      expect(bad.error).toBe(`${COMETD_CONTRACT.cometGmsUser.status}::${COMETD_CONTRACT.cometGmsUser.rule}`)
      const [good] = await handshake({gms_user: 'V1'})
      expect(good.successful).toBe(true)
    } finally {
      bayeux.close()
      server.closeAllConnections()
      await new Promise((done) => server.close(done))
    }
  })

  it('the scripted agent joins, types, answers and leaves, one step per refresh (Chat API v1)', () => {
    const gms = new GmsStandIn()
    const url = chat(gms)
    const refresh = (position: string) => call(gms, 'POST', `${url}/refresh`, {transcriptPosition: position}).body
    let answer = refresh('2')
    expect(answer.transcriptToShow).toEqual([
      ['Notice.Joined', 'Preview Agent', '', '2', 'AGENT'],
      ['Notice.TypingStarted', 'Preview Agent', '', '2', 'AGENT'],
    ])
    answer = refresh(answer.transcriptPosition as string)
    expect((answer.transcriptToShow as string[][]).map((e) => e[0])).toEqual(['Message.Text', 'Notice.TypingStopped'])
    call(gms, 'POST', `${url}/send`, {message: 'bye now'})
    for (let i = 0; i < 3; i += 1) answer = refresh(answer.transcriptPosition as string)
    expect(answer.chatIxnState).toBe('DISCONNECTED')
    expect((answer.transcriptToShow as string[][]).map((e) => e[0])).toEqual(['Notice.Left'])
  })

  it('queue position counts down to an agent being ready, then the chat can start', () => {
    const gms = new GmsStandIn()
    const id = call(gms, 'POST', '/genesys/1/service/callback/svc', {...chatMedia, _wait_for_agent: 'true', _customer_number: '555'}).body._id as string
    const positions = [0, 1, 2].map(() => call(gms, 'GET', `/genesys/1/service/${id}/check-queue-position`).body)
    expect(positions.map((p) => [p._position, p._agent_ready_threshold_passed])).toEqual([
      [2, false],
      [1, false],
      [0, true],
    ])
    expect(call(gms, 'POST', `/genesys/1/service/${id}/ixn/chat`, {firstName: 'Ada'}).status).toBe(200)
  })
})

describe('a long preview session', () => {
  it(`keeps at most ${MAX_SESSIONS} sessions, the newest, each without the bulk of its request`, () => {
    const gms = new GmsStandIn()
    const blob = 'x'.repeat(100_000)
    const ids: string[] = []
    for (let k = 0; k < MAX_SESSIONS + 50; k += 1) {
      const answer = call(gms, 'POST', '/genesys/1/service/request-chat', {_verbose: 'true', firstName: `Visitor${k}`, blob})
      expect(answer.status).toBe(200)
      ids.push(String(answer.body._id))
    }
    expect(gms.services.size).toBe(MAX_SESSIONS)
    expect([...gms.services.keys()]).toEqual(ids.slice(50))
    for (const s of gms.services.values()) expect(s.params.blob.length).toBeLessThan(LOG_LIMITS.valueChars + 100)
  })
})

describe('service options versus request parameters', () => {
  const voiceTerm = {_call_direction: 'USERTERMINATED', _wait_for_agent: 'false', _wait_for_user_confirm: 'false', _media_type: 'voice'}

  it('the configured service decides the flow; the same options in a request are noted with their source, not obeyed', () => {
    const gms = new GmsStandIn(voiceTerm)
    const answer = call(gms, 'POST', '/genesys/1/service/callback/svc', {
      _customer_number: '+15550100',
      _call_direction: 'USERORIGINATED',
      _media_type: 'voice',
    }) as {
      status: number
      body: Record<string, unknown>
      warnings?: string[]
    }
    // USERTERMINATED as configured: a confirmation, not the number to dial a USERORIGINATED request asked for.
    expect(answer.status).toBe(200)
    expect(answer.body._action).toBe('ConfirmationDialog')
    expect(answer.warnings).toHaveLength(2)
    expect(answer.warnings![0]).toMatch(
      /^_call_direction=USERORIGINATED: This is an option of the callback service's configuration; .* Source: .*https:\/\/docs\.genesys\.com\/Documentation\/CLBCK\/8\.5\.2\/UG\/RequestFromIVR/,
    )
    expect(answer.warnings![1]).toMatch(/^_media_type=voice: /)
  })

  it('a request with only documented request parameters gets no warning', () => {
    const answer = call(new GmsStandIn(voiceTerm), 'POST', '/genesys/1/service/callback/svc', {_customer_number: '+15550100', visitID: 'V'}) as {
      warnings?: string[]
      body: Record<string, unknown>
    }
    expect(answer.warnings).toBeUndefined()
    expect(answer.body._action).toBe('ConfirmationDialog')
  })

  it('without a configured service (CUSTOM), the service offers its menu whatever the request says', () => {
    const answer = call(new GmsStandIn({}), 'POST', '/genesys/1/service/callback/svc', {_customer_number: '+15550100', _call_direction: 'USERTERMINATED'}) as {
      warnings?: string[]
      body: Record<string, unknown>
    }
    expect(answer.body._action).toBe('DisplayMenu')
    expect(answer.warnings).toHaveLength(1)
  })
})
