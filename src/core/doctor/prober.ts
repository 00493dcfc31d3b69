/**
 * The requests of one doctor run: a few at a time per host, each host that does not
 * answer remembered, so its other checks are not tried again (and do not each wait for
 * the timeout), and the proxies used collected for the report.
 */
import {probe, type ProbeRequest, type ProbeResult} from './probe.js'

/** Requests in flight to one host at a time. */
export const PER_HOST = 2

export class Prober {
  private readonly running = new Map<string, number>()
  private readonly waiting = new Map<string, (() => void)[]>()
  private readonly downHosts = new Map<string, Extract<ProbeResult, {kind: 'down'}>>()
  readonly proxies = new Set<string>()

  constructor(private readonly timeoutMs: number) {}

  /** The failure of a host (origin) already found not to answer. */
  down(url: string): Extract<ProbeResult, {kind: 'down'}> | undefined {
    return this.downHosts.get(new URL(url).origin)
  }

  async request(request: ProbeRequest): Promise<ProbeResult> {
    const origin = new URL(request.url).origin
    const known = this.downHosts.get(origin)
    if (known) return known
    await this.slot(origin)
    try {
      const again = this.downHosts.get(origin)
      if (again) return again
      const result = await probe(request, {timeoutMs: this.timeoutMs})
      if (result.proxy) this.proxies.add(result.proxy)
      if (result.kind === 'down') this.downHosts.set(origin, result)
      return result
    } finally {
      this.release(origin)
    }
  }

  private slot(origin: string): Promise<void> {
    const n = this.running.get(origin) ?? 0
    if (n < PER_HOST) {
      this.running.set(origin, n + 1)
      return Promise.resolve()
    }
    return new Promise((resolve) => {
      const queue = this.waiting.get(origin) ?? []
      queue.push(() => {
        this.running.set(origin, (this.running.get(origin) ?? 0) + 1)
        resolve()
      })
      this.waiting.set(origin, queue)
    })
  }

  private release(origin: string): void {
    this.running.set(origin, (this.running.get(origin) ?? 1) - 1)
    this.waiting.get(origin)?.shift()?.()
  }
}
