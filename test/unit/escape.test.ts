/**
 * The escaping functions against the parsers that will read their output: acorn for
 * JavaScript, parse5 for HTML (the way a browser splits a page into scripts and
 * attributes), `sh` for shell words. Fixed cases for the classic break-outs, then
 * fast-check over arbitrary strings, lone surrogates included.
 */
import {spawnSync} from 'node:child_process'
import {parse as parseJs} from 'acorn'
import fc from 'fast-check'
import {binaryString} from '../helpers/binary-string.js'
import {parse as parseHtml, parseFragment, type DefaultTreeAdapterMap} from 'parse5'
import {describe, expect, it} from 'vitest'
import {htmlAttr, htmlText, jsonForScript, jsString, shellWord, urlComponent} from '../../src/shared/escape.js'
import {inlineScripts} from '../helpers/parse.js'
import {runs} from '../helpers/runs.js'

type Element = DefaultTreeAdapterMap['element']

/** The value a JS expression evaluates to, as a browser would run it (strict script). */
const evaluate = (expression: string): unknown => new Function(`'use strict'; return (${expression});`)()

/** What a page with `<script>var x = LITERAL;</script>` gives the script engine, and what x is. */
function throughScript(literal: string): {scripts: string[]; value: unknown} {
  const scripts = inlineScripts(`<!DOCTYPE html><html><body><script>var x = ${literal};</script><p>after</p></body></html>`)
  parseJs(scripts[0] ?? '', {ecmaVersion: 5, sourceType: 'script'})
  return {scripts, value: evaluate(scripts[0].slice('var x = '.length, -1))}
}

function firstElement(html: string, tag: string): Element {
  const find = (node: DefaultTreeAdapterMap['node']): Element | undefined => {
    if ((node as Element).tagName === tag) return node as Element
    for (const child of (node as Element).childNodes ?? []) {
      const found = find(child)
      if (found) return found
    }
    return undefined
  }
  const found = find(parseFragment(html) as unknown as DefaultTreeAdapterMap['node'])
  if (!found) throw new Error(`no <${tag}> in ${html}`)
  return found
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const anyString = binaryString({maxLength: 60})
const attack = fc.constantFrom(
  '</script>',
  '</SCRIPT >',
  '<!--',
  '-->',
  '<script>',
  ']]>',
  '\u2028',
  '\u2029',
  '"',
  "'",
  '\\',
  '`',
  '${x}',
  '&amp;',
  '&quot;',
  '\uD800',
  '\uDFFF',
  '\uD83D',
  '\u0000',
  '\r\n',
  '*/',
  '\u00e9',
  '\u{1F600}',
)
const hostile = fc.array(fc.oneof(attack, anyString), {maxLength: 6}).map((parts) => parts.join(''))

describe('jsString', () => {
  it.each([
    ['</script>', '"\\u003C/script\\u003E"'],
    ['<!--', '"\\u003C!--"'],
    ['-->', '"--\\u003E"'],
    ['a&b', '"a\\u0026b"'],
    ['\u2028\u2029', '"\\u2028\\u2029"'],
    ['say "hi"', '"say \\"hi\\""'],
    ["it's", '"it\\u0027s"'],
    ['C:\\dir\\', '"C:\\\\dir\\\\"'],
    ['\uD800', '"\\ud800"'],
    ['x\uDFFFy', '"x\\udfffy"'],
    ['\u00e9\u{1F600}', '"\\u00E9\\uD83D\\uDE00"'],
    ['line\nbreak\ttab\u0000nul', '"line\\nbreak\\ttab\\u0000nul"'],
    ['\u007F', '"\\u007F"'],
  ])('%j -> %s', (input, expected) => {
    const literal = jsString(input)
    expect(literal).toBe(expected)
    expect(JSON.parse(literal)).toBe(input)
    expect(evaluate(literal)).toBe(input)
    expect(throughScript(literal).value).toBe(input)
  })

  it('output is printable ASCII with no <, >, & or single quote (safe in <script>, in a single-quoted handler, in any charset)', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const literal = jsString(s)
        expect(literal).toMatch(/^"[\x20-\x7E]*"$/)
        expect(literal).not.toMatch(/[<>&']/)
      }),
      runs(500),
    )
  })

  it('for any string, the page keeps one script and the literal evaluates to the input (lone surrogates too)', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const {scripts, value} = throughScript(jsString(s))
        expect(scripts).toHaveLength(1)
        expect(value).toBe(s)
        expect(JSON.parse(jsString(s))).toBe(s)
        // Written as UTF-8 and read back, nothing is lost (the literal is ASCII).
        expect(JSON.parse(Buffer.from(jsString(s), 'utf8').toString('utf8'))).toBe(s)
      }),
      runs(500),
    )
  })

  it('in a single-quoted event-handler attribute, the handler text is the literal itself', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const button = firstElement(`<button onclick='go(${jsString(s)})'>x</button><i>after</i>`, 'button')
        expect(button.attrs).toEqual([{name: 'onclick', value: `go(${jsString(s)})`}])
        expect(evaluate(button.attrs[0].value.slice(3, -1))).toBe(s)
      }),
      runs(300),
    )
  })

  it('refuses what is not a string instead of guessing', () => {
    expect(() => jsString(undefined as unknown as string)).toThrow(/needs a string/)
  })
})

describe('jsonForScript', () => {
  // fast-check produces "__proto__" on purpose; as a key it is refused (tested below).
  const hostileKey = hostile.filter((s) => s !== '__proto__')

  it('round-trips nested data with hostile strings and keeps <script> intact', () => {
    fc.assert(
      fc.property(fc.dictionary(hostileKey, fc.oneof(hostile, fc.integer(), fc.boolean(), fc.array(hostile, {maxLength: 3}))), (data) => {
        const literal = jsonForScript(data)
        expect(literal).toMatch(/^[\x20-\x7E]*$/)
        const {scripts, value} = throughScript(literal)
        expect(scripts).toHaveLength(1)
        expect(value).toEqual(data)
        expect(JSON.parse(literal)).toEqual(data)
      }),
      runs(200),
    )
  })

  it('refuses undefined and functions', () => {
    expect(() => jsonForScript(undefined)).toThrow(/cannot write undefined/)
    expect(() => jsonForScript(() => 1)).toThrow(/cannot write function/)
  })

  it('refuses a "__proto__" key, which a script would read as the prototype, at any depth', () => {
    // JSON.parse gives an own property; the same text in a script sets the prototype instead.
    expect(Object.keys(evaluate('{"__proto__": {"a": 1}}') as object)).toEqual([])
    for (const data of [JSON.parse('{"__proto__": ""}'), {list: [JSON.parse('{"x": 1, "__proto__": {}}')]}]) {
      expect(() => jsonForScript(data)).toThrow(/"__proto__"/)
      expect(() => jsonForScript(data, 2)).toThrow(/"__proto__"/)
    }
  })

  it('writes "__proto__" where it is only a string, not a key', () => {
    for (const data of [{k: '__proto__'}, ['"__proto__":'], {'x"__proto__': 1}, {k: '{"__proto__": 1}'}]) {
      expect(JSON.parse(jsonForScript(data))).toEqual(data)
      expect(throughScript(jsonForScript(data)).value).toEqual(data)
    }
  })
})

describe('htmlAttr and htmlText', () => {
  // The HTML parser turns CR LF into LF and drops NUL in text, by the spec, and parse5
  // cannot read lone surrogates; no value we interpolate holds them (validation refuses
  // control characters and lone surrogates).
  const htmlSafe = hostile.map((s) => s.replace(/[\r\0]/g, '').replace(LONE_SURROGATE, ''))

  it('an attribute value reads back exactly, in double or single quotes, and the element keeps one attribute', () => {
    fc.assert(
      fc.property(htmlSafe, (s) => {
        for (const q of ['"', "'"]) {
          const el = firstElement(`<input value=${q}${htmlAttr(s)}${q}><b>after</b>`, 'input')
          expect(el.attrs).toEqual([{name: 'value', value: s}])
        }
      }),
      runs(300),
    )
  })

  it('HTML text reads back exactly and opens no element', () => {
    fc.assert(
      fc.property(htmlSafe, (s) => {
        const p = firstElement(`<p>${htmlText(s)}</p>`, 'p')
        expect(p.childNodes.every((c) => c.nodeName === '#text')).toBe(true)
        expect(p.childNodes.map((c) => (c as DefaultTreeAdapterMap['textNode']).value).join('')).toBe(s)
      }),
      runs(300),
    )
  })

  it('inside <title> (RCDATA) text cannot close the element', () => {
    const page = `<!DOCTYPE html><html><head><title>${htmlText('</title><script>alert(1)</script>')}</title></head></html>`
    expect(inlineScripts(page)).toEqual([])
    const head = (parseHtml(page).childNodes[1] as Element).childNodes[0] as Element
    expect((head.childNodes[0] as Element).childNodes.map((c) => (c as DefaultTreeAdapterMap['textNode']).value).join('')).toBe(
      '</title><script>alert(1)</script>',
    )
  })
})

describe('urlComponent', () => {
  it('decodes back to the input and holds no character that ends a query value or a double-quoted attribute', () => {
    fc.assert(
      fc.property(fc.string({unit: 'grapheme', maxLength: 40}), (s) => {
        const encoded = urlComponent(s)
        expect(decodeURIComponent(encoded)).toBe(s)
        expect(encoded).not.toMatch(/[&=?#/"<>\s]/)
      }),
    )
  })
})

describe('shellWord', () => {
  it('sh reads the word back as exactly the input', () => {
    // NUL cannot be an argument of any program; validation keeps it out of every value.
    const shellSafe = hostile.map((s) => s.replace(/\0/g, '').replace(LONE_SURROGATE, ''))
    fc.assert(
      fc.property(shellSafe, (s) => {
        const run = spawnSync('sh', ['-c', `printf '%s' ${shellWord(s)}`], {encoding: 'utf8'})
        expect(run.status).toBe(0)
        expect(run.stdout).toBe(s)
      }),
      runs(100),
    )
  })
})
