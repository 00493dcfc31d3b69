/**
 * Walks every template under templates/ and fails on a value that reaches its output
 * context without the helper made for that context:
 *
 *   HTML text                 {{text x}}
 *   HTML comment              {{text x}} or {{comment x}}
 *   attribute (quoted)        {{attr x}}, or {{url x}} in a double-quoted one
 *   on*= event handler        {{js x}} / {{jsValue x}} in a single-quoted attribute
 *   <script>, .js.hbs, JS partials:  code {{js}} {{jsValue}} {{ident}}; comment {{comment}};
 *                             never inside a string literal
 *   .sh.hbs                   code {{sh x}}; comment {{comment x}}; never inside quotes
 *   <style>, .css.hbs         {{color x}} only (a colour re-written as #rrggbb)
 *
 * A bare {{x}} is never allowed, and a triple-stash {{{x}}} (or {{& x}}) only right after a
 * {{!-- reviewed: why --}} comment. Handlebars' own parser finds the mustaches; parse5
 * (on the template text with each tag replaced by a marker) says which HTML context a
 * marker sits in; acorn's tokenizer says whether it is in JS code, a comment or a string.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {tokenizer, tokTypes} from 'acorn'
import Handlebars from 'handlebars'
import {parse, parseFragment, type DefaultTreeAdapterMap} from 'parse5'
import {describe, expect, it} from 'vitest'

const ROOT = fileURLToPath(new URL('../../templates/', import.meta.url))

type Context =
  | 'html-text'
  | 'html-comment'
  | 'attr'
  | 'event-attr'
  | 'js-code'
  | 'js-comment'
  | 'js-string'
  | 'sh-code'
  | 'sh-comment'
  | 'sh-quoted'
  | 'css'
  | 'unsupported'

interface Interpolation {
  line: number
  column: number
  source: string
  helper?: string
  raw: boolean
  reviewed: boolean
  marker: string
  context?: Context
  /** Why the context is unsupported, or the attribute's quote character. */
  note?: string
}

const ALLOWED: Record<Exclude<Context, 'unsupported'>, string[]> = {
  'html-text': ['text'],
  'html-comment': ['text', 'comment'],
  attr: ['attr', 'url'],
  'event-attr': ['js', 'jsValue'],
  'js-code': ['js', 'jsValue', 'ident'],
  'js-comment': ['comment'],
  'js-string': [],
  'sh-code': ['sh'],
  'sh-comment': ['comment'],
  'sh-quoted': [],
  css: ['color'],
}

type HbsNode = hbs.AST.Node & {body?: hbs.AST.Statement[]; program?: hbs.AST.Program; inverse?: hbs.AST.Program}

/** Every output mustache of a template, with its helper and whether a reviewed comment precedes it. */
function interpolations(text: string): Interpolation[] {
  const out: Interpolation[] = []
  const lines = text.split('\n')
  const walk = (program: hbs.AST.Program | undefined) => {
    if (!program) return
    program.body.forEach((node: HbsNode, index) => {
      if (node.type === 'MustacheStatement') {
        const m = node as hbs.AST.MustacheStatement
        const {line, column} = m.loc.start
        const end = m.loc.end
        const source = line === end.line ? lines[line - 1].slice(column, end.column) : lines[line - 1].slice(column)
        const named = m.params.length > 0 || (m.hash?.pairs.length ?? 0) > 0
        out.push({
          line,
          column,
          source,
          helper: named ? (m.path as hbs.AST.PathExpression).original : undefined,
          raw: !m.escaped,
          reviewed: reviewedBefore(program.body, index),
          marker: `gweintm${out.length}z`,
        })
      }
      walk(node.program)
      walk(node.inverse)
    })
  }
  walk(Handlebars.parse(text))
  return out
}

function reviewedBefore(body: hbs.AST.Statement[], index: number): boolean {
  for (let k = index - 1; k >= 0; k -= 1) {
    const node = body[k]
    if (node.type === 'ContentStatement' && !(node as hbs.AST.ContentStatement).value.trim()) continue
    return node.type === 'CommentStatement' && /^\s*reviewed:\s*\S/.test((node as hbs.AST.CommentStatement).value)
  }
  return false
}

/** The template text with each output mustache replaced by its marker and every other tag removed. */
function masked(text: string, list: Interpolation[]): string {
  const lineStart = [0]
  for (let i = 0; i < text.length; i += 1) if (text[i] === '\n') lineStart.push(i + 1)
  const byOffset = new Map(list.map((i) => [lineStart[i.line - 1] + i.column, i]))
  let out = ''
  let pos = 0
  while (pos < text.length) {
    const open = text.indexOf('{{', pos)
    if (open < 0) break
    const close = text.startsWith('{{!--', open)
      ? text.indexOf('--}}', open) + 4
      : text.startsWith('{{{', open)
        ? text.indexOf('}}}', open) + 3
        : text.indexOf('}}', open) + 2
    if (close < open + 2) throw new Error(`unclosed tag at offset ${open}`)
    // `~` whitespace control and standalone lines only change whitespace, which no rule depends on.
    out += text.slice(pos, open) + (byOffset.get(open)?.marker ?? '')
    pos = close
  }
  return out + text.slice(pos)
}

type P5Node = DefaultTreeAdapterMap['node']
type P5Element = DefaultTreeAdapterMap['element']

const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'poster', 'cite', 'data', 'background'])

/** Places the markers of an HTML template: text, comment, attribute, event attribute or script. */
function placeHtml(html: string, list: Interpolation[]): void {
  const find = (s: string) => list.filter((i) => s.includes(i.marker))
  const set = (items: Interpolation[], context: Context, note?: string) => {
    for (const i of items) Object.assign(i, {context, note})
  }
  const document = /^\s*<!doctype/i.test(html) ? parse(html, {sourceCodeLocationInfo: true}) : parseFragment(html, {sourceCodeLocationInfo: true})
  const walk = (node: P5Node, parent?: string) => {
    if (node.nodeName === '#text') {
      const value = (node as DefaultTreeAdapterMap['textNode']).value
      if (parent === 'script') placeJs(value, find(value))
      else if (parent === 'style') set(find(value), 'css')
      else set(find(value), 'html-text')
    } else if (node.nodeName === '#comment') {
      set(find((node as DefaultTreeAdapterMap['commentNode']).data), 'html-comment')
    } else if (node.nodeName === '#documentType') {
      set(find((node as DefaultTreeAdapterMap['documentType']).name ?? ''), 'unsupported', 'in the doctype')
    }
    const element = node as P5Element
    if (element.attrs) {
      if (find(element.tagName).length) set(find(element.tagName), 'unsupported', 'in a tag name')
      for (const attr of element.attrs) {
        set(find(attr.name), 'unsupported', 'in an attribute name')
        const items = find(attr.value)
        if (items.length === 0) continue
        const loc = element.sourceCodeLocation?.attrs?.[attr.name]
        const rawAttr = loc ? html.slice(loc.startOffset, loc.endOffset) : ''
        const quote = /^[^=]*=\s*(["'])/.exec(rawAttr)?.[1] ?? ''
        if (/^on/i.test(attr.name)) {
          if (quote !== "'") set(items, 'unsupported', `in ${attr.name}= that is not single-quoted ({{js}} output holds double quotes)`)
          else placeJs(attr.value, items, 'event-attr')
        } else if (attr.name === 'style' || attr.name === 'srcdoc') {
          set(items, 'unsupported', `in a ${attr.name}= attribute`)
        } else if (!quote) {
          set(items, 'unsupported', `in the unquoted attribute ${attr.name}=`)
        } else {
          set(items, 'attr', quote)
          if (URL_ATTRS.has(attr.name)) for (const i of items) i.note = `${quote}url`
        }
      }
    }
    for (const child of element.childNodes ?? []) walk(child, element.tagName ?? parent)
    for (const child of (node as {content?: {childNodes: P5Node[]}}).content?.childNodes ?? []) walk(child, 'template')
  }
  walk(document as unknown as P5Node)
}

/** Code, comment or string literal, from acorn's tokenizer. */
function placeJs(code: string, items: Interpolation[], codeContext: Context = 'js-code'): void {
  if (items.length === 0) return
  const comments: [number, number][] = []
  const strings: [number, number][] = []
  try {
    for (const token of tokenizer(code, {ecmaVersion: 'latest', allowHashBang: true, onComment: (_block, _text, start, end) => comments.push([start, end])})) {
      if (token.type === tokTypes.string || token.type === tokTypes.template || token.type === tokTypes.regexp) strings.push([token.start, token.end])
    }
  } catch (error) {
    for (const i of items) Object.assign(i, {context: 'unsupported', note: `in JavaScript acorn cannot tokenize (${(error as Error).message})`})
    return
  }
  const within = (ranges: [number, number][], at: number) => ranges.some(([s, e]) => at >= s && at < e)
  for (const i of items) {
    const at = code.indexOf(i.marker)
    i.context = within(comments, at) ? 'js-comment' : within(strings, at) ? 'js-string' : codeContext
  }
}

/** Shell code, a `#` comment, or inside quotes, by a small quote-aware scanner. */
function placeShell(text: string, list: Interpolation[]): void {
  let state: 'code' | 'single' | 'double' | 'comment' = 'code'
  const contextAt: Context[] = []
  for (let k = 0; k < text.length; k += 1) {
    const c = text[k]
    contextAt[k] = state === 'code' ? 'sh-code' : state === 'comment' ? 'sh-comment' : 'sh-quoted'
    if (state === 'comment') {
      if (c === '\n') state = 'code'
    } else if (state === 'single') {
      if (c === "'") state = 'code'
    } else if (c === '\\') {
      k += 1
      contextAt[k] = contextAt[k - 1]
    } else if (state === 'double') {
      if (c === '"') state = 'code'
    } else if (c === "'") state = 'single'
    else if (c === '"') state = 'double'
    else if (c === '#' && (k === 0 || /[\s;|&(]/.test(text[k - 1]))) {
      state = 'comment'
      contextAt[k] = 'sh-comment'
    }
  }
  for (const i of list) i.context = contextAt[text.indexOf(i.marker)]
}

/** Problems of one template, as `file:line:col: message`. */
function lintTemplate(rel: string, text: string): string[] {
  let list: Interpolation[]
  try {
    list = interpolations(text)
  } catch (error) {
    return [`${rel}: Handlebars cannot parse it: ${(error as Error).message.split('\n')[0]}`]
  }
  const body = masked(text, list)
  if (/\.js\.hbs$/.test(rel)) placeJs(body, list)
  else if (/\.sh\.hbs$/.test(rel)) placeShell(body, list)
  else if (/\.html?\.hbs$/.test(rel)) placeHtml(body, list)
  else if (/\.css\.hbs$/.test(rel)) for (const i of list) i.context = 'css'
  else for (const i of list) Object.assign(i, {context: 'unsupported', note: 'in a file type with no escaping rules (.html, .js, .sh, .css)'})

  const problems: string[] = []
  for (const i of list) {
    const where = `${rel}:${i.line}:${i.column + 1}: ${i.source}`
    if (i.raw) {
      if (!i.reviewed) problems.push(`${where}: triple-stash without a {{!-- reviewed: why --}} comment right before it`)
      continue
    }
    if (!i.context) problems.push(`${where}: could not tell where the value lands (lost by the HTML parser)`)
    else if (i.context === 'unsupported') problems.push(`${where}: value ${i.note}`)
    else if (!i.helper)
      problems.push(`${where}: bare value in ${i.context}; use ${ALLOWED[i.context].map((h) => `{{${h} x}}`).join(' or ') || 'no interpolation here'}`)
    else if (i.context === 'js-string' || i.context === 'sh-quoted')
      problems.push(
        `${where}: value inside a ${i.context === 'js-string' ? 'string literal' : 'quoted shell word'}; use {{${i.context === 'js-string' ? 'js' : 'sh'} x}} for the whole literal`,
      )
    else if (!ALLOWED[i.context].includes(i.helper)) problems.push(`${where}: {{${i.helper}}} in ${i.context}; allowed: ${ALLOWED[i.context].join(', ')}`)
    else if (i.context === 'attr' && i.helper === 'url' && !i.note?.startsWith('"'))
      problems.push(`${where}: {{url}} keeps "'": use it in a double-quoted attribute`)
  }
  return problems
}

function templateFiles(dir: string, rel = ''): string[] {
  return fs.readdirSync(path.join(dir, rel), {withFileTypes: true}).flatMap((e) => {
    const child = rel ? `${rel}/${e.name}` : e.name
    return e.isDirectory() ? templateFiles(dir, child) : e.name.endsWith('.hbs') ? [child] : []
  })
}

describe('templates lint: every value goes through the helper for its context', () => {
  const files = templateFiles(ROOT).sort()

  it('finds the templates', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'invite/invite.html.hbs',
        'gms-widget/indexGPE.html.hbs',
        'engagement-logic/notify.sh.hbs',
        'engagement-logic/notification-message.js.hbs',
        'invite/partials/starter-gms.js.hbs',
      ]),
    )
  })

  it.each(files)('%s', (rel) => {
    expect(lintTemplate(`templates/${rel}`, fs.readFileSync(path.join(ROOT, rel), 'utf8'))).toEqual([])
  })
})

describe('templates lint catches each kind of mistake (file:line:col)', () => {
  const one = (rel: string, text: string) => lintTemplate(rel, text)

  it.each([
    ['a bare value in a script', 'a.html.hbs', '<p>{{text t}}</p>\n<script>\nvar x = {{host}};\n</script>', 'a.html.hbs:3:9: {{host}}: bare value in js-code'],
    ['{{text}} in a script', 'a.html.hbs', '<script>var x = "{{text host}}";</script>', 'a.html.hbs:1:18: {{text host}}: value inside a string literal'],
    ['{{attr}} in JS code', 'a.html.hbs', '<script>var x = {{attr host}};</script>', '{{attr}} in js-code; allowed: js, jsValue, ident'],
    ['{{js}} inside a JS comment', 'a.js.hbs', '// for {{js name}}\nvar a = 1;', 'a.js.hbs:1:8: {{js name}}: {{js}} in js-comment; allowed: comment'],
    ['{{js}} inside a JS block comment', 'a.js.hbs', '/* {{js name}} */', '{{js}} in js-comment'],
    ['{{comment}} as JS code', 'a.js.hbs', 'var a = {{comment name}};', '{{comment}} in js-code'],
    ['a value in a template literal', 'a.js.hbs', 'var a = `x${1}{{js name}}`;', 'value inside a string literal'],
    ['{{text}} in an attribute', 'a.html.hbs', '<a title="{{text t}}">x</a>', '{{text}} in attr; allowed: attr, url'],
    ['an unquoted attribute', 'a.html.hbs', '<input value={{attr v}}>', 'value in the unquoted attribute value='],
    ['{{url}} in single quotes', 'a.html.hbs', "<a href='/x?q={{url q}}'>x</a>", `{{url}} keeps "'"`],
    ['{{attr}} in an event handler', 'a.html.hbs', "<button onclick='go({{attr v}})'>x</button>", '{{attr}} in event-attr; allowed: js, jsValue'],
    ['a double-quoted event handler', 'a.html.hbs', '<button onclick="go({{js v}})">x</button>', 'in onclick= that is not single-quoted'],
    ['{{attr}} in <style>', 'a.html.hbs', '<style>p { color: {{attr c}}; }</style>', '{{attr}} in css; allowed: color'],
    ['{{text}} in a .css partial', 'a.css.hbs', 'p { content: {{text c}}; }', '{{text}} in css; allowed: color'],
    ['a value as an attribute name', 'a.html.hbs', '<p {{attr a}}="1">x</p>', 'in an attribute name'],
    ['{{attr}} in HTML text', 'a.html.hbs', '<p>{{attr t}}</p>', '{{attr}} in html-text; allowed: text'],
    ['unreviewed triple-stash', 'a.html.hbs', '<p>{{{t}}}</p>', 'a.html.hbs:1:4: {{{t}}}: triple-stash without'],
    ['{{& x}}, the other unescaped form', 'a.js.hbs', 'var a = {{& t}};', 'triple-stash without'],
    ['a reviewed comment that is not right before', 'a.js.hbs', '{{!-- reviewed: ok --}}\nvar a = 1;\nvar b = {{{t}}};', 'a.js.hbs:3:9'],
    ['{{sh}} inside double quotes', 'a.sh.hbs', 'echo "x{{sh v}}"', 'quoted shell word'],
    ['{{js}} in shell', 'a.sh.hbs', 'x={{js v}}', '{{js}} in sh-code; allowed: sh'],
    ['{{sh}} in a shell comment', 'a.sh.hbs', 'a=1 # {{sh v}}', '{{sh}} in sh-comment; allowed: comment'],
    ['an unknown file type', 'a.txt.hbs', 'p { color: {{attr c}} }', 'no escaping rules'],
    ['a Handlebars syntax error', 'a.js.hbs', 'var a = {{js x}', 'Handlebars cannot parse it'],
    ['a value inside an #if block', 'a.js.hbs', '{{#if x}}\nvar a = {{x}};\n{{/if}}', 'a.js.hbs:2:9: {{x}}: bare value in js-code'],
  ])('%s', (_what, rel, text, message) => {
    const problems = one(rel, text)
    expect(problems.join('\n')).toContain(message)
  })

  it.each([
    [
      'helpers in their contexts',
      'a.html.hbs',
      `<!-- {{text id}} -->\n<p title="{{attr t}}" data-x='{{attr t}}'>{{text t}}</p>\n<a href="/x?q={{url q}}">x</a>\n<button onclick='go({{js v}}, {{jsValue o}})'>x</button>\n<script>\n// {{comment c}}\nfunction {{ident f}}() { return [{{js a}}, {{jsValue b}}]; }\n</script>`,
    ],
    ['colours in CSS', 'a.html.hbs', '<style>p { color: {{color c}}; }</style>'],
    ['colours in a .css partial', 'a.css.hbs', '.x { --c: {{color brand.accent}}; }'],
    ['a reviewed triple-stash', 'a.js.hbs', '{{!-- reviewed: built from catalogue identifiers --}}\n{{{call}}};'],
    ['shell words and comments', 'a.sh.hbs', "#!/bin/sh\n# {{comment n}}\nx={{sh v}}\ncurl \"$u\"{{sh p}}'/x'\nbody='a'{{sh (json v)}}'b'"],
    ['block helpers and partials (no output of their own)', 'a.js.hbs', "{{#if (eq a 'b')}}{{> x/y.js}}{{else}}{{js a}}{{/if}}"],
  ])('accepts %s', (_what, rel, text) => {
    expect(one(rel, text)).toEqual([])
  })
})
