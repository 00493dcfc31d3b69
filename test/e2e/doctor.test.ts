/**
 * `gwe-int doctor` through the built binary, against stand-in installations on 127.0.0.1
 * written from the documents (test/helpers/installation.ts): a healthy one passes with
 * every check ✓, and each way of being broken is one ✗ in words with what to do.
 */
import fs from 'node:fs'
import path from 'node:path'
import {execa} from 'execa'
import {afterEach, describe, expect, it} from 'vitest'
import * as z from 'zod'
import {CHECKS} from '../../src/core/doctor/check-ids.js'
import {BIN, gweInt, ROOT, tempDir} from '../helpers/cli.js'
import {genesysDocAnchors} from '../helpers/genesys-doc.js'
import {closedPort, type GmsOptions, makeCerts, received, type StandIn, startGms, startGwe, startProxy, startSilent} from '../helpers/installation.js'

const SCHEMA = z.fromJSONSchema(JSON.parse(fs.readFileSync(path.join(ROOT, 'schema/gwe-int-doctor.schema.json'), 'utf8')))
const GOLDEN = path.join(ROOT, 'test/golden/doctor/failing.txt')
const SERVICE = 'samples_new'

interface Check {
  id: string
  status: 'pass' | 'fail' | 'unknown'
  message: string
  fix: string | null
  diff?: string
}
interface Report {
  integrations: {name: string; media: string; checks: Check[]}[]
  proxies: string[]
  summary: {pass: number; fail: number; unknown: number}
}

const running: StandIn[] = []
const started = <T extends StandIn>(s: T): T => {
  running.push(s)
  return s
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()))
})

/** The environment without any proxy or extra CA of the machine running the tests. */
function env(extra: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !/proxy|^NODE_EXTRA_CA_CERTS$/i.test(k)) out[k] = v
  return {...out, NO_COLOR: '1', ...extra}
}

const doctor = (cwd: string, args: string[], extra: Record<string, string> = {}) => gweInt(['doctor', ...args], {cwd, env: env(extra), extendEnv: false})

async function doctorJson(cwd: string, args: string[], extra: Record<string, string> = {}) {
  const run = await doctor(cwd, [...args, '--json'], extra)
  const report = SCHEMA.parse(JSON.parse(String(run.stdout))) as Report
  return {run, report, checks: report.integrations.flatMap((i) => i.checks)}
}

function check(checks: Check[], id: string): Check {
  const found = checks.find((c) => c.id === id)
  expect(found, `no check ${id} in ${JSON.stringify(checks.map((c) => c.id))}`).toBeDefined()
  return found!
}

/** Writes the config, generates its files (as a team would), and returns the project folder. */
async function project(entries: object[]): Promise<string> {
  const cwd = tempDir('gwe-int-doctor-')
  fs.writeFileSync(path.join(cwd, 'gwe-int.config.json'), JSON.stringify({integrations: entries}, null, 2))
  const run = await gweInt(['generate', '-q'], {cwd})
  expect(run.exitCode, String(run.stderr)).toBe(0)
  return cwd
}

const read = (cwd: string, rel: string) => fs.readFileSync(path.join(cwd, rel))
const allowGwe = (gwe: StandIn): GmsOptions['cors'] => ({origin: gwe.origin, headers: 'Content-Type, gms_user'})

interface Setup {
  /** The GMS, given the GWE (whose origin its CORS answer may allow). */
  gms?: (gwe: StandIn) => GmsOptions
  /** The GMS host in the config, when not the stand-in GMS (refused, silent, proxied). */
  host?: (gms: StandIn) => string
  /** Changes what is deployed on GWE after the files were copied there. */
  deploy?: (cwd: string, files: Map<string, string | Buffer>) => void
  entry?: Record<string, unknown>
}

/**
 * A gms-callback integration whose widget GWE serves (so it calls GMS from another origin),
 * its files deployed on GWE as generated unless `deploy` changes that.
 */
async function callbackSetup(setup: Setup = {}) {
  const files = new Map<string, string | Buffer>()
  const gwe = started(await startGwe(files))
  const gms = started(await startGms(setup.gms?.(gwe) ?? {services: [SERVICE], cors: allowGwe(gwe)}))
  const cwd = await project([
    {
      name: 'callback',
      media: 'gms-callback',
      host: setup.host?.(gms) ?? gms.origin,
      service: SERVICE,
      gweUrl: gwe.origin,
      widgetUrl: `${gwe.origin}/frontend/resources/indexGPE.html`,
      ...setup.entry,
    },
  ])
  files.set('/frontend/resources/inviteGMS.html', read(cwd, 'widgets/callback/inviteGMS.html'))
  files.set('/frontend/resources/indexGPE.html', read(cwd, 'widgets/callback/indexGPE.html'))
  setup.deploy?.(cwd, files)
  return {cwd, gwe, gms}
}

describe('gwe-int doctor (built binary, stand-in installations)', () => {
  it('a healthy installation: every check ✓, exit 0, --json valid against the schema', async () => {
    const {cwd} = await callbackSetup()
    const text = await doctor(cwd, [])
    expect(text.exitCode, `${text.stdout}\n${text.stderr}`).toBe(0)
    expect(String(text.stdout)).toMatch(/^6 passed, 0 failed, 0 could not tell$/m)
    expect(String(text.stdout)).not.toMatch(/^\s+[✗?] /m)
    const {run, report, checks} = await doctorJson(cwd, [])
    expect(run.exitCode).toBe(0)
    expect(checks.map((c) => c.id).sort()).toEqual([
      'cors.gms-widget',
      'deployed.gms-widget',
      'deployed.invite',
      'gms.reachable',
      'gms.service',
      'gwe.reachable',
    ])
    expect(checks.every((c) => c.status === 'pass' && c.fix === null)).toBe(true)
    expect(report.summary).toEqual({pass: 6, fail: 0, unknown: 0})
    expect(report.proxies).toEqual([])
    // The schema lists exactly the catalogue's check ids.
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schema/gwe-int-doctor.schema.json'), 'utf8'))
    expect(schema.properties.integrations.items.properties.checks.items.properties.id.enum).toEqual(Object.keys(CHECKS))
    const anchors = genesysDocAnchors()
    for (const [id, c] of Object.entries(CHECKS)) expect(anchors.has(c.doc.replace('docs/genesys.md#', '')), `${id}: ${c.doc}`).toBe(true)
  })

  it('an unknown service, a closed office and a 5xx are each one ✗ in words, with what GMS said', async () => {
    const unknownService = await callbackSetup({entry: {service: 'no_such_service'}})
    let r = await doctorJson(unknownService.cwd, [])
    expect(r.run.exitCode).toBe(1)
    expect(check(r.checks, 'gms.service')).toMatchObject({status: 'fail', message: expect.stringContaining('no callback service named no_such_service')})
    expect(check(r.checks, 'gms.service').message).toContain('Service no_such_service not found')
    expect(check(r.checks, 'gms.service').fix).toContain('service.no_such_service')

    const closed = await callbackSetup({gms: (gwe) => ({services: [SERVICE], availability: 'closed', cors: allowGwe(gwe)})})
    r = await doctorJson(closed.cwd, [])
    expect(r.run.exitCode).toBe(1)
    expect(check(r.checks, 'gms.service')).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/office of callback service samples_new is closed.*Office is closed/),
    })
    expect(check(r.checks, 'gms.service').fix).toContain('_business_hours_service')

    const failing = await callbackSetup({gms: (gwe) => ({services: [SERVICE], availability: 503, cors: allowGwe(gwe)})})
    r = await doctorJson(failing.cwd, [])
    expect(r.run.exitCode).toBe(1)
    expect(check(r.checks, 'gms.service')).toMatchObject({status: 'fail', message: expect.stringMatching(/HTTP 503.*ORS is not available/)})
    // The other checks still pass: only the service is broken.
    expect(r.checks.filter((c) => c.status !== 'pass').map((c) => c.id)).toEqual(['gms.service'])
  })

  it('cross-origin access: no CORS header, a wrong allowed origin, gms_user not allowed; each names the origin to allow', async () => {
    const none = await callbackSetup({gms: () => ({services: [SERVICE]})})
    let r = await doctorJson(none.cwd, [])
    expect(r.run.exitCode).toBe(1)
    let c = check(r.checks, 'cors.gms-widget')
    expect(c).toMatchObject({status: 'fail', message: expect.stringContaining('no Access-Control-Allow-Origin')})
    expect(c.fix).toContain(`allow the origin ${none.gwe.origin}`)
    expect(c.fix).toContain('gms_user')

    const wrong = await callbackSetup({gms: () => ({services: [SERVICE], cors: {origin: 'https://www.acme.test', headers: 'gms_user'}})})
    r = await doctorJson(wrong.cwd, [])
    c = check(r.checks, 'cors.gms-widget')
    expect(c).toMatchObject({status: 'fail', message: expect.stringContaining(`allows the origin https://www.acme.test, not ${wrong.gwe.origin}`)})
    expect(c.fix).toContain(wrong.gwe.origin)

    const header = await callbackSetup({gms: (gwe) => ({services: [SERVICE], cors: {origin: gwe.origin, headers: 'Content-Type'}})})
    r = await doctorJson(header.cwd, [])
    c = check(r.checks, 'cors.gms-widget')
    expect(c).toMatchObject({status: 'fail', message: expect.stringContaining('not the request header gms_user')})
    // The preflight carried the page's origin, method and header.
    const preflight = received()
      .filter((q) => q.method === 'OPTIONS')
      .at(-1)!
    expect(preflight.headers).toMatchObject({origin: header.gwe.origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'gms_user'})
    expect(preflight.url).toBe(`/genesys/1/service/callback/${SERVICE}`)
  })

  it('Chat API v2 (GWE 8.5 paths): the preflight from the page GWE serves, and a wrong allowed origin', async () => {
    const files = new Map<string, string | Buffer>()
    const gwe = started(await startGwe(files))
    const gms = started(await startGms({services: [], cors: allowGwe(gwe)}))
    const cwd = await project([{name: 'chat', media: 'webapi-chat', host: gms.origin, service: 'customer-support', gweUrl: gwe.origin, gweVersion: '8.5'}])
    files.set('/server/resources/inviteWebApi.html', read(cwd, 'widgets/chat/inviteWebApi.html'))
    files.set('/server/resources/chatGPE.html', read(cwd, 'widgets/chat/chatGPE.html'))
    let r = await doctorJson(cwd, [])
    expect(r.run.exitCode, JSON.stringify(r.checks)).toBe(0)
    expect(check(r.checks, 'cors.webapi-widget')).toMatchObject({status: 'pass', message: expect.stringContaining(`served from ${gwe.origin}`)})
    expect(check(r.checks, 'deployed.webapi-widget').status).toBe('pass')
    expect(check(r.checks, 'deployed.invite').message).toContain('/server/resources/inviteWebApi.html')
    // Chat API v2 has no read-only request: ?, with the reason.
    expect(check(r.checks, 'gms.service')).toMatchObject({status: 'unknown', message: expect.stringContaining('docs/genesys.md#chat-v2')})
    const preflight = received()
      .filter((q) => q.method === 'OPTIONS')
      .at(-1)!
    expect(preflight.url).toBe('/genesys/2/chat/customer-support')
    expect(preflight.headers).toMatchObject({origin: gwe.origin, 'access-control-request-method': 'POST'})
    expect(preflight.headers['access-control-request-headers']).toBeUndefined()

    const wrong = started(await startGms({services: [], cors: {origin: 'https://www.acme.test', headers: ''}}))
    const config = path.join(cwd, 'gwe-int.config.json')
    fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace(gms.origin, wrong.origin))
    r = await doctorJson(cwd, [])
    expect(r.run.exitCode).toBe(1)
    const c = check(r.checks, 'cors.webapi-widget')
    expect(c).toMatchObject({status: 'fail', message: expect.stringContaining(`allows the origin https://www.acme.test, not ${gwe.origin}`)})
    expect(c.fix).toContain(`allow the origin ${gwe.origin}`)
  })

  it('what a server says is shown without its control characters', async () => {
    const setup = await callbackSetup({
      gms: (gwe) => ({services: [SERVICE], availability: 503, message503: 'down\u001b[2J\u001b[31m for maintenance', cors: allowGwe(gwe)}),
    })
    const run = await doctor(setup.cwd, [])
    expect(run.exitCode).toBe(1)
    expect(String(run.stdout)).not.toContain('\u001b')
    expect(String(run.stdout)).toContain('down\ufffd[2J\ufffd[31m for maintenance')
  })

  it('a stale invitation differs from the generated file (--diff shows how); a widget not deployed is a 404', async () => {
    const stale = await callbackSetup({
      deploy: (cwd, files) =>
        files.set('/frontend/resources/inviteGMS.html', read(cwd, 'widgets/callback/inviteGMS.html').toString('utf8').concat('<!-- last spring -->\n')),
    })
    const {run, checks} = await doctorJson(stale.cwd, ['--diff'])
    expect(run.exitCode).toBe(1)
    const c = check(checks, 'deployed.invite')
    expect(c).toMatchObject({status: 'fail', message: expect.stringContaining('differs from the generated file')})
    expect(c.message).toContain('edited by hand')
    expect(c.diff).toMatch(/^-<!-- last spring -->$/m)
    expect(c.fix).toContain('gwe-int generate')

    const missing = await callbackSetup({deploy: (_cwd, files) => files.delete('/frontend/resources/indexGPE.html')})
    const r = await doctorJson(missing.cwd, [])
    expect(check(r.checks, 'deployed.gms-widget')).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/indexGPE\.html is not deployed: .* HTTP 404/),
    })
    expect(check(r.checks, 'deployed.gms-widget').fix).toMatch(/copy widgets\/callback\/indexGPE\.html to/)
  })

  it('TLS: an expired and a self-signed certificate fail; NODE_EXTRA_CA_CERTS makes an internal authority trusted', async () => {
    const certs = makeCerts(tempDir('gwe-int-certs-'))
    const viaTls = (tls: {key: string; cert: string}) => callbackSetup({gms: (gwe) => ({services: [SERVICE], cors: allowGwe(gwe), tls})})

    const selfSigned = await viaTls(certs.selfSigned)
    let r = await doctorJson(selfSigned.cwd, [])
    expect(check(r.checks, 'gms.reachable')).toMatchObject({status: 'fail', message: expect.stringContaining('self-signed')})
    expect(check(r.checks, 'gms.reachable').fix).toContain('NODE_EXTRA_CA_CERTS=')
    // One ✗ for the host; what needs it is ?, not another ✗.
    expect(r.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual(['gms.reachable'])
    expect(check(r.checks, 'gms.service').status).toBe('unknown')
    r = await doctorJson(selfSigned.cwd, [], {NODE_EXTRA_CA_CERTS: certs.selfSigned.file})
    expect(r.run.exitCode, JSON.stringify(r.checks)).toBe(0)
    expect(check(r.checks, 'gms.reachable').message).toMatch(/TLS certificate of 127\.0\.0\.1 trusted, with NODE_EXTRA_CA_CERTS, valid until \d{4}-/)

    const internal = await viaTls(certs.valid)
    r = await doctorJson(internal.cwd, [])
    expect(check(r.checks, 'gms.reachable')).toMatchObject({
      status: 'fail',
      message: expect.stringContaining('certificate authority this machine does not trust'),
    })
    r = await doctorJson(internal.cwd, [], {NODE_EXTRA_CA_CERTS: certs.caFile})
    expect(r.run.exitCode, JSON.stringify(r.checks)).toBe(0)

    const expired = await viaTls(certs.expired)
    r = await doctorJson(expired.cwd, [], {NODE_EXTRA_CA_CERTS: certs.caFile})
    expect(check(r.checks, 'gms.reachable')).toMatchObject({status: 'fail', message: expect.stringContaining('has expired')})
    expect(check(r.checks, 'gms.reachable').fix).toContain('renew')

    const otherName = await viaTls(certs.otherName)
    r = await doctorJson(otherName.cwd, [], {NODE_EXTRA_CA_CERTS: certs.caFile})
    expect(check(r.checks, 'gms.reachable')).toMatchObject({status: 'fail', message: expect.stringContaining('not valid for this host name')})

    // Through a proxy (CONNECT), TLS is still checked end to end and its certificate reported.
    const proxied = await callbackSetup({
      gms: (gwe) => ({services: [SERVICE], cors: allowGwe(gwe), tls: certs.valid}),
      host: (gms) => gms.origin.replace('127.0.0.1', 'localhost'),
    })
    const proxy = started(await startProxy({}))
    r = await doctorJson(proxied.cwd, [], {NODE_EXTRA_CA_CERTS: certs.caFile, HTTPS_PROXY: proxy.origin, NO_PROXY: '127.0.0.1'})
    expect(r.run.exitCode, JSON.stringify(r.checks)).toBe(0)
    expect(check(r.checks, 'gms.reachable').message).toMatch(
      new RegExp(`TLS certificate of localhost trusted.*through the proxy ${proxy.origin.replaceAll('.', '\\.')}`),
    )
    expect(
      received()
        .filter((q) => q.server === 'proxy' && q.method === 'CONNECT')
        .at(-1)?.url,
    ).toBe(`localhost:${proxied.gms.port}`)
  })

  it('a scenario that waits for the visitor to confirm is ?, pointing at the docs table', async () => {
    const setup = await callbackSetup({entry: {scenario: 'VOICE-WAIT-USERTERM'}})
    const {run, checks} = await doctorJson(setup.cwd, [])
    expect(run.exitCode).toBe(0)
    expect(check(checks, 'gms.confirmation')).toMatchObject({status: 'unknown', fix: null, message: expect.stringContaining('_wait_for_user_confirm=true')})
    expect(check(checks, 'gms.confirmation').message).toContain('docs/genesys.md#gms-callback')
  })

  it('a refused connection and a timeout: one ✗ naming the host and the reason, the rest ?, no stack', async () => {
    const port = await closedPort()
    const refused = await callbackSetup({host: () => `http://127.0.0.1:${port}`})
    let run = await doctor(refused.cwd, [])
    expect(run.exitCode).toBe(1)
    const failed = String(run.stdout)
      .split('\n')
      .filter((l) => l.includes('✗'))
    expect(failed).toEqual([`  ✗ GMS at 127.0.0.1:${port} does not answer: 127.0.0.1:${port} refused the connection`])
    expect(String(run.stderr)).not.toMatch(/\bat .*\.c?js:\d+/)

    const silent = started(await startSilent())
    const slow = await callbackSetup({host: () => silent.origin})
    run = await doctor(slow.cwd, ['--timeout', '300ms'])
    expect(run.exitCode).toBe(1)
    const lines = String(run.stdout).split('\n')
    expect(lines.filter((l) => l.includes('✗'))).toEqual([`  ✗ GMS at 127.0.0.1:${silent.port} does not answer: no answer within 300 ms`])
    expect(lines.filter((l) => l.includes('? ') && l.includes('timed out')).length).toBeGreaterThanOrEqual(2)
  })

  it('bounded: at most two requests at a time per host, and a silent host is tried once, not once per check', async () => {
    const files = new Map<string, string | Buffer>()
    const gwe = started(await startGwe(files))
    const gms = started(await startGms({services: [SERVICE], cors: allowGwe(gwe), delayMs: 50}))
    const silent = started(await startSilent())
    const names = ['a', 'b', 'c', 'd', 'e', 'f']
    const cwd = await project([
      ...names.map((name) => ({name, media: 'gms-callback', host: gms.origin, service: SERVICE, gweUrl: gwe.origin})),
      ...names.map((name) => ({name: `down-${name}`, media: 'gms-callback', host: silent.origin, service: SERVICE, gweUrl: gwe.origin})),
    ])
    const {run, checks} = await doctorJson(cwd, ['--timeout', '500ms'])
    expect(run.exitCode).toBe(1)
    expect(gms.maxInFlight()).toBeGreaterThan(0)
    expect(gms.maxInFlight()).toBeLessThanOrEqual(2)
    expect(silent.connections()).toBeLessThanOrEqual(2)
    // Every integration on the silent host says so in its own reachability line.
    expect(checks.filter((c) => c.id === 'gms.reachable' && c.status === 'fail')).toHaveLength(names.length)
  })

  it('a GMS only a proxy reaches: HTTP_PROXY is used and reported; without it, the name does not resolve', async () => {
    const setup = await callbackSetup({
      host: (gms) => `http://gms.proxied.test:${gms.port}`,
    })
    const proxy = started(await startProxy({'gms.proxied.test': setup.gms.port}))
    const before = received().filter((q) => q.server === 'proxy').length
    const {run, report, checks} = await doctorJson(setup.cwd, [], {HTTP_PROXY: proxy.origin, NO_PROXY: '127.0.0.1'})
    expect(run.exitCode, JSON.stringify(checks)).toBe(0)
    expect(report.proxies).toEqual([proxy.origin])
    expect(check(checks, 'gms.reachable').message).toContain(`through the proxy ${proxy.origin}`)
    const viaProxy = received()
      .slice(0)
      .filter((q) => q.server === 'proxy')
      .slice(before)
    expect(viaProxy.length).toBeGreaterThan(0)
    expect(viaProxy.every((q) => q.url.startsWith('http://gms.proxied.test:'))).toBe(true)
    const text = await doctor(setup.cwd, [], {HTTP_PROXY: proxy.origin, NO_PROXY: '127.0.0.1'})
    expect(String(text.stdout)).toContain(`proxy: ${proxy.origin}`)
    // A proxy URL with credentials is reported without them.
    const secret = await doctor(setup.cwd, ['--json'], {HTTP_PROXY: proxy.origin.replace('http://', 'http://alice:s3cret@'), NO_PROXY: '127.0.0.1'})
    expect(secret.exitCode).toBe(0)
    expect(`${secret.stdout}${secret.stderr}`).not.toContain('s3cret')
    expect(JSON.parse(String(secret.stdout)).proxies).toEqual([proxy.origin])
    const direct = await doctorJson(setup.cwd, [])
    expect(check(direct.checks, 'gms.reachable')).toMatchObject({status: 'fail', message: expect.stringContaining('does not resolve')})
  })

  it('--strict: what generate warns about (a placeholder host) becomes ✗', async () => {
    const setup = await callbackSetup()
    const config = path.join(setup.cwd, 'gwe-int.config.json')
    const json = JSON.parse(fs.readFileSync(config, 'utf8'))
    json.integrations.push({name: 'placeholder', media: 'gwe-chat', gweUrl: setup.gwe.origin})
    fs.writeFileSync(config, JSON.stringify(json))
    expect((await gweInt(['generate', '-q'], {cwd: setup.cwd})).exitCode).toBe(0)
    const loose = await doctorJson(setup.cwd, ['--integration', 'callback'])
    expect(loose.run.exitCode).toBe(0)
    const strict = await doctorJson(setup.cwd, ['--integration', 'placeholder', '--strict'])
    expect(strict.run.exitCode).toBe(1)
    expect(strict.report.integrations.map((i) => i.name)).toEqual(['placeholder'])
    expect(check(strict.checks, 'strict.warning').message).toContain('NOT FOR PRODUCTION')
  })

  it('bad input exits 2 with one line: --timeout, --integration, --gwe-url', async () => {
    const setup = await callbackSetup()
    for (const [args, words] of [
      [['--timeout', 'soon'], '--timeout soon'],
      [['--integration', 'nope'], '--integration: no integration named nope'],
      [['--gwe-url', 'ftp://x'], '--gwe-url ftp://x'],
    ] as const) {
      const run = await doctor(setup.cwd, [...args])
      expect(run.exitCode, String(run.stderr)).toBe(2)
      expect(String(run.stderr)).toContain(words)
      expect(String(run.stdout)).toBe('')
    }
  })

  it('the text of a failing run (golden file, ports normalised)', async () => {
    const setup = await callbackSetup({
      gms: () => ({services: [SERVICE], availability: 'closed'}),
      deploy: (cwd, files) =>
        files.set('/frontend/resources/inviteGMS.html', read(cwd, 'widgets/callback/inviteGMS.html').toString('utf8').concat('<!-- last spring -->\n')),
    })
    // Without --diff: the diff's lines follow the templates, which the stale test covers.
    const run = await doctor(setup.cwd, [])
    expect(run.exitCode).toBe(1)
    const text = `${String(run.stdout).replaceAll(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT')}\n`
    if (process.env.UPDATE_GOLDEN === '1') fs.mkdirSync(path.dirname(GOLDEN), {recursive: true})
    if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(GOLDEN, text)
    expect(text).toBe(fs.readFileSync(GOLDEN, 'utf8'))
  })

  it('a running preview is a healthy installation: doctor --preview passes', async () => {
    const cwd = await project([
      {name: 'callback', media: 'gms-callback', host: 'https://gms.acme.test', gweUrl: 'https://gwe.acme.test'},
      {name: 'chat', media: 'webapi-chat', host: 'https://gms.acme.test', gweUrl: 'https://gwe.acme.test'},
    ])
    const preview = execa('node', [BIN, 'preview', '--port', '0'], {cwd, env: env(), extendEnv: false, stdin: 'ignore'})
    try {
      const url = await new Promise<string>((resolve, reject) => {
        preview.stdout!.on('data', (chunk: Buffer) => {
          const m = /gwe-int preview: (http:\/\/\S+)/.exec(chunk.toString())
          if (m) resolve(m[1])
        })
        preview.catch(reject)
      })
      const {run, checks} = await doctorJson(cwd, ['--preview', url])
      expect(run.exitCode, JSON.stringify(checks)).toBe(0)
      expect(checks.filter((c) => c.status === 'fail')).toEqual([])
      // Chat API v2 has no read-only request: the one check it cannot tell.
      expect(checks.filter((c) => c.status === 'unknown').map((c) => c.id)).toEqual(['gms.service'])
    } finally {
      preview.kill('SIGTERM')
      await preview.catch(() => {})
    }
  })

  // Last: every request the stand-ins received in this file, from every run above.
  it('sends only GET, HEAD and OPTIONS to the servers it checks (CONNECT only to the proxy)', () => {
    const log = received()
    expect(log.length).toBeGreaterThan(50)
    const methods = new Set(log.filter((q) => q.server !== 'proxy').map((q) => q.method))
    expect([...methods].filter((m) => !['GET', 'HEAD', 'OPTIONS'].includes(m))).toEqual([])
    const proxied = new Set(log.filter((q) => q.server === 'proxy').map((q) => q.method))
    expect([...proxied].filter((m) => !['GET', 'HEAD', 'OPTIONS', 'CONNECT'].includes(m))).toEqual([])
    // No request to a checked server carried credentials.
    expect(log.filter((q) => q.server !== 'proxy' && (q.headers.authorization !== undefined || q.headers.cookie !== undefined))).toEqual([])
  })
})
