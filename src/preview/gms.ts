/**
 * The GMS stand-in: answers what the generated widgets send, strictly by the rules in
 * gms-contract.ts (each with its source). It is a test double, not GMS: it refuses
 * what GMS refuses and answers the shapes a widget must handle, nothing more.
 *
 *   POST   /genesys/1/service/callback/<service>                 create (answer: _id and an _action dialog)
 *   GET    /genesys/1/service/callback/<service>/availability    free slots (POST with a form also accepted)
 *   DELETE /genesys/1/service/callback/<service>/<_id>           cancel
 *   GET    /genesys/1/service/<_id>/check-queue-position         queue position (POST also accepted)
 *   GET    /genesys/1/service/<_id>/menu/<choice>                a DisplayMenu choice (POST also accepted)
 *   GET    /genesys/1/service/<_id>/connect                      the visitor confirms after the push (POST also accepted)
 *   POST   /genesys/1/service/request-chat | request-interaction the built-in services
 *   POST   /genesys/1/service/<_id>/ixn/chat[/<operation>]       Chat API v1
 *   POST   /genesys/2/chat/<service>[/<chatId>/<operation>]      Chat API v2 (chat-v2.ts)
 */
import {ChatV2} from './chat-v2.js'
import {advisory, isForm, mediaType, rejection, type RuleId, SERVICE_OPTIONS} from './gms-contract.js'
import {boundValue, MAX_SESSIONS} from './recorder.js'
import {ScriptedChat, type ChatEvent} from './scripted-agent.js'

export interface GmsRequest {
  method: string
  /** Path below the GMS host, e.g. `/genesys/1/service/callback/samples_new`. */
  path: string
  params: Record<string, string>
  /** Query parameters. */
  query?: Record<string, string>
  /** Request headers, names in lower case. */
  headers?: Record<string, string>
  /** The GMS base URL as the browser sees it, for URLs in answers. */
  base: string
}

export interface GmsAnswer {
  status: number
  body: unknown
  /** Accepted, but may not work on a real GMS: noted in the request log (ADVISORIES). */
  warnings?: string[]
}

/** Numbers in the range reserved for fiction (555-0100..0199). */
export const PREVIEW_ACCESS_NUMBER = '+1 555 555 0100'
export const PREVIEW_TEL_URL = 'tel:+15555550100'
export const PREVIEW_ACCESS_CODE = '2468'
/** How long the stand-in reserves an access number (the service's _ttl), in seconds. */
export const PREVIEW_TTL_SECONDS = 300
/** Queue positions a waiting chat reports, one per check, before the agent is ready. */
export const QUEUE = [2, 1]
/**
 * The origin a GMS node behind a load balancer (or a TLS offload) writes into the absolute
 * URLs it answers with: reachable inside the data centre only (docs/genesys.md#gms-urls).
 */
export const INTERNAL_ORIGIN = 'http://gms-node-2:8080'

const fail = (id: RuleId, detail?: string): GmsAnswer => rejection(id, detail)
const notFound = (r: GmsRequest): GmsAnswer => ({status: 404, body: {error: 'not found', message: `the GMS stand-in has no ${r.method} ${r.path}`}})

type ChatV1Event = 'Message.Text' | 'Notice.Joined' | 'Notice.Left' | 'Notice.TypingStarted' | 'Notice.TypingStopped'
const V1_EVENT: Record<ChatEvent['kind'], ChatV1Event> = {
  message: 'Message.Text',
  joined: 'Notice.Joined',
  left: 'Notice.Left',
  typingStarted: 'Notice.TypingStarted',
  typingStopped: 'Notice.TypingStopped',
}

interface Service {
  id: string
  kind: 'callback' | 'request-chat' | 'request-interaction'
  /** The callback service name (callback kind). */
  service?: string
  params: Record<string, string>
  /** Chat-capable: callback with chat media, or request-chat. */
  chatMedia: boolean
  chat?: ScriptedChat
  cancelled: boolean
  queueChecks: number
  /** With _wait_for_user_confirm=true: where the confirmation stands. */
  confirm?: 'queued' | 'notified' | 'connected' | typeof NO_CONFIRM
}

/** The outcome of a callback whose visitor never confirmed. */
export const NO_CONFIRM = 'FAIL_USER_NO_CONFIRM'
/** The Bayeux channel the stand-in pushes on (docs/genesys.md#gms-confirmation). */
export const PUSH_CHANNEL = '/_genesys'
/** A push: the callback's id and the request to send, as the Android sample reads it. */
export interface Push {
  _id: string
  _action: string
  _device_notification_id: string
  _text: string
}

export class GmsStandIn {
  /**
   * @param serviceOptions the callback service's configuration (the preview passes the
   * integration's scenario preset, as a team would configure its service). The service's
   * options decide the flow; the same options in a request are noted, not obeyed. Without a
   * configuration (unit tests call the stand-in bare) the request's presets stand in for it.
   */
  constructor(private readonly serviceOptions?: Readonly<Record<string, string>>) {}

  private ids = 0
  readonly chat = new ChatV2(() => this.nextId())
  readonly services = new Map<string, Service>()
  /** Slots each availability answer offered, by service name: ISO time -> free count. */
  private readonly offered = new Map<string, Map<number, number>>()
  /**
   * Load-balanced mode: absolute URLs in answers carry INTERNAL_ORIGIN instead of the host
   * the browser used, and request-chat's create URL is absolute too.
   */
  loadBalanced = false
  /** Delivers a push on the registered channel (the preview's Bayeux server). */
  push?: (channel: string, data: Push) => void
  /** How long the scripted agent takes to be ready, in ms (whatever the desired time). */
  agentReadyMs = 1500
  /** How long GMS waits for the visitor's connect request after the push, in ms. */
  confirmWindowMs = 120_000
  private readonly timers = new Set<NodeJS.Timeout>()

  /** Stops the scripted agents' timers. */
  close(): void {
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
  }

  private later(ms: number, run: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t)
      run()
    }, ms)
    t.unref()
    this.timers.add(t)
  }

  /** An absolute URL for a path on this GMS, as a GMS node writes it into an answer. */
  private url(r: GmsRequest, path: string): string {
    return `${this.loadBalanced ? INTERNAL_ORIGIN : r.base}${path}`
  }

  private nextId(): string {
    this.ids += 1
    return `preview-${String(this.ids).padStart(4, '0')}`
  }

  answer(r: GmsRequest): GmsAnswer {
    const parts = r.path
      .split('/')
      .filter(Boolean)
      .map((p) => decodeURIComponent(p))
    if (parts[0] !== 'genesys') return notFound(r)
    const [, version, kind, ...rest] = parts
    const contentType = r.headers?.['content-type']
    if (version === '2' && kind === 'chat' && rest.length >= 1) return this.chat.answer(r.method, contentType, rest[0], rest.slice(1), r.params)
    if (version === '1' && kind === 'service') return this.service(r, rest, contentType)
    return notFound(r)
  }

  private service(r: GmsRequest, rest: string[], contentType: string | undefined): GmsAnswer {
    const {method} = r
    if (rest[0] === 'callback' && rest.length === 3 && rest[2] === 'availability' && (method === 'GET' || method === 'POST')) {
      const p = method === 'GET' ? (r.query ?? {}) : r.params
      return {status: 200, body: this.availability(rest[1], p)}
    }
    if (rest[0] === 'callback' && rest.length === 2 && method === 'POST') {
      if (!isForm(contentType) && mediaType(contentType) !== 'application/json') return fail('callbackBody', `got ${contentType ?? 'no Content-Type'}`)
      return this.callback(r, rest[1])
    }
    if (rest[0] === 'callback' && rest.length === 3 && method === 'DELETE') {
      const s = this.services.get(rest[2])
      if (s?.kind !== 'callback' || s.service !== rest[1]) return fail('unknownCallback', rest[2])
      s.cancelled = true
      s.chat?.visitorLeaves()
      return {status: 200, body: {_id: s.id, _callback_state: 'CANCELLED'}}
    }
    if (rest[0] === 'request-chat' && rest.length === 1 && method === 'POST') {
      if (!isForm(contentType)) return fail('requestChatForm', `got ${contentType ?? 'no Content-Type'}`)
      const s = this.create('request-chat', r.params, true)
      return {
        status: 200,
        body: {
          '_chatIxnAPI-CREATE-URL': this.loadBalanced ? this.url(r, `/genesys/1/service/${s.id}/ixn/chat`) : `/genesys/1/service/${s.id}/ixn/chat`,
          _id: s.id,
        },
      }
    }
    if (rest[0] === 'request-interaction' && rest.length === 1 && method === 'POST') {
      if (!isForm(contentType) && mediaType(contentType) !== 'application/json') return fail('callbackBody', `got ${contentType ?? 'no Content-Type'}`)
      if (!r.params._phone_number) return fail('requestInteractionPhone')
      const s = this.create('request-interaction', r.params, false)
      // The service's configuration sets _provide_code=true here, which overrides the request.
      return {
        status: 200,
        body: {
          _id: s.id,
          _access_number: PREVIEW_ACCESS_NUMBER,
          _access_code: PREVIEW_ACCESS_CODE,
          _expiration_time: new Date(Date.now() + PREVIEW_TTL_SECONDS * 1000).toISOString(),
        },
      }
    }
    const s = this.services.get(rest[0])
    if (rest[1] === 'ixn' && rest[2] === 'chat' && rest.length <= 4) return this.chatV1(r, s, rest[3], contentType)
    if (rest.length === 2 && rest[1] === 'check-queue-position' && (method === 'GET' || method === 'POST')) {
      if (s?.kind !== 'callback' || s.cancelled) return fail('unknownCallback', rest[0])
      const position = QUEUE[s.queueChecks] ?? 0
      s.queueChecks += 1
      return {status: 200, body: {_position: position, _eta: position * 60, _total_waiting: position, _agent_ready_threshold_passed: position === 0}}
    }
    if (rest.length === 2 && rest[1] === 'connect' && (method === 'GET' || method === 'POST')) return this.connect(r, s)
    if (rest.length === 3 && rest[1] === 'menu' && (method === 'GET' || method === 'POST')) {
      if (s?.kind !== 'callback' || s.cancelled) return fail('unknownCallback', rest[0])
      if (rest[2] === 'call-me')
        return {status: 200, body: {_id: s.id, _action: 'ConfirmationDialog', _text: 'Thank you. An agent will call you shortly.', _okTitle: 'OK'}}
      if (rest[2] === 'dial') return {status: 200, body: {_id: s.id, _action: 'DialNumber', _tel_url: PREVIEW_TEL_URL, _label: 'Call us now'}}
    }
    return notFound(r)
  }

  private create(kind: Service['kind'], params: Record<string, string>, chatMedia: boolean, service?: string): Service {
    // Kept bounded like the request log (a long session or a load test must not grow without end).
    const s: Service = {id: this.nextId(), kind, service, params: boundValue(params) as Record<string, string>, chatMedia, cancelled: false, queueChecks: 0}
    this.services.set(s.id, s)
    if (this.services.size > MAX_SESSIONS) this.services.delete(this.services.keys().next().value!)
    return s
  }

  /** `POST /genesys/1/service/callback/<service>`: the answer depends on the scenario's parameters. */
  private callback(r: GmsRequest, service: string): GmsAnswer {
    const requested = Object.fromEntries(SERVICE_OPTIONS.filter((k) => r.params[k] !== undefined).map((k) => [k, r.params[k]]))
    const warnings = Object.entries(requested).map(([k, v]) => advisory('serviceOptionInRequest', `${k}=${v}`))
    const answer = this.callbackAnswer(r, service, {
      ...r.params,
      ...Object.fromEntries(SERVICE_OPTIONS.map((k) => [k, undefined])),
      ...(this.serviceOptions ?? requested),
    })
    const all = [...warnings, ...(answer.warnings ?? [])]
    return all.length ? {...answer, warnings: all} : answer
  }

  /**
   * _wait_for_user_confirm=true: the create answer is a dialog; the scripted agent is ready a
   * moment later, GMS pushes {_id, _action} on the registered channel and waits for the
   * connect request. The desired time of a scheduled callback is not waited for.
   */
  private awaitConfirmation(r: GmsRequest, s: Service): GmsAnswer {
    s.confirm = 'queued'
    const os = r.params._device_os
    const device = r.params._device_notification_id
    this.later(this.agentReadyMs, () => {
      if (s.cancelled || s.confirm !== 'queued') return
      s.confirm = 'notified'
      if (os === 'comet' && device) this.push?.(PUSH_CHANNEL, {_id: s.id, _action: 'connect', _device_notification_id: device, _text: 'An agent is ready.'})
      this.later(this.confirmWindowMs, () => {
        if (s.confirm === 'notified') s.confirm = NO_CONFIRM
      })
    })
    const answer: GmsAnswer = {
      status: 200,
      body: {_id: s.id, _action: 'ConfirmationDialog', _text: 'Thank you. We will let you know as soon as an agent is ready.', _okTitle: 'OK'},
    }
    if (os !== 'comet' || !device) answer.warnings = [advisory('confirmWithoutPush', `_device_os=${os ?? ''}, _device_notification_id=${device ?? ''}`)]
    return answer
  }

  /** The visitor's connect request after the push: the access information for the scenario. */
  private connect(r: GmsRequest, s: Service | undefined): GmsAnswer {
    if (s?.kind !== 'callback' || s.cancelled) return fail('unknownCallback', r.path)
    if (!s.confirm) return fail('connectUnexpected', s.id)
    if (s.confirm === 'queued') return fail('connectBeforeReady', s.id)
    if (s.confirm === NO_CONFIRM) {
      const refused = fail('confirmExpired', s.id)
      return {...refused, body: {...(refused.body as object), _callback_state: 'COMPLETED', _callback_reason: NO_CONFIRM}}
    }
    s.confirm = 'connected'
    const p = s.params
    if (s.chatMedia) return this.startChat(r, s)
    if (p._call_direction === 'USERORIGINATED') return {status: 200, body: {_id: s.id, _action: 'DialNumber', _tel_url: PREVIEW_TEL_URL, _label: 'Call us now'}}
    return {status: 200, body: {_id: s.id, _action: 'ConfirmationDialog', _text: 'An agent is calling you now.', _okTitle: 'OK'}}
  }

  /** The `StartChat` action (docs/genesys.md#gms-callback-actions): where to create the chat, the CometD endpoint, its subject. */
  private startChat(r: GmsRequest, s: Service): GmsAnswer {
    return {
      status: 200,
      body: {
        _id: s.id,
        _action: 'StartChat',
        _start_chat_url: this.url(r, `/genesys/1/service/${s.id}/ixn/chat`),
        _comet_url: this.url(r, '/genesys/cometd'),
        _chat_parameters: {subject: 'Your question'},
      },
    }
  }

  private callbackAnswer(r: GmsRequest, service: string, params: Record<string, string | undefined>): GmsAnswer {
    const p = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as Record<string, string>
    if (!p._customer_number) return fail('callbackCustomerNumber')
    if (p._desired_time !== undefined) {
      const t = Date.parse(p._desired_time)
      const free = this.offered.get(service)?.get(t)
      if (Number.isNaN(t) || !free || t <= Date.now()) return fail('desiredTimeOffered', `got "${p._desired_time}"`)
    }
    const s = this.create('callback', p, p._media_type === 'chat', service)
    if (p._wait_for_user_confirm === 'true' && p._wait_for_agent === 'true') return this.awaitConfirmation(r, s)
    if (p._media_type === 'chat') {
      if (p._wait_for_agent === 'true') {
        return {
          status: 200,
          body: {
            _id: s.id,
            _action: 'ConfirmationDialog',
            _text: 'Thank you. You are in the queue; an agent will chat with you as soon as one is free.',
            _okTitle: 'OK',
          },
        }
      }
      return this.startChat(r, s)
    }
    if (!p._call_direction) {
      // A service whose parameters all come from its configuration offers a menu.
      return {
        status: 200,
        body: {
          _id: s.id,
          _action: 'DisplayMenu',
          _label: 'How would you like to talk to us?',
          _content: [
            {
              _group_name: 'Choose one',
              _group_content: [
                {_label: 'Call me back', _user_action_url: this.url(r, `/genesys/1/service/${s.id}/menu/call-me`)},
                {_label: 'I will call you', _user_action_url: this.url(r, `/genesys/1/service/${s.id}/menu/dial`)},
              ],
            },
          ],
        },
      }
    }
    if (p._call_direction === 'USERORIGINATED') return {status: 200, body: {_id: s.id, _action: 'DialNumber', _tel_url: PREVIEW_TEL_URL, _label: 'Call us now'}}
    return {status: 200, body: {_id: s.id, _action: 'ConfirmationDialog', _text: 'Thank you. Your callback request is registered.', _okTitle: 'OK'}}
  }

  /**
   * Free slots between start and the end of the next day: every two hours from one hour
   * before `start` (a past slot, which a widget must drop), every third slot full.
   */
  private availability(service: string, p: Record<string, string>): Record<string, number> {
    const from = Date.parse(p.start ?? '')
    const first = Number.isNaN(from) ? Date.now() : from
    const out: Record<string, number> = {}
    const offered = new Map<number, number>()
    let t = Math.floor(first / 3_600_000) * 3_600_000 - 3_600_000
    for (let n = 0; n < 18; n += 1, t += 2 * 3_600_000) {
      const free = n % 3 === 2 ? 0 : 2
      out[new Date(t).toISOString()] = free
      offered.set(t, free)
    }
    this.offered.set(service, offered)
    return out
  }

  /** Chat API v1 on a service's chat: create, then send/refresh/startTyping/stopTyping/disconnect. */
  private chatV1(r: GmsRequest, s: Service | undefined, op: string | undefined, contentType: string | undefined): GmsAnswer {
    if (r.method !== 'POST') return {status: 405, body: {error: 'method', message: 'Chat API v1 operations are POST'}}
    if (!r.headers?.gms_user) return fail('chatV1GmsUser')
    if (!isForm(contentType)) return fail('chatV1Form', `got ${contentType ?? 'no Content-Type'}`)
    if (!s?.chatMedia || s.cancelled) return fail('chatV1UnknownService', s ? `${s.id} is not a chat service` : undefined)
    const p = {...(r.query ?? {}), ...r.params}
    if (op === undefined) {
      if (s.chat) return fail('chatV1Once')
      const name = p.userDisplayName || [p.firstName, p.lastName].filter(Boolean).join(' ') || 'Visitor'
      s.chat = new ScriptedChat(name)
      return this.chatState(s, undefined)
    }
    const chat = s.chat
    if (!chat) return fail('chatV1UnknownService', `${s.id} has no chat yet`)
    if (chat.ended) return fail('chatV1AfterDisconnect')
    switch (op) {
      case 'send':
        if (!p.message) return {status: 400, body: {error: 'message', message: 'send needs message'}}
        chat.visitorSays(p.message)
        return this.chatState(s, chat.next)
      case 'refresh': {
        // Some clients send text with refresh (its message field).
        if (p.message) chat.visitorSays(p.message)
        chat.tick()
        const from = p.transcriptPosition === undefined ? undefined : Number.parseInt(p.transcriptPosition, 10)
        return this.chatState(s, from)
      }
      case 'startTyping':
      case 'stopTyping':
        chat.visitorTyping(op === 'startTyping')
        return this.chatState(s, chat.next)
      case 'disconnect':
        chat.visitorLeaves()
        return this.chatState(s, chat.next)
      default:
        return {status: 404, body: {error: 'operation', message: `Chat API v1 has no operation ${op}`}}
    }
  }

  private chatState(s: Service, from: number | undefined): GmsAnswer {
    const chat = s.chat!
    return {
      status: 200,
      body: {
        chatIxnState: chat.ended ? 'DISCONNECTED' : chat.transcript.length > 1 ? 'TRANSCRIPT' : 'CONNECTED',
        chatSessionId: `0000${s.id}`,
        chatServiceMessage: 'Chat service is available',
        transcriptPosition: String(chat.next),
        transcriptToShow: chat
          .from(from)
          .map((e) => [
            V1_EVENT[e.kind],
            e.nickname,
            e.kind === 'message' ? e.text : '',
            e.party === 'visitor' ? '1' : '2',
            e.party === 'visitor' ? 'CLIENT' : 'AGENT',
          ]),
      },
    }
  }
}
