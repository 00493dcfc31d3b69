/**
 * One document being patched: its inline scripts (see scripts.ts), file:line:col
 * messages, whitespace style, and the queue of text edits at parser offsets.
 */
import MagicString from 'magic-string'
import type * as acorn from 'acorn'
import {foreignScripts} from './tree.js'
import {invalid} from '../shared/errors.js'
import {detectEol, detectIndentUnit, lineIndentAt, reindent} from './indent.js'
import {isBroken, parseProgram, type BrokenScript, type FnDef, type ParsedScript, type ReadyCallback} from './js.js'
import {scriptsOf, type Scripts} from './scripts.js'
import {applyEdits, leadingCommentsStart, lineStart, skipRestOfLine, templateLines, type Edit} from './text.js'
import type {PatchResult} from './types.js'

/** Words that can occur in an on-ready registration (see js.ts readyCall). */
const READY_WORDS = ['$', 'jQuery', 'DOMContentLoaded', 'load']

type Stmt = acorn.Node

export class PatchDoc {
  private readonly js: Scripts
  private lineStarts: number[] | undefined
  private readonly edits: Edit[] = []
  private readonly eols = new Map<ParsedScript, string>()
  private readonly units = new Map<ParsedScript, string>()
  private fileEol: string | undefined
  private fileUnit: string | undefined

  constructor(
    readonly source: string,
    readonly file: string,
  ) {
    this.js = scriptsOf(source)
  }

  /** Parsed scripts that contain one of `words` (see Scripts.containing). */
  scripts(words: readonly string[]): ParsedScript[] {
    return this.js.containing(words).filter((s): s is ParsedScript => !isBroken(s))
  }

  /** Every inline script that does not parse (parses them all). */
  broken(): BrokenScript[] {
    return this.js.all().filter(isBroken)
  }

  /** Whether a parsed script uses identifier or property `name`. */
  uses(name: string): boolean {
    return this.scripts([name]).some((s) => s.names.has(name))
  }

  /** On-ready registrations in document order. */
  readyCallbacks(): ReadyCallback[] {
    return this.scripts(READY_WORDS).flatMap((s) => s.ready)
  }

  // ---- messages -------------------------------------------------------------

  /** `file:line:col` for an absolute offset (1-based; a BOM is not a column). */
  where(offset: number): string {
    if (!this.lineStarts) {
      this.lineStarts = [0]
      const s = this.source
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i)
        if (c === 10 || (c === 13 && s.charCodeAt(i + 1) !== 10)) this.lineStarts.push(i + 1)
      }
    }
    let lo = 0
    let hi = this.lineStarts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.lineStarts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    const bom = lo === 0 && this.source.charCodeAt(0) === 0xfeff ? 1 : 0
    return `${this.file}:${lo + 1}:${offset - this.lineStarts[lo]! - bom + 1}`
  }

  /** Absolute offset of a script-relative one. */
  abs(script: ParsedScript, offset: number): number {
    return script.block.start + offset
  }

  at(script: ParsedScript, node: {start: number}): string {
    return this.where(this.abs(script, node.start))
  }

  /** Throws the one-line exit-2 error `file:line:col: message` (or `file: message`). */
  fail(message: string, at?: {script: ParsedScript; node: {start: number}}, details: string[] = []): never {
    throw invalid(`${at ? this.at(at.script, at.node) : this.file}: ${message}`, details)
  }

  /** Refuses when a script that failed to parse mentions one of `names`: a target may hide there. */
  requireParsed(names: string[]): void {
    const [b] = this.js.containing(names).filter(isBroken)
    if (b) throw invalid(`${this.where(b.block.start + b.pos)}: cannot parse this script (${b.message}); expected valid JavaScript around ${names.join('/')}`)
  }

  /** Refuses, explaining why, when `name` appears in a `<script>` the HTML parser put inside `<svg>` or `<math>`. */
  refuseForeign(name: string): void {
    if (!this.source.includes(name)) return
    const word = new RegExp(`(^|[^\\w$])${name.replace(/[$]/g, '\\$')}([^\\w$]|$)`)
    const hit = foreignScripts(this.source).find((f) => word.test(f.text))
    if (!hit) return
    const opened = `the <${hit.rootTag}> at ${this.where(hit.rootStart).slice(this.file.length + 1)}${hit.rootClosed ? '' : ', never closed,'}`
    throw invalid(
      `${this.where(hit.tagStart)}: ${name} is in a <script> that ${opened} takes in: browsers still run it, but read it as ${hit.rootTag.toUpperCase()} (character references such as &lt; are decoded), so gwe-int refuses to edit it`,
      [
        hit.rootClosed
          ? `move the <script> out of the <${hit.rootTag}> and patch again`
          : `close the <${hit.rootTag}> (add </${hit.rootTag}>) before this <script> and patch again`,
      ],
    )
  }

  /** Every definition of function `name`, in document order. */
  defs(name: string): FnDef[] {
    const out: FnDef[] = []
    for (const s of this.scripts([name])) {
      const d = s.defs.get(name)
      if (d) out.push(...d)
    }
    return out.sort((a, b) => a.script.block.start - b.script.block.start || a.fn.start - b.fn.start)
  }

  /** `file:line:col (kind)` lines for an ambiguity message. */
  describeDefs(defs: FnDef[]): string {
    return defs.map((d) => `${this.at(d.script, d.stmt ?? d.fn).replace(`${this.file}:`, 'line ')} (${d.kind})`).join(', ')
  }

  // ---- style -----------------------------------------------------------------

  /** Line ending of the script, else of the whole file, else LF. */
  eol(script: ParsedScript): string {
    let eol = this.eols.get(script)
    if (eol === undefined) this.eols.set(script, (eol = detectEol(script.block.text) ?? (this.fileEol ??= detectEol(this.source) ?? '\n')))
    return eol
  }

  /** Indentation unit of the script, else of the whole file, else the integration guide's 4 spaces. */
  unit(script: ParsedScript): string {
    let unit = this.units.get(script)
    if (unit === undefined) this.units.set(script, (unit = detectIndentUnit(script.block.text) ?? (this.fileUnit ??= detectIndentUnit(this.source) ?? '    ')))
    return unit
  }

  /** `code` (LF, 0 indentation) re-indented at `base` in the script's style. */
  render(script: ParsedScript, code: string, base: string): string {
    code = code.replace(/^(?:[ \t]*\r?\n)+/, '').replace(/\s+$/, '')
    return reindent(code, {base, unit: this.unit(script), eol: this.eol(script), verbatim: templateLines(code)})
  }

  // ---- edits -----------------------------------------------------------------

  replace(script: ParsedScript, start: number, end: number, text: string): void {
    this.edits.push({script, start, end, text})
  }

  insert(script: ParsedScript, at: number, text: string): void {
    this.edits.push({script, start: at, end: at, text})
  }

  /** Replaces a statement with `code` rendered at the statement's own indentation; false when already identical. */
  replaceStatement(script: ParsedScript, stmt: Stmt, code: string): boolean {
    const text = script.block.text
    // When the new code documents itself with leading comments, they replace the comment lines directly above.
    const trimmed = code.trimStart()
    const start = trimmed.startsWith('//') || trimmed.startsWith('/*') ? leadingCommentsStart(script, stmt.start) : stmt.start
    const base = lineIndentAt(text, start)
    const rendered = this.render(script, code.trim(), base).slice(base.length)
    if (text.slice(start, stmt.end) === rendered) return false
    this.replace(script, start, stmt.end, rendered)
    return true
  }

  /**
   * Inserts `code` as new lines after `stmt` (after a trailing comment on its
   * line), at the statement's indentation. When more code follows on the same
   * line (minified), the insertion is wrapped in line breaks instead.
   */
  insertAfter(script: ParsedScript, stmt: Stmt, code: string, blank: boolean): void {
    const text = script.block.text
    const eol = this.eol(script)
    const base = lineIndentAt(text, stmt.start)
    const q = skipRestOfLine(script, stmt.end)
    if (q >= text.length || text[q] === '\n' || text[q] === '\r') {
      this.insert(script, q, eol + (blank ? eol : '') + this.render(script, code, base))
    } else {
      this.insert(script, stmt.end, eol + this.render(script, code, base) + eol)
    }
  }

  /** Inserts `code` as new lines before `stmt` and the comment lines directly above it. */
  insertBefore(script: ParsedScript, stmt: Stmt, code: string, blank: boolean): void {
    const text = script.block.text
    const eol = this.eol(script)
    const s = leadingCommentsStart(script, stmt.start)
    const ls = lineStart(text, s)
    if (/^[ \t]*$/.test(text.slice(ls, s))) {
      this.insert(script, ls, this.render(script, code, text.slice(ls, s)) + eol + (blank ? eol : ''))
    } else {
      this.insert(script, s, eol + this.render(script, code, lineIndentAt(text, s)) + eol)
    }
  }

  /** Applies the queued edits; verifies every edited script still parses. */
  result(changes: string[]): PatchResult {
    if (this.edits.length === 0) return {content: this.source, changed: false, changes}
    const ms = new MagicString(this.source)
    const sorted = [...this.edits].sort((a, b) => this.abs(a.script, a.start) - this.abs(b.script, b.start))
    // Overwrites first: magic-string drops text appended at a boundary that is overwritten later.
    for (const e of sorted) if (e.end > e.start) ms.overwrite(this.abs(e.script, e.start), this.abs(e.script, e.end), e.text)
    for (const e of sorted) if (e.end === e.start) ms.appendLeft(this.abs(e.script, e.start), e.text)
    for (const script of new Set(sorted.map((e) => e.script))) {
      const patched = applyEdits(
        script.block.text,
        sorted.filter((e) => e.script === script),
      )
      try {
        parseProgram(patched, script.block.module)
      } catch (error) {
        throw new Error(`internal: the patched script at ${this.where(script.block.start)} no longer parses (${(error as Error).message}); please report`)
      }
    }
    const content = ms.toString()
    return {content, changed: content !== this.source, changes}
  }
}

/** The one definition of `name`; refuses none (with `none`) and several. */
export function single(doc: PatchDoc, name: string, none: string): FnDef {
  const defs = doc.defs(name)
  if (defs.length === 0) {
    // It may hide in a script that does not parse, or that an open <svg> swallowed: say so rather than "not found".
    doc.requireParsed([name])
    doc.refuseForeign(name)
    doc.fail(none)
  }
  if (defs.length > 1) {
    const second = defs[1]!
    doc.fail(`ambiguous: ${name} is defined ${defs.length} times (${doc.describeDefs(defs)}); expected exactly one`, {
      script: second.script,
      node: second.stmt ?? second.fn,
    })
  }
  return defs[0]!
}
