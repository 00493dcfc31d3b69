/**
 * Validation of what shapes the visitor's pages: the locale, `texts` overrides, the
 * accent colour and the logo URL. Each check returns one error text naming what is
 * allowed (with a "did you mean" when a value is one typo away), or undefined.
 */
import {LOCALES, LOCALE_CODES, MESSAGE_KEYS} from '../../locales/index.js'
import {parseCssColor} from '../../render/css-color.js'
import {closest} from '../../shared/suggest.js'
import {checkHttpUrl} from './validate.js'

/** Longest override text: a button or a sentence fits; a page of text does not belong in a widget. */
export const TEXT_LIMIT = 300
/** Longest logo URL. */
export const LOGO_URL_LIMIT = 2048

/** suggest.ts's `closest`, where a language tag's base language counts too (`de-AT` -> de). */
export function closestCode(typed: string, candidates: readonly string[]): string | undefined {
  const lower = typed.toLowerCase()
  const exact = candidates.find((c) => c.toLowerCase() === lower)
  return exact ?? candidates.find((c) => lower.split(/[-_]/)[0] === c.toLowerCase()) ?? closest(typed, candidates)
}

const didYouMean = (typed: string, candidates: readonly string[]) => {
  const c = closestCode(typed, candidates)
  return c ? ` (did you mean ${c}?)` : ''
}

export function localeError(value: unknown): string {
  const typed = typeof value === 'string' ? value : JSON.stringify(value)
  return `unknown locale "${typed}"${didYouMean(typed, LOCALE_CODES)}; gwe-int ships ${LOCALE_CODES.map((c) => `${c} (${LOCALES[c].name})`).join(', ')}`
}

export function unknownTextKeys(keys: readonly string[]): string {
  const hints = keys.map((k) => `"${k}"${didYouMean(k, MESSAGE_KEYS)}`)
  return `unknown text key ${hints.join(', ')}; valid keys: ${MESSAGE_KEYS.join(', ')}`
}

const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
/** A tag, comment, doctype or processing instruction, or a character reference: markup, not text. */
const MARKUP = /<[A-Za-z!/?]|&(#\d+|#x[0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);/

/** A visitor-facing text: plain, one line, not empty, at most TEXT_LIMIT characters. */
export function checkText(value: string): string | undefined {
  if (!value.trim()) return 'must not be empty (leave the key out to keep the built-in text)'
  if ([...value].length > TEXT_LIMIT) return `is ${[...value].length} characters; at most ${TEXT_LIMIT}`
  if (MARKUP.test(value)) return 'must be plain text, not HTML: it is shown to the visitor as written, tags and entities included'
  if (CONTROL.test(value)) return 'must be one line of text without control characters'
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode text (it holds a lone surrogate)'
  return undefined
}

export function checkAccent(value: string): string | undefined {
  return parseCssColor(value) ? undefined : `"${value}" is not a CSS colour; use #rrggbb, #rgb, rgb(…), hsl(…) or a colour name such as navy`
}

export function checkLogoUrl(value: string): string | undefined {
  if (value.length > LOGO_URL_LIMIT) return `is ${value.length} characters; at most ${LOGO_URL_LIMIT}`
  const error = checkHttpUrl(value, {allowQuery: true})
  return error ? error.replace('such as https://gms.example.com:8443', 'such as https://www.example.com/logo.svg') : undefined
}
