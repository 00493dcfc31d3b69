/**
 * What the preview's stand-ins received, per integration, so people (the customer
 * page's request table) and tests (`GET /__gwe-int/requests`) can check exactly what
 * the generated widgets sent: method, path, parsed parameters and headers.
 * Also holds each integration's GMS error mode.
 */

/** Which stand-in answered: GMS, the GWE Notification Service, or the vendor page. */
export type StandIn = 'gms' | 'gwe' | 'vendor'

export interface RecordedRequest {
  /** 1, 2, 3… across the whole server, in arrival order. */
  seq: number
  integration: string
  service: StandIn
  method: string
  /** The path as the real server would see it, e.g. `/genesys/1/service/callback/samples_new`. */
  path: string
  /** The full path on the preview server, query included. */
  url: string
  query: Record<string, string>
  /** Form (urlencoded or multipart) fields, or the JSON body's top-level keys. */
  params: Record<string, string>
  /** The raw JSON body, when the request sent JSON. */
  json?: unknown
  /** Request headers, names in lower case (Node's view of them). */
  headers: Record<string, string>
  status: number
  response: unknown
  /** What the stand-in accepted but a real GMS may not honour, each with its public source. */
  warnings?: string[]
}

/** An error the GMS stand-in answers every request with, until reset. */
export interface GmsMode {
  status: number
  body?: unknown
}

/**
 * A long preview session (or a load test) must not grow without bound: the log keeps the
 * newest MAX_ENTRIES requests and at most MAX_BYTES of them, and each stored value is cut
 * to a few KiB and a few levels deep, so a 1 MB body or JSON nested 5,000 deep costs a
 * few KiB and the log page can always be rendered.
 */
/** Sessions (callbacks, chats) a GMS stand-in keeps; the oldest is forgotten first. */
export const MAX_SESSIONS = 1000

export const LOG_LIMITS = {entries: 1000, bytes: 8 * 1024 * 1024, valueChars: 4096, depth: 16, keys: 100}

/**
 * A string that shares no memory with the one it came from. V8 makes a cut (slice) or a
 * value parsed out of a request body point into the original string, so keeping 4 KiB
 * of a 1 MB body (or a short form field of it) would keep the whole body alive: 600 such
 * POSTs held 750 MB. Strings shorter than 13 characters are always copies in V8.
 */
export const detach = (s: string): string => (s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string))

/**
 * `value` cut to LOG_LIMITS: long strings end in "... (N more characters)", deep or long
 * parts are summarized. ASCII dots, not an ellipsis character: V8 would hold each cut
 * value, and every log page built from them, as a two-byte string (twice the memory).
 */
export function boundValue(value: unknown, budget = {chars: LOG_LIMITS.valueChars}, depth = 0): unknown {
  if (typeof value === 'string') {
    const keep = Math.max(0, Math.min(value.length, budget.chars))
    budget.chars -= keep
    return detach(keep < value.length ? `${value.slice(0, keep)}... (${value.length - keep} more characters)` : value)
  }
  if (value === null || typeof value !== 'object') {
    budget.chars -= 8
    return value
  }
  if (depth >= LOG_LIMITS.depth) return `[${Array.isArray(value) ? 'array' : 'object'} nested deeper than ${LOG_LIMITS.depth} levels, not kept]`
  const entries = Array.isArray(value) ? value.map((v, k) => [String(k), v] as const) : Object.entries(value)
  const out: [string, unknown][] = []
  for (const [key, item] of entries) {
    if (budget.chars <= 0 || out.length >= LOG_LIMITS.keys) {
      out.push(['...', `${entries.length - out.length} more ${Array.isArray(value) ? 'items' : 'keys'} not kept`])
      break
    }
    budget.chars -= key.length + 4
    out.push([key, boundValue(item, budget, depth + 1)])
  }
  return Array.isArray(value) ? out.map(([, v]) => v) : Object.fromEntries(out)
}

const boundStrings = (record: Record<string, string>) => boundValue(record) as Record<string, string>

export class Recorder {
  private seq = 0
  private readonly requests: {entry: RecordedRequest; bytes: number}[] = []
  private bytes = 0
  private readonly modes = new Map<string, GmsMode>()

  record(entry: Omit<RecordedRequest, 'seq'>): RecordedRequest {
    const full: RecordedRequest = {
      seq: ++this.seq,
      ...entry,
      url: boundValue(entry.url) as string,
      query: boundStrings(entry.query),
      params: boundStrings(entry.params),
      ...(entry.json === undefined ? {} : {json: boundValue(entry.json)}),
      headers: boundStrings(entry.headers),
      response: boundValue(entry.response),
      ...(entry.warnings ? {warnings: entry.warnings.map((w) => boundValue(w) as string)} : {}),
    }
    const bytes = JSON.stringify(full).length
    this.requests.push({entry: full, bytes})
    this.bytes += bytes
    while (this.requests.length > LOG_LIMITS.entries || this.bytes > LOG_LIMITS.bytes) this.bytes -= this.requests.shift()!.bytes
    return full
  }

  /** What the log holds now (for tests and the bench). */
  size(): {entries: number; bytes: number} {
    return {entries: this.requests.length, bytes: this.bytes}
  }

  list(integration?: string): RecordedRequest[] {
    return this.requests.filter((r) => integration === undefined || r.entry.integration === integration).map((r) => r.entry)
  }

  clear(integration?: string): number {
    const before = this.requests.length
    const keep = integration === undefined ? [] : this.requests.filter((r) => r.entry.integration !== integration)
    this.requests.splice(0, this.requests.length, ...keep)
    this.bytes = keep.reduce((n, r) => n + r.bytes, 0)
    return before - keep.length
  }

  /** Status 200 (or 0) switches the error mode off. */
  setMode(integration: string, mode: GmsMode): void {
    if (mode.status === 0 || mode.status === 200) this.modes.delete(integration)
    else this.modes.set(integration, mode.body === undefined ? mode : {...mode, body: boundValue(mode.body)})
  }

  mode(integration: string): GmsMode | undefined {
    return this.modes.get(integration)
  }

  allModes(): Record<string, GmsMode> {
    return Object.fromEntries(this.modes)
  }
}
