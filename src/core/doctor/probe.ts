/**
 * One read-only HTTP request of `doctor`: GET, HEAD or OPTIONS only, with a timeout, the
 * proxy the environment names (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, read as npm and curl read
 * them, by proxy-from-env) and what TLS said about the server's certificate. A request
 * never throws: a failure to connect comes back as `down` with the reason in words.
 */
import http from 'node:http'
import https from 'node:https'
import type {TLSSocket} from 'node:tls'
import {HttpProxyAgent} from 'http-proxy-agent'
import {HttpsProxyAgent} from 'https-proxy-agent'
import {getProxyForUrl} from 'proxy-from-env'

/** The only methods doctor sends: it never changes anything on the servers it checks. */
export const READ_ONLY_METHODS = ['GET', 'HEAD', 'OPTIONS'] as const
export type ReadOnlyMethod = (typeof READ_ONLY_METHODS)[number]

/** Answers larger than this are cut (a deployed file is compared up to here). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024

export interface ProbeRequest {
  method: ReadOnlyMethod
  url: string
  headers?: Record<string, string>
}

export interface TlsInfo {
  /** The certificate's subject common name, as the server presented it. */
  subject?: string
  validTo?: string
}

export type ProbeResult =
  | {kind: 'answer'; status: number; headers: http.IncomingHttpHeaders; body: Buffer; truncated: boolean; tls?: TlsInfo; proxy?: string}
  | {kind: 'down'; reason: string; code?: string; proxy?: string}

export interface ProbeOptions {
  timeoutMs: number
}

/** The proxy a request to `url` goes through (credentials removed, for reports), or undefined. */
export function proxyFor(url: string): string | undefined {
  const proxy = getProxyForUrl(url)
  return proxy ? withoutCredentials(proxy) : undefined
}

export function withoutCredentials(url: string): string {
  try {
    const u = new URL(url)
    u.username = ''
    u.password = ''
    return u.toString().replace(/\/$/, '')
  } catch {
    return '(a proxy URL that does not parse)'
  }
}

export function probe(request: ProbeRequest, opts: ProbeOptions): Promise<ProbeResult> {
  // Checked at run time too: the method list is the promise --help makes.
  if (!READ_ONLY_METHODS.includes(request.method)) throw new Error(`doctor sends only ${READ_ONLY_METHODS.join(', ')}, not ${request.method}`)
  const target = new URL(request.url)
  const proxyUrl = getProxyForUrl(request.url) || undefined
  const proxy = proxyUrl ? withoutCredentials(proxyUrl) : undefined
  const secure = target.protocol === 'https:'
  const agent = proxyUrl ? (secure ? new HttpsProxyAgent(proxyUrl) : new HttpProxyAgent(proxyUrl)) : undefined
  return new Promise((resolve) => {
    let settled = false
    const done = (result: ProbeResult) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      agent?.destroy()
      resolve(result)
    }
    const req = (secure ? https : http).request(
      target,
      {method: request.method, headers: {'user-agent': 'gwe-int-doctor', ...request.headers}, agent: agent ?? false},
      (res) => {
        const chunks: Buffer[] = []
        let size = 0
        let truncated = false
        const socket = res.socket as TLSSocket | null
        const tls = secure && socket && typeof socket.getPeerCertificate === 'function' ? tlsInfo(socket) : undefined
        res.on('data', (chunk: Buffer) => {
          if (truncated) return
          size += chunk.length
          if (size > MAX_BODY_BYTES) {
            truncated = true
            chunks.push(chunk.subarray(0, chunk.length - (size - MAX_BODY_BYTES)))
            res.destroy()
            done({kind: 'answer', status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), truncated, tls, proxy})
            return
          }
          chunks.push(chunk)
        })
        res.on('end', () => done({kind: 'answer', status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), truncated, tls, proxy}))
        res.on('error', (error) => done(down(error, target, proxy, opts)))
      },
    )
    const timer = setTimeout(() => {
      done({kind: 'down', code: 'ETIMEDOUT', reason: `no answer within ${seconds(opts.timeoutMs)}`, proxy})
      req.destroy()
    }, opts.timeoutMs)
    req.on('error', (error) => done(down(error, target, proxy, opts)))
    req.end()
  })
}

function tlsInfo(socket: TLSSocket): TlsInfo | undefined {
  const cert = socket.getPeerCertificate()
  if (!cert || Object.keys(cert).length === 0) return undefined
  const cn = cert.subject?.CN
  return {subject: Array.isArray(cn) ? cn.join(', ') : cn, validTo: cert.valid_to ? new Date(cert.valid_to).toISOString().slice(0, 10) : undefined}
}

const seconds = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`)

/** TLS verification failures by OpenSSL's code, in words. */
const TLS_REASONS: Record<string, string> = {
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  CERT_NOT_YET_VALID: 'its TLS certificate is not valid yet',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed, so nothing vouches for it',
  SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate chain ends in a certificate authority this machine does not trust',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate was issued by a certificate authority this machine does not trust',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its TLS certificate was issued by a certificate authority this machine does not trust',
  UNABLE_TO_GET_ISSUER_CERT: 'the issuer of its TLS certificate is unknown',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is not valid for this host name',
  CERT_REVOKED: 'its TLS certificate was revoked',
}

export const isTlsCode = (code: string | undefined) => code !== undefined && (code in TLS_REASONS || /^ERR_SSL_|^ERR_TLS_/.test(code))

function down(error: Error, target: URL, proxy: string | undefined, opts: ProbeOptions): ProbeResult {
  const code = (error as NodeJS.ErrnoException).code
  const where = `${target.hostname}${target.port ? `:${target.port}` : ''}`
  let reason: string
  if (code && TLS_REASONS[code]) reason = TLS_REASONS[code]
  else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') reason = `the name ${target.hostname} does not resolve (DNS)`
  else if (code === 'ECONNREFUSED') reason = `${where} refused the connection`
  else if (code === 'ECONNRESET') reason = `${where} closed the connection`
  else if (code === 'ETIMEDOUT') reason = `no answer within ${seconds(opts.timeoutMs)}`
  else if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') reason = `${where} cannot be reached from here`
  else if (code?.startsWith('ERR_SSL_') || code?.startsWith('ERR_TLS_')) reason = `TLS failed (${error.message})`
  else if (/proxy|CONNECT/i.test(error.message)) reason = `the proxy refused it (${error.message})`
  else reason = error.message || code || 'the request failed'
  return {kind: 'down', reason, code, proxy}
}
