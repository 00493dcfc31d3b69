/**
 * Context-specific escaping. Every value enters generated code through exactly
 * one of these (the templates' helpers are thin wrappers around them).
 */

const JS_UNSAFE: Record<string, string> = {
  '<': '\\u003C',
  '>': '\\u003E',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
}

/**
 * A JavaScript string literal (with its double quotes) that is also safe inside an
 * HTML `<script>` element and an event-handler attribute: JSON escaping plus `<`,
 * `>`, `&`, U+2028 and U+2029 as \u escapes, so `</script>` or `<!--` cannot appear.
 */
export function jsString(value: string): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => JS_UNSAFE[c])
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
