/**
 * Field validators shared by flags, prompts and the config schema. Each returns
 * an error text (what is allowed) or undefined. Rejected values are never altered
 * into accepted ones; normalization (trailing slash, default scheme) happens only
 * on values that pass.
 */

/** GMS services are option sections `service.<name>`; keep to safe section-name characters. */
export const SERVICE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i
const JS_PATH = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const INTEGRATION_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/

/**
 * Characters that must never reach a terminal, a file name or a generated file from the
 * config or the flags: C0 and C1 controls and DEL (`\u001b[2J` clears a terminal), the
 * line and paragraph separators, and the bidirectional controls (U+202E shows a name
 * reversed, so `txt.exe` reads as something else).
 */
const UNSAFE_CHAR = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/

/** `contains U+001B at position 2` (counted from 1), or undefined for a safe string. */
export function unsafeCharIn(value: string): string | undefined {
  const m = UNSAFE_CHAR.exec(value)
  if (!m) return undefined
  return `contains U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} at position ${m.index + 1}`
}

/** The first key or string value of `data` holding an unsafe character: its path and the message. */
export function findUnsafeChar(data: unknown, at: (string | number)[] = []): {path: (string | number)[]; message: string} | undefined {
  if (typeof data === 'string') {
    const message = unsafeCharIn(data)
    return message ? {path: at, message} : undefined
  }
  if (data === null || typeof data !== 'object') return undefined
  if (Array.isArray(data)) {
    for (let k = 0; k < data.length; k += 1) {
      const found = findUnsafeChar(data[k], [...at, k])
      if (found) return found
    }
    return undefined
  }
  for (const [key, value] of Object.entries(data)) {
    const inKey = unsafeCharIn(key)
    if (inKey) return {path: at, message: `a key ${inKey}`}
    const found = findUnsafeChar(value, [...at, key])
    if (found) return found
  }
  return undefined
}

/** `integrations[2].out`, as zod issues are printed (formatIssues). */
export const pathText = (at: readonly (string | number)[]): string =>
  at.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${key}` : key), '') || '(root)'

/**
 * A relative path the config names (out, templates, sources): no unsafe character, and
 * no segment that Windows reserves for a device (`widgets/aux`), so a project checked out
 * on Windows works.
 */
export function checkRelPath(value: string): string | undefined {
  if (value === '') return 'must not be empty'
  const unsafe = unsafeCharIn(value)
  if (unsafe) return unsafe
  const reserved = value.split(/[\\/]/).find((segment) => RESERVED.test(segment))
  if (reserved) return `names "${reserved}", a device name Windows reserves (con, prn, aux, nul, com1-9, lpt1-9); choose another name`
  return undefined
}

export function checkHttpUrl(value: string, opts: {allowQuery?: boolean; example?: string} = {}): string | undefined {
  const unsafe = unsafeCharIn(value)
  if (unsafe) return unsafe
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return `must be an http(s) URL such as ${opts.example ?? 'https://gms.example.com:8443'}`
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `must use http or https, not ${url.protocol.replace(':', '')}`
  if (!url.hostname) return 'must name a host'
  if (url.username || url.password) return 'must not contain credentials'
  // A bare "?" or "#" leaves url.search/hash empty but would still break `${base}/genesys/...`.
  if (!opts.allowQuery && /[?#]/.test(value)) return 'must not contain a query or fragment'
  if (/[\s"'<>\\`]/.test(value)) return 'must not contain spaces, quotes, backslashes or angle brackets'
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode text (it holds a lone surrogate)'
  return undefined
}

/**
 * A base URL: `https://host[:port][/path]`, or `host[:port]` which becomes
 * `https://host[:port]` (never a hard-coded http://). No trailing slash.
 */
export function normalizeBaseUrl(value: string): {value?: string; error?: string} {
  const raw = value.trim()
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : /^[A-Za-z0-9.-]+(:\d+)?$/.test(raw) ? `https://${raw}` : raw
  const error = checkHttpUrl(withScheme)
  if (error) return {error}
  return {value: withScheme.replace(/\/+$/, '')}
}

/** A full URL (a vendor's chat page): query allowed, kept as given. */
export function normalizeFullUrl(value: string): {value?: string; error?: string} {
  const raw = value.trim()
  const error = checkHttpUrl(raw, {allowQuery: true})
  return error ? {error} : {value: raw}
}

export function checkService(value: string): string | undefined {
  return SERVICE_PATTERN.test(value) ? undefined : 'must be a GMS service name: letters, digits, "_", "-", "." (1-64, starting with a letter or digit)'
}

export function checkFileName(value: string, ext = '.html'): string | undefined {
  if (!FILE_NAME.test(value) || value.includes('..')) return `must be a plain file name (letters, digits, ".", "_", "-"; no "/" or "..")`
  if (RESERVED.test(value)) return 'must not be a reserved device name (con, nul, com1, ...)'
  if (!value.toLowerCase().endsWith(ext)) return `must end in ${ext}`
  return undefined
}

export function checkVendorFunction(value: string): string | undefined {
  return JS_PATH.test(value) ? undefined : 'must be a global JavaScript function path such as Vendor.openChat'
}

export function checkIntegrationName(value: string): string | undefined {
  return INTEGRATION_NAME.test(value) ? undefined : 'must be lowercase letters, digits and "-" (1-63, starting with a letter or digit)'
}
