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
}

/** An error the GMS stand-in answers every request with, until reset. */
export interface GmsMode {
  status: number
  body?: unknown
}

export class Recorder {
  private seq = 0
  private readonly requests: RecordedRequest[] = []
  private readonly modes = new Map<string, GmsMode>()

  record(entry: Omit<RecordedRequest, 'seq'>): RecordedRequest {
    const full = {seq: ++this.seq, ...entry}
    this.requests.push(full)
    // A long preview session must not grow without bound.
    if (this.requests.length > 5000) this.requests.splice(0, this.requests.length - 5000)
    return full
  }

  list(integration?: string): RecordedRequest[] {
    return integration === undefined ? [...this.requests] : this.requests.filter((r) => r.integration === integration)
  }

  clear(integration?: string): number {
    const before = this.requests.length
    const keep = integration === undefined ? [] : this.requests.filter((r) => r.integration !== integration)
    this.requests.splice(0, this.requests.length, ...keep)
    return before - keep.length
  }

  /** Status 200 (or 0) switches the error mode off. */
  setMode(integration: string, mode: GmsMode): void {
    if (mode.status === 0 || mode.status === 200) this.modes.delete(integration)
    else this.modes.set(integration, mode)
  }

  mode(integration: string): GmsMode | undefined {
    return this.modes.get(integration)
  }

  allModes(): Record<string, GmsMode> {
    return Object.fromEntries(this.modes)
  }
}
