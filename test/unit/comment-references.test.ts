/**
 * Every file a comment names exists: a path from the repository's root (`src/…`,
 * `templates/…`, `test/…`, `scripts/…`, `bench/…`, `bin/…`, `docs/…`, `schema/…`) or a
 * bare source file name (`plan.ts`, `invite.html.hbs`), in the comments of src/,
 * templates/, test/, scripts/, bench/ and bin/. A comment pointing at a renamed or
 * removed file sends the next reader looking for something that is not there.
 */
import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import type * as TS from 'typescript'
import {describe, expect, it} from 'vitest'
import {listFiles, ROOT} from '../helpers/files.js'

/**
 * TypeScript's compiler is one CommonJS file of about 9 MB: required, not imported, since
 * an ES import first scans all of it for named exports (about three times the CPU).
 */
const ts: typeof TS = createRequire(import.meta.url)('typescript')

/** Folders whose comments are checked; test/golden and test/fixtures are what gwe-int writes or reads, not its own words. */
const SCANNED = ['src', 'templates', 'test', 'scripts', 'bench', 'bin']
const NOT_SCANNED = ['test/golden/', 'test/fixtures/']
/** Root folders a path in a comment may start with: those the repository holds (dist/ is the build's). */
const ROOTS = ['src', 'templates', 'test', 'scripts', 'bench', 'bin', 'docs', 'schema', '.ci']

const CODE = /\.(ts|js|mjs|cjs)$/

/** Every file of the repository's own folders, relative to the root. */
const FILES = ROOTS.flatMap((dir) => listFiles(path.join(ROOT, dir)).map((f) => `${dir}/${f}`))
const BASENAMES = new Set(FILES.map((f) => path.posix.basename(f)))

/**
 * The comments of a TypeScript or JavaScript file, with the line each starts on: the
 * comment tokens of the file's scan. Where the scanner alone cannot tell a regular
 * expression from a division, or the rest of a template from a closing brace, the parse
 * tells it (JSDoc left unparsed: its comments are scanned as comments all the same).
 */
function codeComments(file: string, text: string): {line: number; text: string}[] {
  const kind = file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS
  const source = ts.createSourceFile(file, text, {languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone}, false, kind)
  const regexAt = new Set<number>()
  const templateAt = new Set<number>()
  const visit = (node: TS.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) regexAt.add(node.getStart(source))
    else if (node.kind === ts.SyntaxKind.TemplateMiddle || node.kind === ts.SyntaxKind.TemplateTail) templateAt.add(node.getStart(source))
    ts.forEachChild(node, visit)
  }
  visit(source)
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text)
  const out: {line: number; text: string}[] = []
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    const start = scanner.getTokenStart()
    if ((token === ts.SyntaxKind.SlashToken || token === ts.SyntaxKind.SlashEqualsToken) && regexAt.has(start)) scanner.reScanSlashToken()
    else if (token === ts.SyntaxKind.CloseBraceToken && templateAt.has(start)) scanner.reScanTemplateToken(false)
    else if (token === ts.SyntaxKind.SingleLineCommentTrivia || token === ts.SyntaxKind.MultiLineCommentTrivia)
      out.push({line: source.getLineAndCharacterOfPosition(start).line + 1, text: text.slice(start, scanner.getTokenEnd())})
  }
  return out
}

/**
 * The comments of a template (Handlebars, HTML, CSS and JavaScript comments). A `//`
 * comment counts only at a line's start or after a space, so URLs are not comments.
 */
function templateComments(text: string): {line: number; text: string}[] {
  const out: {line: number; text: string}[] = []
  for (const m of text.matchAll(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}|<!--[\s\S]*?-->|\/\*[\s\S]*?\*\/|(?:^|[ \t])\/\/[^\n]*/gm))
    out.push({line: text.slice(0, m.index).split('\n').length, text: m[0]})
  return out
}

/** What a comment names that is not there: `file:line: name`. */
function missingNames(file: string, comments: {line: number; text: string}[]): string[] {
  const missing: string[] = []
  for (const c of comments) {
    const roots = ROOTS.map((r) => r.replace('.', '\\.')).join('|')
    // A path from the root: the folder, a slash, then path characters; placeholders (`<code>`, `*`) end it.
    for (const m of c.text.matchAll(new RegExp(`(?<![\\w./@-])(?:${roots})/[\\w./-]*`, 'g'))) {
      // Followed by a placeholder (`starter-<name>.js.hbs`, `*.cjs`): its folder must exist.
      const placeholder = /[<*{[$]/.test(c.text[m.index + m[0].length] ?? '')
      const name = placeholder ? m[0].slice(0, m[0].lastIndexOf('/')) : m[0].replace(/[./-]+$/, '')
      if (!fs.existsSync(path.join(ROOT, name))) missing.push(`${file}:${c.line}: ${m[0]}`)
    }
    // A bare source file name, not part of a longer path: some file of the repository has it.
    for (const m of c.text.matchAll(/(?<![\w./@-])[\w-]+(?:\.[\w-]+)*\.(?:ts|hbs)\b(?![\w/-])/g)) {
      if (!BASENAMES.has(m[0])) missing.push(`${file}:${c.line}: ${m[0]}`)
    }
  }
  return missing
}

/**
 * What the comments of a scanned file name that is not there. Each name found in a
 * comment is found in the whole text too, from the same start to the same end (a
 * comment is a piece of the text holding its own delimiters, and a name can neither
 * start right after nor run across them), so a text naming nothing missing has no
 * comment naming anything missing: only the other files need their comments told from
 * their code, which takes a TypeScript parse.
 */
function missingInComments(file: string, text: string): string[] {
  if (missingNames(file, [{line: 1, text}]).length === 0) return []
  return missingNames(file, CODE.test(file) ? codeComments(file, text) : templateComments(text))
}

describe('file names in comments', () => {
  const scanned = SCANNED.flatMap((dir) => listFiles(path.join(ROOT, dir)).map((f) => `${dir}/${f}`)).filter(
    (f) => !NOT_SCANNED.some((prefix) => f.startsWith(prefix)),
  )

  it('scans the sources, templates and tests', () => {
    expect(scanned.filter((f) => f.startsWith('src/') && f.endsWith('.ts')).length).toBeGreaterThan(50)
    expect(scanned.filter((f) => f.startsWith('templates/')).length).toBeGreaterThan(10)
  })

  it('name files that exist', () => {
    const missing: string[] = []
    for (const file of scanned) {
      if (CODE.test(file) || file.startsWith('templates/')) missing.push(...missingInComments(file, fs.readFileSync(path.join(ROOT, file), 'utf8')))
    }
    expect(missing).toEqual([])
  })

  it('catches a comment naming a removed file', () => {
    const code =
      '// see src/core/context.ts and sources.ts\nconst url = "https://example.com/src/nowhere.ts" // plan.ts, src/locales/<code>.ts, src/none/<x>.ts\n'
    expect(missingNames('x.ts', codeComments('x.ts', code))).toEqual(['x.ts:1: src/core/context.ts', 'x.ts:1: sources.ts', 'x.ts:2: src/none/'])
    const template = '{{!-- built in src/core/context.ts --}}\n<a href="https://example.com/templates/x.hbs">//x</a>\n<!-- invite.html.hbs -->\n'
    expect(missingNames('t.hbs', templateComments(template))).toEqual(['t.hbs:1: src/core/context.ts'])
    // A regular expression or a template holding `//` or `/*` is code, not a comment; the comment after it is one.
    const tricky = 'const re = /\\/\\/ src\\/gone.ts/g, t = `${re}// src/gone.ts ${`/* src/gone.ts */`}` /* src/missing.ts */\n'
    expect(codeComments('x.ts', tricky).map((c) => c.text)).toEqual(['/* src/missing.ts */'])
    // The whole text names at least what its comments name: a file is parsed when that may matter.
    expect(missingInComments('x.ts', tricky)).toEqual(['x.ts:1: src/missing.ts'])
    expect(missingInComments('x.ts', code)).toEqual(['x.ts:1: src/core/context.ts', 'x.ts:1: sources.ts', 'x.ts:2: src/none/'])
    expect(missingInComments('t.hbs', template)).toEqual(['t.hbs:1: src/core/context.ts'])
    expect(missingInComments('x.ts', '// src/core/write/plan.ts, see plan.ts\nconst re = /\\/\\/ src\\/x.ts/\n')).toEqual([])
  })
})
