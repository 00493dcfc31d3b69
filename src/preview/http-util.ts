/**
 * Small node:http helpers for the preview server: bounded body reading, form /
 * multipart / JSON parameter parsing, and responses that are never cached.
 */
import type {IncomingMessage, ServerResponse} from 'node:http'

/** Widgets send a few form fields; anything larger is refused. */
export const MAX_BODY_BYTES = 1024 * 1024

export class BodyTooLarge extends Error {}

/**
 * The request body, up to `limit` bytes. A larger one rejects with BodyTooLarge (the
 * server answers 413) as soon as its Content-Length or its bytes say so; the rest is
 * read and dropped rather than the connection reset, so the client gets the 413.
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => new BodyTooLarge(`request body larger than ${limit} bytes; the preview's stand-ins take at most ${limit / 1024 / 1024} MiB`)
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      req.resume()
      return reject(tooLarge())
    }
    // Copied as it arrives into one buffer of the announced size (the usual case), rather
    // than kept in chunks and concatenated: under 50 concurrent 1 MB posts that halves
    // what the bodies in flight hold.
    const announced = Number(req.headers['content-length'] ?? Number.NaN)
    let whole: Buffer | undefined = Number.isSafeInteger(announced) && announced >= 0 ? Buffer.allocUnsafe(announced) : undefined
    let chunks: Buffer[] | undefined = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      if (!chunks) return
      if (whole && size + chunk.length <= whole.length) chunk.copy(whole, size)
      else if (whole) {
        // More than announced (Node's parser does not allow it; kept correct anyway).
        chunks.push(whole.subarray(0, size))
        whole = undefined
        chunks.push(chunk)
      } else chunks.push(chunk)
      size += chunk.length
      if (size > limit) {
        chunks = undefined
        whole = undefined
        return reject(tooLarge())
      }
    })
    req.on('end', () => chunks && resolve(whole ? whole.subarray(0, size) : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/** JSON text of a parsed value; JSON nested too deep for the stack gets a placeholder instead of a 500. */
function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value)
  } catch {
    return '"[nested too deep to show]"'
  }
}

export interface ParsedBody {
  params: Record<string, string>
  json?: unknown
}

/**
 * Form fields as strings (GMS takes x-www-form-urlencoded or multipart, Chat API v2
 * too). A repeated key keeps its last value; a file field records its
 * file name. JSON bodies (the notify call) come back as `json`.
 */
export async function parseBody(body: Buffer, contentType: string | undefined): Promise<ParsedBody> {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase()
  if (body.length === 0) return {params: {}}
  if (type === 'application/json') {
    const json: unknown = JSON.parse(body.toString('utf8'))
    const params: Record<string, string> = {}
    if (json && typeof json === 'object' && !Array.isArray(json)) {
      for (const [k, v] of Object.entries(json)) params[k] = typeof v === 'string' ? v : jsonText(v)
    }
    return {params, json}
  }
  if (type === 'multipart/form-data') {
    // undici's Response parses multipart the way browsers build it.
    const form = await new Response(new Uint8Array(body), {headers: {'content-type': contentType!}}).formData()
    const params: Record<string, string> = {}
    form.forEach((v, k) => {
      params[k] = typeof v === 'string' ? v : `[file ${(v as File).name}]`
    })
    return {params}
  }
  return {params: Object.fromEntries(new URLSearchParams(body.toString('utf8')))}
}

export function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v
  return out
}

const COMMON = {'cache-control': 'no-store', 'x-content-type-options': 'nosniff'}

export function send(res: ServerResponse, status: number, body: string, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {...COMMON, 'content-type': type, 'content-length': String(Buffer.byteLength(body)), ...extra})
  res.end(body)
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, `${JSON.stringify(value, null, 2)}\n`, 'application/json; charset=utf-8')
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  send(res, status, html, 'text/html; charset=utf-8')
}

export function sendText(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  send(res, status, text.endsWith('\n') ? text : `${text}\n`, 'text/plain; charset=utf-8', extra)
}

export function contentTypeOf(file: string): string {
  if (file.endsWith('.html')) return 'text/html; charset=utf-8'
  if (file.endsWith('.js')) return 'text/javascript; charset=utf-8'
  return 'text/plain; charset=utf-8'
}
