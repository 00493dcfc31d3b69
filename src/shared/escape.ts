/**
 * Context-specific escaping. Every value enters generated code through exactly
 * one of these (the templates' helpers are thin wrappers around them).
 */

/** Characters JSON leaves raw that must not reach a <script> or an attribute as themselves. */
const JS_UNSAFE = /[<>&'\u007F-\uFFFF]/g
const unicodeEscape = (c: string) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
const BEYOND_LATIN1 = /[^\u0000-\u00FF]/

/**
 * The escaped text, all ASCII, as a one-byte string. V8 gives the result of replace() the
 * two-byte form of its subject, so JSON of a text with "…" in it stays two-byte after its
 * escaping, and so does every file a template builds with it: twice the memory of a
 * large generate, for text that is ASCII.
 */
const ascii = (json: string, escaped: string) => (BEYOND_LATIN1.test(json) ? Buffer.from(escaped, 'latin1').toString('latin1') : escaped)

/**
 * A JavaScript string literal (with its double quotes) that is also safe inside an
 * HTML `<script>` element and a single-quoted event-handler attribute: JSON escaping,
 * plus `<`, `>`, `&`, `'` and everything beyond ASCII (U+2028, U+2029 included) as
 * `\uXXXX`, so `</script>`, `<!--`, an entity or a quote cannot appear, and the text is
 * the same whatever charset the host page declares. Lone surrogates come out as
 * escapes too (JSON.stringify is well-formed). `JSON.parse` of the result is `value`.
 */
export function jsString(value: string): string {
  if (typeof value !== 'string') throw new TypeError(`jsString needs a string, got ${typeof value}`)
  const json = JSON.stringify(value)
  return ascii(json, json.replace(JS_UNSAFE, unicodeEscape))
}

/**
 * A JSON value literal (objects, arrays, numbers, booleans, strings) with the escapes of
 * jsString. An object key `__proto__` is refused: JSON.parse makes it an own property, but
 * in a JavaScript object literal it sets the prototype, so the script would read other data.
 */
export function jsonForScript(value: unknown, indent?: number): string {
  const json = JSON.stringify(value, null, indent) as string | undefined
  if (json === undefined) throw new TypeError(`cannot write ${typeof value} as a JSON value`)
  if (json.includes('"__proto__":') && hasProtoKey(value)) {
    throw new TypeError('cannot write an object key "__proto__" into a script: JavaScript would read it as the prototype')
  }
  return ascii(json, json.replace(JS_UNSAFE, unicodeEscape))
}

function hasProtoKey(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false
  if (Object.hasOwn(value, '__proto__')) return true
  return Object.values(value).some(hasProtoKey)
}

const HTML_TEXT: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;'}
const HTML_ATTR: Record<string, string> = {...HTML_TEXT, '"': '&quot;', "'": '&#39;', '`': '&#96;', '=': '&#61;'}

/** HTML text content. */
export function htmlText(value: string): string {
  return value.replace(/[&<>]/g, (c) => HTML_TEXT[c])
}

/** A quoted HTML attribute value (never an event handler: use jsString there). */
export function htmlAttr(value: string): string {
  return value.replace(/[&<>"'`=]/g, (c) => HTML_ATTR[c])
}

/** One URL component (query value or path segment). */
export function urlComponent(value: string): string {
  return encodeURIComponent(value)
}

/** A shell word in single quotes (for notify.sh). */
export function shellWord(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`
}
