/**
 * Field validators shared by flags, prompts and the config schema. Each returns
 * an error text (what is allowed) or undefined. Rejected values are never altered
 * into accepted ones; normalization (trailing slash, default scheme) happens only
 * on values that pass.
 */

/** GMS services are option sections `service.<name>`; keep to safe section-name characters. */
export const SERVICE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i
const JS_PATH = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const INTEGRATION_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/

export function checkHttpUrl(value: string, opts: {allowQuery?: boolean; example?: string} = {}): string | undefined {
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
  // The URL parser would silently drop or re-encode these; refuse instead of altering the value.
  if (/[\u0000-\u001F\u007F-\u009F]/.test(value)) return 'must not contain control characters'
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
