/**
 * The preview server's limits, over real HTTP on 127.0.0.1: the request log stays bounded
 * in entries and bytes whatever it is sent, an oversized body gets a 413 the client can
 * read, JSON nested deeper than the stack allows never breaks the log page, and a
 * malformed %-escape is the client's error (400).
 */
import http from 'node:http'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {LOG_LIMITS, Recorder, boundValue} from '../../src/preview/recorder.js'
import {startServer, type PreviewServer} from '../../src/preview/server.js'
import {planSite} from '../../src/preview/site.js'

describe('the request log', () => {
  const entry = (body: string) => ({
    integration: 'chat',
    service: 'gms' as const,
    method: 'POST',
    path: '/x',
    url: '/x',
    query: {},
    params: {body},
    headers: {},
    status: 200,
    response: {},
  })

  it('keeps the newest entries within its byte budget, each value cut to a few KiB', () => {
    const recorder = new Recorder()
    const mb = 'x'.repeat(1_000_000)
    for (let k = 0; k < 3000; k += 1) recorder.record(entry(mb))
    const {entries, bytes} = recorder.size()
    expect(entries).toBeLessThanOrEqual(LOG_LIMITS.entries)
    expect(bytes).toBeLessThanOrEqual(LOG_LIMITS.bytes)
    const list = recorder.list()
    expect(list.at(-1)!.seq).toBe(3000)
    expect(list[0].params.body.length).toBeLessThan(LOG_LIMITS.valueChars + 100)
    expect(list[0].params.body).toMatch(/\.\.\. \(\d+ more characters\)$/)
    expect(recorder.clear()).toBe(entries)
    expect(recorder.size()).toEqual({entries: 0, bytes: 0})
  })

  it('summarizes values nested deeper than its limit instead of keeping them', () => {
    let deep: unknown = 'bottom'
    for (let k = 0; k < 5000; k += 1) deep = [deep]
    const bounded = boundValue({deep})
    const text = JSON.stringify(bounded)
    expect(text).toContain(`nested deeper than ${LOG_LIMITS.depth} levels, not kept`)
    expect(text.length).toBeLessThan(1000)
  })
})

/** One request over a fresh connection: status and body text, or the socket error's code. */
function request(
  origin: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer | string,
): Promise<{status: number; text: string}> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${origin}${path}`, {method, headers, agent: false}, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (d: string) => (text += d))
      res.on('end', () => resolve({status: res.statusCode ?? 0, text}))
    })
    // Writing the rest of a refused body may fail once the answer is in; the answer is what counts.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)))
    req.end(body)
  })
}

describe('the preview server', () => {
  let server: PreviewServer
  beforeAll(async () => {
    server = await startServer(0)
    server.setSites(
      [planSite({name: 'chat', media: 'gms-chat', host: 'https://gms.example.com'}, server.origin, '/project/gwe-int.config.json')],
      '/project/gwe-int.config.json',
    )
  })
  afterAll(() => server.close())
  const gms = '/i/chat/gms/genesys/1/service/request-chat'

  it('answers a body over 1 MiB with a 413 the client receives', async () => {
    const big = Buffer.alloc(8 * 1024 * 1024, 97)
    const sized = await fetch(`${server.origin}${gms}`, {method: 'POST', headers: {'content-type': 'application/x-www-form-urlencoded'}, body: big})
    expect(sized.status).toBe(413)
    expect(await sized.text()).toContain('request body larger than 1048576 bytes')
    // Without a Content-Length (chunked): refused once the bytes pass the limit.
    const chunked = await request(server.origin, 'POST', gms, {'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked'}, big)
    expect(chunked.status).toBe(413)
  })

  it('keeps answering the log page after JSON nested 5,000 deep', async () => {
    const deep = `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`
    const sent = await fetch(`${server.origin}${gms}`, {method: 'POST', headers: {'content-type': 'application/json'}, body: deep})
    expect(sent.status).toBeLessThan(500)
    const log = await fetch(`${server.origin}/__gwe-int/requests?integration=chat`)
    expect(log.status).toBe(200)
    const {requests} = (await log.json()) as {requests: {params: Record<string, string>; json?: unknown}[]}
    const last = requests.at(-1)!
    expect(last.params.a).toBe('"[nested too deep to show]"')
    expect(JSON.stringify(last.json)).toContain('nested deeper than')
  })

  it('answers a malformed %-escape with 400', async () => {
    const res = await request(server.origin, 'POST', '/i/chat/gms/genesys/1/service/%E0%A4%A', {'content-type': 'application/x-www-form-urlencoded'}, 'a=1')
    expect(res.status).toBe(400)
    expect(res.text).toContain('malformed URL')
  })
})
