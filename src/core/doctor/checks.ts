/**
 * The checks of one integration, each where it applies to the medium (the lists "What to
 * check on your installation" of docs/genesys.md). Every request is read-only (probe.ts);
 * a host that does not answer gives one ✗ (its reachability check) and the checks that
 * need it become ?.
 */
import path from 'node:path'
import {GMS_SAMPLE_PATH} from '../../catalog/inputs.js'
import type {ArtifactId} from '../../catalog/media.js'
import {integrationWarnings} from '../advice.js'
import {compareDeployed, shortDiff} from './compare.js'
import {type Check, fail, pass, unknown} from './model.js'
import {isTlsCode, type ProbeResult} from './probe.js'
import type {Prober} from './prober.js'
import type {DoctorTarget, GeneratedFile} from './target.js'

export interface CheckOptions {
  cwd: string
  /** --gwe-url: where the GWE server is, over the config's gweUrl. */
  gweUrl?: string
  strict: boolean
  diff: boolean
}

type Down = Extract<ProbeResult, {kind: 'down'}>
type Answer = Extract<ProbeResult, {kind: 'answer'}>

const DOCS = 'docs/genesys.md'
/** The gms_user value doctor sends where a widget sends one (a visitor's id there). */
export const DOCTOR_GMS_USER = 'gwe-int-doctor'

export async function checkIntegration(t: DoctorTarget, prober: Prober, opts: CheckOptions): Promise<Check[]> {
  const i = t.integration
  const gwe = gweBase(t, opts)
  const gmsHost = i.medium.host?.kind === 'base-url' ? i.host : undefined
  // Reachability first: a host that does not answer is then known to the other checks.
  const first = await Promise.all([
    gmsHost ? reachable('gms.reachable', 'GMS', `${gmsHost}/genesys/`, prober) : undefined,
    i.medium.host?.kind === 'full-url' && i.host ? reachable('vendor.reachable', 'the vendor', i.host, prober) : undefined,
    gwe ? reachable('gwe.reachable', 'GWE', `${gwe}/`, prober) : unknown('gwe.reachable', 'GWE not checked: the config has no gweUrl; give --gwe-url'),
  ])
  const rest = await Promise.all([
    gmsHost ? service(t, gmsHost, prober) : undefined,
    gmsHost ? confirmation(t) : undefined,
    ...(['gms-widget', 'webapi-widget'] as const)
      .filter((a) => i.medium.artifacts.includes(a))
      .map((a) => (gmsHost ? cors(t, a, gmsHost, gwe, prober) : undefined)),
    ...t.files.filter((f) => isDeployable(f.artifact)).map((f) => deployed(t, f, gwe, prober, opts)),
  ])
  const strict = opts.strict
    ? integrationWarnings(i).map((w) =>
        fail(
          'strict.warning',
          w.message.slice(i.name.length + 2),
          '--strict refuses what "gwe-int generate" warns about: change the config, or run without --strict',
        ),
      )
    : []
  return [...first, ...rest, ...strict].filter((c): c is Check => c !== undefined)
}

/** The GWE server's base URL: --gwe-url, else the config's. */
function gweBase(t: DoctorTarget, opts: CheckOptions): string | undefined {
  return (opts.gweUrl ?? t.integration.gweUrl)?.replace(/\/+$/, '')
}

const isDeployable = (a: ArtifactId) => a === 'invite' || a === 'gms-widget' || a === 'webapi-widget'

const hostOf = (url: string) => new URL(url).host

// ---------------------------------------------------------------- reachability

async function reachable(id: 'gms.reachable' | 'gwe.reachable' | 'vendor.reachable', what: string, url: string, prober: Prober): Promise<Check> {
  const result = await prober.request({method: 'GET', url})
  const host = hostOf(url)
  if (result.kind === 'down') return fail(id, `${what} at ${host} does not answer: ${result.reason}${via(result)}`, fixForDown(result, host))
  const {pathname} = new URL(url)
  if (result.status >= 500)
    return fail(
      id,
      `${what} at ${host} answers HTTP ${result.status} for GET ${pathname}${said(result)}`,
      `the server answered but ${what} behind it failed: look at ${what}'s log and the load balancer or proxy in front of it`,
    )
  return pass(id, `${what} answers at ${host} (HTTP ${result.status} for GET ${pathname}${tlsWords(result)})${via(result)}`)
}

function tlsWords(a: Answer): string {
  if (!a.tls) return ''
  const extra = process.env.NODE_EXTRA_CA_CERTS ? ', with NODE_EXTRA_CA_CERTS' : ''
  return `; TLS certificate${a.tls.subject ? ` of ${a.tls.subject}` : ''} trusted${extra}${a.tls.validTo ? `, valid until ${a.tls.validTo}` : ''}`
}

const via = (r: ProbeResult) => (r.proxy ? ` (through the proxy ${r.proxy})` : '')

function fixForDown(d: Down, host: string): string {
  const name = host.replace(/:\d+$/, '')
  switch (d.code) {
    case 'CERT_HAS_EXPIRED':
    case 'CERT_NOT_YET_VALID':
      return `renew the TLS certificate of ${host}`
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `use the host name the certificate was issued for, or have a certificate issued for ${name}`
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'UNABLE_TO_GET_ISSUER_CERT': {
      const extra = process.env.NODE_EXTRA_CA_CERTS
      return extra
        ? `NODE_EXTRA_CA_CERTS=${extra} does not hold the authority that issued the certificate of ${host}: add it there (visitors' browsers must trust it as well)`
        : `if ${host} uses your own certificate authority, name its certificate: NODE_EXTRA_CA_CERTS=/path/to/ca.pem gwe-int doctor (visitors' browsers must trust it as well)`
    }
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `check the host name ${name}; if only a proxy reaches it, set HTTPS_PROXY (or HTTP_PROXY)`
    case 'ECONNREFUSED':
      return `start the server, or correct the host and port (${host}); a firewall may be refusing this machine`
    case 'ETIMEDOUT':
      return `check that ${host} is up and that this machine may reach it (firewall, HTTPS_PROXY), or give more time with --timeout`
    default:
      return isTlsCode(d.code) ? `check the TLS set-up of ${host}` : `check that ${host} is up and reachable from this machine`
  }
}

/** `: "what the server said"` from a JSON error (message, exception, error) or the text, one short line. */
function said(a: Answer): string {
  const text = gmsSaid(a)
  return text ? `: "${text}"` : ''
}

function gmsSaid(a: Answer): string {
  const text = a.body.toString('utf8')
  let words = text
  const json = parseJson(text)
  if (json && typeof json === 'object') {
    const o = json as Record<string, unknown>
    words = [o.message, o.exception, o.error].filter((v) => typeof v === 'string' && v).join(' / ') || text
  } else if (/^\s*</.test(text)) words = text.replace(/<[^>]*>/g, ' ')
  words = words.replace(/\s+/g, ' ').trim()
  return words.length > 200 ? `${words.slice(0, 200)}…` : words
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

const notCheckedBecause = (d: Down) => `not checked: its host did not answer (${d.code === 'ETIMEDOUT' ? 'timed out' : 'see above'})`

// ---------------------------------------------------------------- the GMS service

async function service(t: DoctorTarget, host: string, prober: Prober): Promise<Check> {
  const i = t.integration
  const id = 'gms.service'
  const s = i.service ?? ''
  if (i.medium.artifacts.includes('webapi-widget'))
    return unknown(
      id,
      `Chat API v2 service ${s} not checked: every Chat API v2 request starts or changes a chat (${DOCS}#chat-v2), and doctor sends none; a test chat shows whether it exists`,
    )
  const endpoint = i.scenario?.endpoint
  if (endpoint !== 'callback')
    return unknown(
      id,
      `the built-in ${endpoint} service not checked: GMS documents no read-only request for it (${DOCS}#${endpoint}); a test from the widget shows whether it answers`,
    )
  const url = `${host}/genesys/1/service/callback/${encodeURIComponent(s)}/availability?start=${encodeURIComponent(new Date().toISOString())}&number-of-days=1`
  const result = await prober.request({method: 'GET', url, headers: {gms_user: DOCTOR_GMS_USER}})
  if (result.kind === 'down') return unknown(id, `callback service ${s} ${notCheckedBecause(result)}`)
  const what = said(result)
  const json = parseJson(result.body.toString('utf8')) as Record<string, unknown> | undefined
  const exception = typeof json?.exception === 'string' ? json.exception : ''
  if (result.status === 200 && json && typeof json === 'object' && !Array.isArray(json)) {
    const free = Object.values(json).filter((v) => typeof v === 'number' && v > 0).length
    return pass(id, `callback service ${s} answers its availability query (${free} time${free === 1 ? '' : 's'} with free slots from now on)`)
  }
  if (/CallbackExceptionAvailability$/.test(exception))
    return fail(
      id,
      `GMS says the office of callback service ${s} is closed now${what}`,
      `check the office hours of service ${s} (its _business_hours_service, ${DOCS}#availability): while they are closed, visitors get no callback`,
    )
  if (result.status === 404 || /not (found|exist)|unknown|no such|does not exist/i.test(gmsSaid(result)))
    return fail(
      id,
      `GMS has no callback service named ${s} (HTTP ${result.status} for GET …/callback/${s}/availability${what})`,
      `create the service ${s} in GMS's configuration (section service.${s}), or correct "service" of this integration and run "gwe-int generate"`,
    )
  if (result.status >= 500)
    return fail(
      id,
      `GMS failed on the availability query of callback service ${s} (HTTP ${result.status}${what})`,
      `look at the GMS log for GET …/callback/${s}/availability`,
    )
  return unknown(
    id,
    `callback service ${s}: its availability query answered HTTP ${result.status}${what}; that does not tell whether the service exists (${DOCS}#availability)`,
  )
}

function confirmation(t: DoctorTarget): Check | undefined {
  const sc = t.integration.scenario
  if (sc?.params._wait_for_user_confirm !== 'true') return undefined
  return unknown(
    'gms.confirmation',
    `${sc.id} sends _wait_for_user_confirm=true: GMS then waits for the visitor's device to confirm, and no read-only request shows how service ${t.integration.service} is set up for it; check it against the table in ${DOCS}#gms-callback`,
  )
}

// ---------------------------------------------------------------- cross-origin access

/** Where a generated page is served: absolute URL, or undefined when that needs --gwe-url. */
function servedAt(t: DoctorTarget, artifact: ArtifactId, gwe: string | undefined): string | undefined {
  const i = t.integration
  if (artifact === 'invite') return gwe ? `${gwe}${i.gwePrefix}/resources/${i.inviteName}` : undefined
  const url = i.widgetUrl
  if (!url) return undefined
  if (/^https?:\/\//i.test(url)) {
    // A widget URL derived from the config's gweUrl follows --gwe-url.
    if (i.gweUrl && gwe && gwe !== i.gweUrl && url.startsWith(`${i.gweUrl}/`)) return `${gwe}${url.slice(i.gweUrl.length)}`
    return url
  }
  return gwe && url.startsWith('/') ? `${gwe}${url}` : undefined
}

async function cors(t: DoctorTarget, artifact: 'gms-widget' | 'webapi-widget', host: string, gwe: string | undefined, prober: Prober): Promise<Check> {
  const i = t.integration
  const id = `cors.${artifact}` as const
  const name = i.widgetName ?? ''
  const page = servedAt(t, artifact, gwe)
  if (!page) return unknown(id, `cross-origin access of ${name} not checked: where it is served is not known; give --gwe-url`)
  const origin = new URL(page).origin
  if (origin === new URL(host).origin) return pass(id, `${name} is served from GMS's own origin (${origin}): no cross-origin access needed`)
  const endpoint = artifact === 'webapi-widget' ? `2/chat/${encodeURIComponent(i.service ?? '')}` : `1/service/${serviceEndpoint(t)}`
  const url = `${host}/genesys/${endpoint}`
  const needsHeader = artifact === 'gms-widget'
  const headers: Record<string, string> = {origin, 'access-control-request-method': 'POST'}
  if (needsHeader) headers['access-control-request-headers'] = 'gms_user'
  const result = await prober.request({method: 'OPTIONS', url, headers})
  if (result.kind === 'down') return unknown(id, `cross-origin access of ${name} ${notCheckedBecause(result)}`)
  const allowFix = `allow the origin ${origin} in GMS's cross-origin (CORS) settings${needsHeader ? ', with the request header gms_user' : ''}, or serve ${name} from GMS's own origin`
  const path = new URL(url).pathname
  const allowed = headerValue(result, 'access-control-allow-origin')
  if (result.status < 200 || result.status > 299)
    return fail(
      id,
      `GMS answered the cross-origin preflight (OPTIONS ${path} from ${origin}) with HTTP ${result.status}; browsers then refuse ${name}'s requests`,
      allowFix,
    )
  if (!allowed)
    return fail(id, `GMS does not allow ${name}, served from ${origin}, to call it: no Access-Control-Allow-Origin in its answer to OPTIONS ${path}`, allowFix)
  if (allowed !== '*' && allowed !== origin)
    return fail(id, `GMS allows the origin ${allowed}, not ${origin} where ${name} is served (OPTIONS ${path})`, allowFix)
  if (needsHeader) {
    const listed = (headerValue(result, 'access-control-allow-headers') ?? '').split(',').map((h) => h.trim().toLowerCase())
    if (!listed.includes('gms_user') && !listed.includes('*'))
      return fail(
        id,
        `GMS allows ${origin} but not the request header gms_user that ${name} sends on every request (Access-Control-Allow-Headers: ${headerValue(result, 'access-control-allow-headers') ?? 'none'})`,
        `add gms_user to the allowed headers of GMS's cross-origin (CORS) settings for ${origin}`,
      )
  }
  return pass(id, `GMS allows ${name}, served from ${origin}, to POST to ${path}${needsHeader ? ' with gms_user' : ''} (preflight answered)`)
}

function serviceEndpoint(t: DoctorTarget): string {
  const endpoint = t.integration.scenario?.endpoint ?? 'callback'
  return endpoint === 'callback' ? `callback/${encodeURIComponent(t.integration.service ?? '')}` : endpoint
}

function headerValue(a: Answer, name: string): string | undefined {
  const v = a.headers[name]
  return Array.isArray(v) ? v.join(', ') : v
}

// ---------------------------------------------------------------- deployed == generated

const WHERE: Record<string, string> = {
  invite: "the GWE server's resources folder",
  'gms-widget': 'GMS',
  'webapi-widget': 'where the invitation opens it',
}

async function deployed(t: DoctorTarget, file: GeneratedFile, gwe: string | undefined, prober: Prober, opts: CheckOptions): Promise<Check> {
  const id = `deployed.${file.artifact as 'invite' | 'gms-widget' | 'webapi-widget'}` as const
  const name = path.basename(file.path)
  const rel = path.relative(opts.cwd, file.path) || name
  const url = servedAt(t, file.artifact, gwe)
  if (!url) return unknown(id, `${name} not checked: where it is served is not known; give --gwe-url`)
  const result = await prober.request({method: 'GET', url})
  if (result.kind === 'down') return unknown(id, `${name} at ${url} ${notCheckedBecause(result)}`)
  const place =
    file.artifact === 'gms-widget' && new URL(url).pathname.endsWith(`${GMS_SAMPLE_PATH}${name}`)
      ? `GMS's sample folder (next to index.html, served as ${GMS_SAMPLE_PATH})`
      : WHERE[file.artifact]
  const copy = `copy ${rel} to ${place}, so that ${url} serves it`
  if (result.status === 404 || result.status === 410) return fail(id, `${name} is not deployed: ${url} answers HTTP ${result.status}`, copy)
  if (result.status !== 200) {
    const location = headerValue(result, 'location')
    return fail(id, `${url} answers HTTP ${result.status}${location ? ` (to ${location})` : ''} instead of ${name}`, copy)
  }
  const compared = compareDeployed(result.body, file.content)
  if (compared.same) return pass(id, `${name} at ${url} is the generated file, byte for byte`)
  const check = fail(
    id,
    `${name} at ${url} differs from the generated file (the deployed one is ${compared.what})`,
    `run "gwe-int generate" and copy ${rel} to ${place} again${compared.what.includes('edited') ? '; edits made on the server are lost unless they go into the config or your templates' : ''}`,
  )
  if (opts.diff) check.diff = shortDiff(name, result.body, file.content)
  return check
}
