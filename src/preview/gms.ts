/**
 * The GMS stand-in: answers the requests the generated widgets send, in the shapes of
 * docs/genesys.md (gms-callback, gms-callback-actions, request-chat, request-interaction). It is a test double, not GMS: it checks the parameters GMS documents
 * as mandatory and answers what the widgets must handle, nothing more.
 */
import {ChatV2} from './chat-v2.js'

export interface GmsRequest {
  method: string
  /** Path below the GMS host, e.g. `/genesys/1/service/callback/samples_new`. */
  path: string
  params: Record<string, string>
  /** The GMS base URL as the browser sees it, for URLs in answers. */
  base: string
}

export interface GmsAnswer {
  status: number
  body: unknown
}

/** A number in the range reserved for fiction (555-0100..0199). */
export const PREVIEW_ACCESS_NUMBER = 'tel:+15555550100'

const notFound = (r: GmsRequest): GmsAnswer => ({status: 404, body: {error: `gwe-int preview: the GMS stand-in has no ${r.method} ${r.path}`}})
const missing = (key: string): GmsAnswer => ({status: 400, body: {error: `missing mandatory parameter ${key}`}})

export class GmsStandIn {
  private ids = 0
  readonly chat = new ChatV2(() => this.nextId())

  private nextId(): string {
    this.ids += 1
    return `preview-${String(this.ids).padStart(4, '0')}`
  }

  answer(r: GmsRequest): GmsAnswer {
    const parts = r.path.split('/').filter(Boolean).map((p) => decodeURIComponent(p))
    if (parts[0] !== 'genesys') return notFound(r)
    if (r.method !== 'POST') return {status: 405, body: {error: `gwe-int preview: GMS services take POST, not ${r.method}`}}
    const [, version, kind, ...rest] = parts
    if (version === '1' && kind === 'service') return this.service(r, rest)
    if (version === '2' && kind === 'chat' && rest.length >= 1) return this.chat.answer(rest[0], rest.slice(1), r.params)
    return notFound(r)
  }

  /** `POST /genesys/1/service/...`. */
  private service(r: GmsRequest, rest: string[]): GmsAnswer {
    // POST .../callback/<service>/availability with start and end (ISO-8601)
    // answers a map of time -> free slot count.
    if (rest[0] === 'callback' && rest.length === 3 && rest[2] === 'availability') return {status: 200, body: slots(r.params.start, r.params.end)}
    if (rest[0] === 'callback' && rest.length === 2) return this.callback(r)
    if (rest[0] === 'request-chat' && rest.length === 1) {
      // The built-in request-chat answers with the id and the chat interaction URL.
      const id = this.nextId()
      return {status: 200, body: {'_chatIxnAPI-CREATE-URL': `/genesys/1/service/${id}/ixn/chat`, _id: id}}
    }
    if (rest[0] === 'request-interaction' && rest.length === 1) {
      // _phone_number is mandatory; the answer gives an access number (and code). Which keys
      // come back is not documented; DialNumber/_tel_url is the sample's action for "call us".
      if (!r.params._phone_number) return missing('_phone_number')
      const id = this.nextId()
      const code = r.params._provide_code === 'true' ? {_access_code: '2468'} : {}
      return {status: 200, body: {_id: id, _action: 'DialNumber', _tel_url: PREVIEW_ACCESS_NUMBER, ...code}}
    }
    return notFound(r)
  }

  /** `POST /genesys/1/service/callback/<service>` (docs/genesys.md#gms-callback): the answer depends on the scenario's params. */
  private callback(r: GmsRequest): GmsAnswer {
    const p = r.params
    const id = this.nextId()
    if (p._media_type === 'chat') {
      // StartChat carries the chat start URL, the CometD URL and the chat subject.
      return {
        status: 200,
        body: {_id: id, _action: 'StartChat', _start_chat_url: `${r.base}/genesys/1/service/${id}/ixn/chat`, _comet_url: `${r.base}/genesys/cometd`, _chat_parameters: {subject: `Preview chat ${id}`}},
      }
    }
    // _customer_number is mandatory for every voice callback.
    if (!p._customer_number) return missing('_customer_number')
    if (p._desired_time !== undefined && Number.isNaN(Date.parse(p._desired_time))) {
      return {status: 400, body: {error: `_desired_time must be an ISO-8601 time, got "${p._desired_time}"`}}
    }
    // The visitor calls in (DialNumber) or is called back (ConfirmationDialog).
    if (p._call_direction === 'USERORIGINATED') return {status: 200, body: {_id: id, _action: 'DialNumber', _tel_url: PREVIEW_ACCESS_NUMBER}}
    const when = p._desired_time ? ` at ${p._desired_time}` : ' shortly'
    return {status: 200, body: {_id: id, _action: 'ConfirmationDialog', _text: `Thank you. We will call you at ${p._customer_number}${when}.`}}
  }
}

/**
 * Free slots on the hour between start and end (at most 24), every third one taken, so
 * a widget must skip full slots. Keys are ISO-8601 UTC, as `_desired_time` takes them.
 */
export function slots(start: string | undefined, end: string | undefined): Record<string, number> {
  const from = Date.parse(start ?? '')
  const to = Date.parse(end ?? '')
  const first = Number.isNaN(from) ? Date.now() : from
  const last = Number.isNaN(to) ? first + 24 * 3_600_000 : to
  const out: Record<string, number> = {}
  let t = Math.ceil(first / 3_600_000) * 3_600_000 + 3_600_000
  for (let n = 0; t <= last && n < 24; n += 1, t += 3_600_000) out[new Date(t).toISOString()] = n % 3 === 1 ? 0 : 2
  return out
}
