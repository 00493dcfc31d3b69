/**
 * The Handlebars helpers templates may use. Each escaping helper names its output
 * context; a bare `{{value}}` is not used anywhere (test/unit/templates-lint.test.ts
 * walks the templates and checks each value against the context it lands in).
 */
import type HandlebarsNS from 'handlebars'
import {parseCssColor, toHex} from './css-color.js'
import {htmlAttr, htmlText, jsonForScript, jsString, shellWord, urlComponent} from '../shared/escape.js'

type HB = typeof HandlebarsNS

const str = (value: unknown, helper: string): string => {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  throw new Error(`{{${helper}}} needs a string, got ${value === undefined ? 'undefined' : typeof value}`)
}

export function registerHelpers(hb: HB): void {
  const safe = (s: string) => new hb.SafeString(s)
  /** A JS string literal, quotes included, safe inside <script> and event attributes. */
  hb.registerHelper('js', (value: unknown) => safe(jsString(str(value, 'js'))))
  /** A JS value literal (JSON) for plain data: objects, arrays, booleans, strings. */
  hb.registerHelper('jsValue', (value: unknown) => safe(jsonForScript(value)))
  /** JSON text as a plain string, for composing with another helper: {{sh (json x)}}. */
  hb.registerHelper('json', (value: unknown) => JSON.stringify(value))
  hb.registerHelper('attr', (value: unknown) => safe(htmlAttr(str(value, 'attr'))))
  hb.registerHelper('text', (value: unknown) => safe(htmlText(str(value, 'text'))))
  hb.registerHelper('url', (value: unknown) => safe(urlComponent(str(value, 'url'))))
  hb.registerHelper('sh', (value: unknown) => safe(shellWord(str(value, 'sh'))))
  /** A JavaScript identifier (function names from the catalogue); anything else is an error. */
  hb.registerHelper('ident', (value: unknown) => {
    const name = str(value, 'ident')
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new Error(`{{ident}} got ${JSON.stringify(name)}, not an identifier`)
    return safe(name)
  })
  /** Text inside a code comment: one line, only plain characters (others become "?"). */
  hb.registerHelper('comment', (value: unknown) => safe(str(value, 'comment').replace(/[^\w .,:/@+()#-]/g, '?')))
  /** A CSS colour in a stylesheet, re-written as #rrggbb; anything that is not a colour is an error. */
  hb.registerHelper('color', (value: unknown) => {
    const c = parseCssColor(str(value, 'color'))
    if (!c) throw new Error(`{{color}} got ${JSON.stringify(value)}, not a CSS colour`)
    return safe(toHex(c))
  })
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b)
  hb.registerHelper('includes', (list: unknown, item: unknown) => Array.isArray(list) && list.includes(item))
}
