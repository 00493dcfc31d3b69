/**
 * Stand-in GWE and GMS installations for `doctor`, on 127.0.0.1, written from the public
 * documents (docs/genesys.md), not from the generator: a GMS that answers the callback
 * availability query (GMS 8.5.2 Callback Services API; the GMS callback sample's error
 * shape with `exception` ending in CallbackExceptionAvailability) and CORS preflights as
 * configured, and a GWE that serves the files copied into its resources folder. Every
 * request is recorded, so a test can see which methods doctor sent. Also a forwarding
 * proxy (CONNECT and absolute-URI requests), a server that never answers, and test
 * certificates made with the openssl command.
 */
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import http, {type IncomingMessage, type ServerResponse} from 'node:http'
import https from 'node:https'
import net, {type AddressInfo} from 'node:net'
import path from 'node:path'

export interface Recorded {
  server: string
  method: string
  url: string
  headers: Record<string, string | string[] | undefined>
}

export interface GmsOptions {
  /** Callback services that exist. */
  services: string[]
  /** The availability query: slots (default), the office closed, or a 5xx. */
  availability?: 'slots' | 'closed' | 503
  /** What GMS says with a 503 (default: ORS is not available). */
  message503?: string
  /** The CORS answer: the allowed origin (absent: no CORS headers at all) and allowed headers. */
  cors?: {origin: string; headers: string}
  tls?: {key: string; cert: string}
  /** Answer each request this much later, so that requests overlap. */
  delayMs?: number
}

export interface StandIn {
  origin: string
  port: number
  close(): Promise<void>
}

const log: Recorded[] = []
/** Every request any stand-in (and the proxy) received in this test file. */
export const received = (): readonly Recorded[] => log

function listen(server: http.Server | net.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)))
}

function closer(server: http.Server | net.Server, sockets?: Set<net.Socket>): () => Promise<void> {
  return () =>
    new Promise((done) => {
      for (const s of sockets ?? []) s.destroy()
      if ('closeAllConnections' in server) server.closeAllConnections()
      server.close(() => done())
    })
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, {'content-type': 'application/json', ...headers})
  res.end(JSON.stringify(body))
}

/** A GMS: /genesys/ answers, the availability query of each service, and CORS preflights. */
export async function startGms(opts: GmsOptions): Promise<StandIn & {maxInFlight: () => number}> {
  let inFlight = 0
  let maxInFlight = 0
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    inFlight += 1
    maxInFlight = Math.max(maxInFlight, inFlight)
    res.on('close', () => {
      inFlight -= 1
    })
    if (opts.delayMs) setTimeout(() => answer(req, res), opts.delayMs)
    else answer(req, res)
  }
  const answer = (req: IncomingMessage, res: ServerResponse) => {
    log.push({server: 'gms', method: req.method ?? '', url: req.url ?? '', headers: req.headers})
    const url = new URL(req.url ?? '/', 'http://gms')
    const cors: Record<string, string> = opts.cors
      ? {
          'access-control-allow-origin': opts.cors.origin,
          'access-control-allow-headers': opts.cors.headers,
          'access-control-allow-methods': 'GET, POST, DELETE',
        }
      : {}
    if (req.method === 'OPTIONS') {
      res.writeHead(opts.cors ? 204 : 200, {...cors, allow: 'GET, POST, DELETE, OPTIONS'})
      return void res.end()
    }
    if (url.pathname === '/genesys/' || url.pathname === '/genesys') return json(res, 404, {message: 'Not found'})
    const m = /^\/genesys\/1\/service\/callback\/([^/]+)\/availability$/.exec(url.pathname)
    if (m && req.method === 'GET') {
      const service = decodeURIComponent(m[1])
      if (!opts.services.includes(service)) return json(res, 404, {message: `Service ${service} not found`, error: 'Not Found'}, cors)
      if (opts.availability === 503) return json(res, 503, {message: opts.message503 ?? 'ORS is not available', error: 'Service Unavailable'}, cors)
      if (opts.availability === 'closed')
        return json(
          res,
          400,
          {message: 'Office is closed', exception: 'com.genesyslab.gsg.services.callback.CallbackExceptionAvailability', error: 'Bad Request'},
          cors,
        )
      return json(res, 200, {'2030-01-01T09:00:00.000Z': 2, '2030-01-01T11:00:00.000Z': 0, '2030-01-01T13:00:00.000Z': 1}, cors)
    }
    return json(res, 404, {message: 'Not found'}, cors)
  }
  const server = opts.tls ? https.createServer({key: opts.tls.key, cert: opts.tls.cert}, handler) : http.createServer(handler)
  const port = await listen(server)
  return {origin: `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`, port, close: closer(server), maxInFlight: () => maxInFlight}
}

/** A GWE server: the files deployed to it, by path (e.g. /frontend/resources/inviteGMS.html). */
export async function startGwe(files: Map<string, string | Buffer>): Promise<StandIn> {
  const server = http.createServer((req, res) => {
    log.push({server: 'gwe', method: req.method ?? '', url: req.url ?? '', headers: req.headers})
    const pathname = new URL(req.url ?? '/', 'http://gwe').pathname
    const file = files.get(pathname)
    if (pathname === '/') {
      res.writeHead(200, {'content-type': 'text/plain'})
      return void res.end('GWE')
    }
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, {'content-type': 'text/plain'})
      return void res.end('Not found')
    }
    res.writeHead(200, {'content-type': 'text/html; charset=utf-8'})
    res.end(req.method === 'HEAD' ? undefined : file)
  })
  const port = await listen(server)
  return {origin: `http://127.0.0.1:${port}`, port, close: closer(server)}
}

/** Accepts connections and never answers. */
export async function startSilent(): Promise<StandIn & {connections: () => number}> {
  const sockets = new Set<net.Socket>()
  let connections = 0
  const server = net.createServer((socket) => {
    connections += 1
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => {})
  })
  const port = await listen(server)
  return {origin: `http://127.0.0.1:${port}`, port, close: closer(server, sockets), connections: () => connections}
}

/** A port nothing listens on (listened on, then closed). */
export async function closedPort(): Promise<number> {
  const server = net.createServer()
  const port = await listen(server)
  await new Promise<void>((done) => server.close(() => done()))
  return port
}

/**
 * A forwarding proxy, the kind HTTPS_PROXY names: CONNECT tunnels and absolute-URI requests.
 * `hosts` maps names only the proxy can resolve to 127.0.0.1 ports.
 */
export async function startProxy(hosts: Record<string, number>): Promise<StandIn> {
  const sockets = new Set<net.Socket>()
  const portOf = (host: string, port: string) => hosts[host] ?? Number(port)
  const server = http.createServer((req, res) => {
    log.push({server: 'proxy', method: req.method ?? '', url: req.url ?? '', headers: req.headers})
    const target = new URL(req.url ?? '')
    const upstream = http.request(
      {host: '127.0.0.1', port: portOf(target.hostname, target.port), path: `${target.pathname}${target.search}`, method: req.method, headers: req.headers},
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers)
        up.pipe(res)
      },
    )
    upstream.on('error', () => {
      res.writeHead(502)
      res.end()
    })
    req.pipe(upstream)
  })
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  server.on('connect', (req: IncomingMessage, client: net.Socket, head: Buffer) => {
    log.push({server: 'proxy', method: req.method ?? '', url: req.url ?? '', headers: req.headers})
    const [host, port] = (req.url ?? '').split(':')
    const upstream = net.connect(portOf(host, port), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  const port = await listen(server)
  return {origin: `http://127.0.0.1:${port}`, port, close: closer(server, sockets)}
}

export interface TestCerts {
  /** A certificate authority's certificate (for NODE_EXTRA_CA_CERTS). */
  caFile: string
  /** Signed by the CA, for localhost and 127.0.0.1, valid now. */
  valid: {key: string; cert: string}
  /** Signed by the CA, expired in 2020. */
  expired: {key: string; cert: string}
  /** Signed by the CA, valid now, but for another name (other.acme.test) only. */
  otherName: {key: string; cert: string}
  /** Self-signed, for 127.0.0.1, valid now; its own file for NODE_EXTRA_CA_CERTS. */
  selfSigned: {key: string; cert: string; file: string}
}

/** Certificates made now with the openssl command, in `dir`. */
export function makeCerts(dir: string): TestCerts {
  const run = (args: string[]) => execFileSync('openssl', args, {cwd: dir, stdio: 'pipe'})
  const file = (name: string) => path.join(dir, name)
  fs.mkdirSync(file('db'), {recursive: true})
  fs.writeFileSync(file('db/index.txt'), '')
  fs.writeFileSync(file('db/serial'), '01\n')
  fs.writeFileSync(
    file('ca.cnf'),
    [
      '[ca]',
      'default_ca = d',
      '[d]',
      'database = db/index.txt',
      'new_certs_dir = db',
      'serial = db/serial',
      'unique_subject = no',
      'default_md = sha256',
      'policy = p',
      'x509_extensions = ext',
      '[p]',
      'commonName = supplied',
      '[ext]',
      'subjectAltName = DNS:localhost,IP:127.0.0.1',
      '[other]',
      'subjectAltName = DNS:other.acme.test',
      '',
    ].join('\n'),
  )
  const subj = (cn: string) => ['-subj', `/CN=${cn}`]
  run([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    ...subj('gwe-int test CA'),
    '-days',
    '2',
    '-addext',
    'basicConstraints=critical,CA:true',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ])
  const signed = (name: string, dates: string[], extensions = 'ext') => {
    run(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, ...subj('localhost')])
    run([
      'ca',
      '-batch',
      '-config',
      'ca.cnf',
      '-extensions',
      extensions,
      '-cert',
      'ca.pem',
      '-keyfile',
      'ca.key',
      '-in',
      `${name}.csr`,
      '-out',
      `${name}.pem`,
      '-notext',
      ...dates,
    ])
    return {key: fs.readFileSync(file(`${name}.key`), 'utf8'), cert: fs.readFileSync(file(`${name}.pem`), 'utf8')}
  }
  const valid = signed('valid', ['-days', '2'])
  const expired = signed('expired', ['-startdate', '20200101000000Z', '-enddate', '20200201000000Z'])
  const otherName = signed('other', ['-days', '2'], 'other')
  run([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'self.key',
    '-out',
    'self.pem',
    ...subj('127.0.0.1'),
    '-days',
    '2',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
  ])
  return {
    caFile: file('ca.pem'),
    valid,
    expired,
    otherName,
    selfSigned: {key: fs.readFileSync(file('self.key'), 'utf8'), cert: fs.readFileSync(file('self.pem'), 'utf8'), file: file('self.pem')},
  }
}
