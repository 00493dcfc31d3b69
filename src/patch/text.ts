/**
 * Positions in a script's text: line starts, comments next to a statement,
 * blank-line gaps, and applying edits (to check that a patched script parses).
 */
import type * as acorn from 'acorn'
import {parseProgram, type Anchor, type ParsedScript} from './js.js'

export interface Edit {
  script: ParsedScript
  /** Offsets in the script text. */
  start: number
  end: number
  text: string
}

export function applyEdits(text: string, edits: Edit[]): string {
  let out = ''
  let pos = 0
  for (const e of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    out += text.slice(pos, e.start) + e.text
    pos = Math.max(pos, e.end)
  }
  return out + text.slice(pos)
}

/** Lines (0-based) of `code` that start inside a template literal, which must keep their whitespace. */
export function templateLines(code: string): Set<number> | undefined {
  if (!code.includes('`')) return undefined
  let program: acorn.Program
  try {
    program = parseProgram(code).program
  } catch {
    return undefined
  }
  const ranges: [number, number][] = []
  const visit = (n: unknown): void => {
    if (!n || typeof n !== 'object') return
    if (Array.isArray(n)) return n.forEach(visit)
    const node = n as acorn.Node
    if (node.type === 'TemplateElement') ranges.push([node.start, node.end])
    for (const v of Object.values(node)) if (v && typeof v === 'object') visit(v)
  }
  visit(program)
  const lines = new Set<number>()
  let line = 0
  for (let i = 0; i < code.length; i++) {
    if (code[i] !== '\n') continue
    line++
    if (ranges.some(([a, b]) => a <= i && i + 1 < b)) lines.add(line)
  }
  return lines
}

export function lineStart(text: string, offset: number): number {
  let i = offset
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--
  return i
}

/** The comment starting at `pos`, if any (comments are sorted). */
export function commentAt(script: ParsedScript, pos: number): acorn.Comment | undefined {
  const cs = script.comments
  let lo = 0
  let hi = cs.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const c = cs[mid]!
    if (c.start === pos) return c
    if (c.start < pos) lo = mid + 1
    else hi = mid - 1
  }
  return undefined
}

/** The last comment ending at or before `pos`. */
export function commentBefore(script: ParsedScript, pos: number): acorn.Comment | undefined {
  const cs = script.comments
  let lo = 0
  let hi = cs.length - 1
  let found: acorn.Comment | undefined
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (cs[mid]!.end <= pos) {
      found = cs[mid]
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

/** From `pos`, skips blanks and comments that stay on the current line; returns where code or the line break starts. */
export function skipRestOfLine(script: ParsedScript, pos: number): number {
  const text = script.block.text
  let q = pos
  for (;;) {
    while (q < text.length && (text[q] === ' ' || text[q] === '\t')) q++
    const c = commentAt(script, q)
    if (!c || /[\r\n]/.test(text.slice(c.start, c.end))) return q
    q = c.end
  }
}

/** Start of the comments that sit on their own lines directly above `pos` (no blank line between). */
export function leadingCommentsStart(script: ParsedScript, pos: number): number {
  const text = script.block.text
  let s = pos
  for (;;) {
    const c = commentBefore(script, s)
    if (!c) return s
    const gap = text.slice(c.end, s)
    const breaks = gap.split('\n').length - 1
    if (!/^\s*$/.test(gap) || breaks > 1 || !/^[ \t]*$/.test(text.slice(lineStart(text, c.start), c.start))) return s
    s = c.start
  }
}

/** Whether `text` between `a` and `b` holds an empty line. */
export function hasBlankLine(text: string, a: number, b: number): boolean {
  const gap = text.slice(a, b)
  return /\n[ \t]*\r?\n/.test(gap)
}

/** Whether inserted code should be separated by a blank line, following the gaps around `stmt`. */
export function blankAround(script: ParsedScript, anchor: Anchor, after: boolean): boolean {
  const text = script.block.text
  const i = anchor.list.indexOf(anchor.stmt)
  const prev = anchor.list[i - 1]
  const next = anchor.list[i + 1]
  const gapAfter = next ? hasBlankLine(text, anchor.stmt.end, next.start) : undefined
  const gapBefore = prev ? hasBlankLine(text, prev.end, anchor.stmt.start) : undefined
  return (after ? (gapAfter ?? gapBefore) : (gapBefore ?? gapAfter)) ?? true
}
