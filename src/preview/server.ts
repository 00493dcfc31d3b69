/**
 * The preview server: plain node:http on 127.0.0.1. It serves the generated files of
 * each integration (site.ts), the customer page, and the stand-ins for the GWE
 * Notification Service, GMS and a third-party vendor, recording what they receive.
 *
 * Control endpoints (for people and tests):
 *   GET    /__gwe-int/requests?integration=N   what the stand-ins received (JSON)
 *   DELETE /__gwe-int/requests?integration=N   forget it
 *   POST   /__gwe-int/gms-mode                 {"integration": N, "status": 503, "body"?: …, "loadBalanced"?: true, "confirmWindowMs"?: 500, "agentReadyMs"?: 1500}
 *   GET    /__gwe-int/notifications?integration=N&visitID=V   the page's notification stream (SSE)
 */
import http, {type IncomingMessage, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'
import {type Bayeux, bayeuxServer} from './bayeux.js'
import {CLIENT_SCRIPT, CLIENT_SCRIPT_PATH} from './client-script.js'
import {GmsStandIn} from './gms.js'
import {BodyTooLarge, headersOf, parseBody, type ParsedBody, readBody, send, sendHtml, sendJson, sendText} from './http-util.js'
import {customerPage, errorPage, indexPage, vendorPage} from './pages.js'
import {Recorder, type StandIn} from './recorder.js'
import {GMS_SEGMENT, VENDOR_PATH, type Site} from './site.js'
import {WIDGETS_STANDIN_PATH, WIDGETS_STANDIN_SCRIPT} from './widgets.js'

export const HOST = '127.0.0.1'

export interface PreviewServer {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  origin: string
  port: number
  recorder: Recorder
  /** Installs the sites once the port (and so their URLs) is known. */
  setSites(sites: Site[], configFile: string): void
  close(): Promise<void>
}

interface Context {
  sites: Map<string, Site>
  configFile: string
  recorder: Recorder
  gms: Map<string, GmsStandIn>
  /** Each integration's CometD endpoint, made on its first request. */
  cometd: Map<string, Bayeux>
  streams: Map<string, Set<ServerResponse>>
  origin: string
  port: number
}

/** Listens on 127.0.0.1:port (0: a free port). Rejects with the listen error (EADDRINUSE…). */
export function startServer(port: number): Promise<PreviewServer> {
  const ctx: Context = {sites: new Map(), configFile: '', recorder: new Recorder(), gms: new Map(), cometd: new Map(), streams: new Map(), origin: '', port: 0}
  const server = http.createServer((req, res) => {
    handle(ctx, req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.end()
      // The rest of an oversized body is read and dropped (node:http does it once the answer is
      // sent); closing the connection instead would reset it before the client reads the 413.
      if (error instanceof BodyTooLarge) return sendText(res, 413, error.message)
      // A malformed %-escape or URL: the client's mistake, not the server's.
      if (error instanceof URIError || (error as {code?: string}).code === 'ERR_INVALID_URL')
        return sendText(res, 400, `gwe-int preview: malformed URL ${JSON.stringify(req.url ?? '').slice(0, 200)}`)
      sendText(res, 500, `gwe-int preview: ${(error as Error).message}`)
    })
  })
  // Node's default (5 s) closes an idle keep-alive connection on a timer; when the process is
  // busy (a page firing many requests, a slow machine) the timer can fire just as the client
  // reuses the connection, and that request is reset (seen under 50 concurrent 1 MB POSTs).
  server.keepAliveTimeout = 60_000
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, HOST, () => {
      server.off('error', reject)
      ctx.port = (server.address() as AddressInfo).port
      ctx.origin = `http://${HOST}:${ctx.port}`
      resolve({
        origin: ctx.origin,
        port: ctx.port,
        recorder: ctx.recorder,
        setSites(sites, configFile) {
          ctx.sites = new Map(sites.map((s) => [s.name, s]))
          ctx.configFile = configFile
          for (const g of ctx.gms.values()) g.close()
          for (const b of ctx.cometd.values()) b.close()
          ctx.cometd = new Map()
          ctx.gms = new Map(
            sites.map((s) => [s.name, new GmsStandIn(s.integration.scenario?.endpoint === 'callback' ? s.integration.scenario.params : undefined)]),
          )
          for (const [name, g] of ctx.gms) g.push = (channel, data) => cometd(ctx, ctx.sites.get(name)!).publish(channel, data)
        },
        close: () =>
          new Promise<void>((done) => {
            for (const set of ctx.streams.values()) for (const stream of set) stream.end()
            for (const g of ctx.gms.values()) g.close()
            for (const b of ctx.cometd.values()) b.close()
            server.close(() => done())
            server.closeAllConnections()
          }),
      })
    })
  })
}

async function handle(ctx: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // Only this server's own address: a page on another origin cannot reach it by DNS rebinding.
  const host = req.headers.host ?? ''
  if (host !== `${HOST}:${ctx.port}` && host !== `localhost:${ctx.port}`) return sendText(res, 403, `gwe-int preview answers only http://${HOST}:${ctx.port}/`)
  const url = new URL(req.url ?? '/', ctx.origin)
  const pathname = url.pathname
  const method = req.method ?? 'GET'
  // A page the developer has open in another tab can send POSTs here (a form, fetch in
  // no-cors mode) even though it cannot read the answers: whatever changes state (the GMS
  // error mode, the request log, a stand-in's sessions) is for this server's own pages only.
  const foreign = !isRead(method) && method !== 'OPTIONS' ? foreignSite(ctx, req) : undefined
  if (foreign) return sendText(res, 403, `gwe-int preview: refusing ${method} ${pathname} from ${foreign}; only pages of ${ctx.origin} may change its state`)

  if (pathname === '/' && isRead(method)) return sendHtml(res, 200, indexPage([...ctx.sites.values()], ctx.configFile))
  if (pathname === CLIENT_SCRIPT_PATH) return send(res, 200, CLIENT_SCRIPT, 'text/javascript; charset=utf-8')
  if (pathname === WIDGETS_STANDIN_PATH) return send(res, 200, WIDGETS_STANDIN_SCRIPT, 'text/javascript; charset=utf-8')
  // Browsers ask for it on their own; "no content" keeps a red 404 out of the console.
  if (pathname === '/favicon.ico' && isRead(method)) {
    res.writeHead(204, {'Cache-Control': 'max-age=86400'})
    return void res.end()
  }
  if (pathname.startsWith('/__gwe-int/')) return control(ctx, req, res, url)

  const m = /^\/i\/([^/]+)(\/.*)?$/.exec(pathname)
  const site = m ? ctx.sites.get(m[1]) : undefined
  if (!m || !site) return sendHtml(res, 404, errorPage('Not found', `${pathname}: no such page; the integrations are listed at /`))
  const rest = m[2] ?? ''
  if (rest === '') return redirect(res, `${site.base}/`)
  if (rest === '/' && isRead(method)) return sendHtml(res, 200, customerPage(site, url.searchParams))

  const file = site.files.get(pathname)
  if (file && isRead(method)) return send(res, 200, file.content, file.type)

  if (rest.startsWith(`${GMS_SEGMENT}${COMETD}`) && ctx.gms.has(site.name)) {
    record(ctx, site, 'gms', req, url, rest.slice(GMS_SEGMENT.length), {params: {}}, 200, {cometd: 'answered by the Bayeux server'})
    return cometd(ctx, site).handle(req, res)
  }
  if (rest.startsWith(`${GMS_SEGMENT}/`) && ctx.gms.has(site.name)) return gms(ctx, site, req, res, url, rest.slice(GMS_SEGMENT.length))
  const notify = `${site.integration.gwePrefix}/data/notification/notify/`
  if (rest.startsWith(notify)) return notification(ctx, site, req, res, url, rest, decodeURIComponent(rest.slice(notify.length)))
  if (rest === VENDOR_PATH && site.medium.host?.kind === 'full-url') {
    const query = Object.fromEntries(url.searchParams)
    record(ctx, site, 'vendor', req, url, rest, {params: query}, 200, {page: 'vendor'})
    return sendHtml(res, 200, vendorPage(site, query))
  }
  return sendHtml(res, 404, errorPage('Not found', `${pathname}: integration ${site.name} has no such file or service`))
}

const COMETD = '/genesys/cometd'

function cometd(ctx: Context, site: Site): Bayeux {
  let b = ctx.cometd.get(site.name)
  if (!b) {
    b = bayeuxServer(`${site.base}${GMS_SEGMENT}${COMETD}`)
    ctx.cometd.set(site.name, b)
  }
  return b
}

const isRead = (method: string) => method === 'GET' || method === 'HEAD'

/**
 * What makes a request another site's, if it is one: an Origin other than this server's
 * (`null` included: a sandboxed frame, a file), or a Sec-Fetch-Site other than
 * same-origin or none (typed by the user). Clients that send neither (curl, scripts) are
 * not browsers acting for another page.
 */
function foreignSite(ctx: Context, req: IncomingMessage): string | undefined {
  const origin = req.headers.origin
  if (origin !== undefined && origin !== ctx.origin && origin !== `http://localhost:${ctx.port}`) return `origin ${JSON.stringify(origin).slice(0, 120)}`
  const site = req.headers['sec-fetch-site']
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return `a ${JSON.stringify(site).slice(0, 40)} request`
  return undefined
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, {location, 'cache-control': 'no-store'})
  res.end()
}

function record(
  ctx: Context,
  site: Site,
  service: StandIn,
  req: IncomingMessage,
  url: URL,
  path: string,
  body: {params: Record<string, string>; json?: unknown},
  status: number,
  response: unknown,
  warnings?: string[],
): void {
  ctx.recorder.record({
    integration: site.name,
    service,
    method: req.method ?? 'GET',
    path,
    url: `${url.pathname}${url.search}`,
    query: Object.fromEntries(url.searchParams),
    params: body.params,
    ...(body.json === undefined ? {} : {json: body.json}),
    headers: headersOf(req),
    status,
    response,
    ...(warnings?.length ? {warnings} : {}),
  })
}

async function gms(ctx: Context, site: Site, req: IncomingMessage, res: ServerResponse, url: URL, path: string): Promise<void> {
  const method = req.method ?? 'GET'
  const cors = {
    'access-control-allow-origin': ctx.origin,
    'access-control-allow-headers': 'content-type, gms_user',
    'access-control-allow-methods': 'GET, POST, DELETE',
  }
  if (method === 'OPTIONS') {
    res.writeHead(204, {...cors, 'cache-control': 'no-store'})
    return void res.end()
  }
  let body: ParsedBody
  try {
    body = await parseBody(await readBody(req), req.headers['content-type'])
  } catch (error) {
    if (error instanceof BodyTooLarge) throw error
    const answer = {error: `gwe-int preview: unreadable request body (${(error as Error).message})`}
    record(ctx, site, 'gms', req, url, path, {params: {}}, 400, answer)
    return sendJson(res, 400, answer)
  }
  const mode = ctx.recorder.mode(site.name)
  const answer = mode
    ? {status: mode.status, body: mode.body ?? {error: `${http.STATUS_CODES[mode.status] ?? 'Error'} (gwe-int preview error mode)`}}
    : ctx.gms.get(site.name)!.answer({
        method,
        path,
        params: body.params,
        query: Object.fromEntries(url.searchParams),
        headers: headersOf(req),
        base: `${ctx.origin}${site.base}${GMS_SEGMENT}`,
      })
  record(ctx, site, 'gms', req, url, path, body, answer.status, answer.body, 'warnings' in answer ? answer.warnings : undefined)
  res.setHeader('access-control-allow-origin', ctx.origin)
  sendJson(res, answer.status, answer.body)
}

/**
 * "Notify by visit ID" (docs/genesys.md#notify): POST a JSON array of {page, channel, data}; the answer is
 * a bare status. The server republishes to the visit's channel (here: its SSE streams).
 */
async function notification(ctx: Context, site: Site, req: IncomingMessage, res: ServerResponse, url: URL, path: string, visitId: string): Promise<void> {
  if (req.method !== 'POST') return sendText(res, 405, 'the Notification Service takes POST')
  let body: ParsedBody | undefined
  let problem: string | undefined
  try {
    body = await parseBody(await readBody(req), req.headers['content-type'])
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) problem = 'Content-Type must be application/json'
    else if (!Array.isArray(body.json)) problem = 'the body must be a JSON array of messages'
    else if (!body.json.every((m) => m && typeof m === 'object' && typeof m.page === 'string' && typeof m.channel === 'string'))
      problem = 'each message needs "page" and "channel" strings'
  } catch (error) {
    if (error instanceof BodyTooLarge) throw error
    problem = `the body is not JSON (${(error as Error).message})`
  }
  if (problem || !body) {
    record(ctx, site, 'gwe', req, url, path, body ?? {params: {}}, 400, {error: problem})
    return sendText(res, 400, problem ?? 'bad request')
  }
  const streams = ctx.streams.get(streamKey(site.name, visitId)) ?? new Set()
  for (const stream of streams) stream.write(`data: ${JSON.stringify(body.json)}\n\n`)
  record(ctx, site, 'gwe', req, url, path, body, 200, {delivered: streams.size})
  res.writeHead(200, {'cache-control': 'no-store', 'content-length': '0'})
  res.end()
}

const streamKey = (integration: string, visitId: string) => `${integration}\n${visitId}`

async function control(ctx: Context, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const integration = url.searchParams.get('integration') ?? undefined
  const known = (name: string | undefined) => name === undefined || ctx.sites.has(name)
  switch (url.pathname) {
    case '/__gwe-int/requests':
      if (!known(integration)) return sendJson(res, 404, {error: `no integration named ${integration}`})
      if (req.method === 'DELETE') return sendJson(res, 200, {cleared: ctx.recorder.clear(integration)})
      if (!isRead(req.method ?? 'GET')) return sendJson(res, 405, {error: 'GET lists the requests, DELETE forgets them'})
      return sendJson(res, 200, {requests: ctx.recorder.list(integration)})
    case '/__gwe-int/gms-mode': {
      if (req.method !== 'POST') return sendJson(res, 200, {modes: ctx.recorder.allModes()})
      // Not a type a form or a no-cors fetch can send: a browser asks (preflight) before sending JSON cross-origin.
      if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? ''))
        return sendJson(res, 415, {error: 'send Content-Type: application/json and {"integration": "<name>", "status": 503}'})
      let input: {integration?: unknown; status?: unknown; body?: unknown; loadBalanced?: unknown; confirmWindowMs?: unknown; agentReadyMs?: unknown}
      try {
        input = JSON.parse((await readBody(req)).toString('utf8') || '{}') as typeof input
      } catch {
        return sendJson(res, 400, {error: 'send JSON: {"integration": "<name>", "status": 503}'})
      }
      const status = Number(input.status)
      if (typeof input.integration !== 'string' || !ctx.sites.has(input.integration))
        return sendJson(res, 400, {error: `"integration" must name one of: ${[...ctx.sites.keys()].join(', ')}`})
      if (!Number.isInteger(status) || (status !== 0 && (status < 200 || status > 599)))
        return sendJson(res, 400, {error: '"status" must be an HTTP status (200 or 0 switches the error mode off)'})
      if (input.loadBalanced !== undefined && typeof input.loadBalanced !== 'boolean')
        return sendJson(res, 400, {error: '"loadBalanced" must be true or false'})
      // The confirmation's timing: how long the scripted agent takes, how long GMS waits for the visitor.
      for (const key of ['confirmWindowMs', 'agentReadyMs'] as const) {
        const ms = input[key]
        if (ms !== undefined && !(Number.isInteger(ms) && (ms as number) > 0))
          return sendJson(res, 400, {error: `"${key}" must be a whole number of milliseconds above 0`})
      }
      const standIn = ctx.gms.get(input.integration)!
      if (typeof input.confirmWindowMs === 'number') standIn.confirmWindowMs = input.confirmWindowMs
      if (typeof input.agentReadyMs === 'number') standIn.agentReadyMs = input.agentReadyMs
      ctx.recorder.setMode(input.integration, {status, ...(input.body === undefined ? {} : {body: input.body})})
      if (typeof input.loadBalanced === 'boolean') ctx.gms.get(input.integration)!.loadBalanced = input.loadBalanced
      return sendJson(res, 200, {integration: input.integration, status, loadBalanced: ctx.gms.get(input.integration)!.loadBalanced})
    }
    case '/__gwe-int/notifications': {
      const visitId = url.searchParams.get('visitID')
      if (!integration || !ctx.sites.has(integration) || !visitId) return sendText(res, 400, 'give ?integration=<name>&visitID=<id>')
      const key = streamKey(integration, visitId)
      const set = ctx.streams.get(key) ?? new Set<ServerResponse>()
      ctx.streams.set(key, set)
      res.writeHead(200, {'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive'})
      res.write(': listening\n\n')
      set.add(res)
      req.on('close', () => {
        set.delete(res)
        if (set.size === 0) ctx.streams.delete(key)
      })
      return
    }
    default:
      return sendText(res, 404, `${url.pathname}: unknown; see /__gwe-int/requests, /__gwe-int/gms-mode`)
  }
}
