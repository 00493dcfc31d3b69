/**
 * The second fast way: parse5's tree builder over the text with the contents of
 * large scripts cut out, used only when parse5 confirms every cut.
 */
import {scriptElements} from '../tree.js'
import type {FoundScript} from '../types.js'
import {cutOut, firstCutAtOrAfter, toOriginal as toOriginalOf} from './cuts.js'

interface Candidate {
  start: number
  end: number
  /** Removed from the text given to parse5. */
  masked: boolean
}

const SCRIPT_OPEN = /<script(?=[\t\n\f\r />])/giy
const SCRIPT_CLOSE = /<\/script(?=[\t\n\f\r />])/gi

/**
 * A quick scan for script contents: each `<script` start tag, up to the first
 * `</script` end tag after it (HTML's script data state, which only behaves
 * otherwise after a `<!--`). Unverified: see viaMask.
 */
function scan(html: string): Candidate[] {
  const out: Candidate[] = []
  let pos = 0
  for (;;) {
    const i = html.indexOf('<', pos)
    if (i < 0) return out
    SCRIPT_OPEN.lastIndex = i
    if (!SCRIPT_OPEN.test(html)) {
      pos = i + 1
      continue
    }
    const start = tagEnd(html, i + 7)
    if (start < 0) return out
    SCRIPT_CLOSE.lastIndex = start
    const close = SCRIPT_CLOSE.exec(html)
    const end = close ? close.index : html.length
    out.push({start, end, masked: !html.slice(start, end).includes('<!--')})
    pos = close ? end + 8 : html.length
  }
}

/** Offset just past the `>` closing the start tag whose attributes begin at `j` (quoted values may hold `>`). */
function tagEnd(html: string, j: number): number {
  let afterEquals = false
  for (; j < html.length; j++) {
    const c = html[j]!
    if (c === '>') return j + 1
    if (c === '=') afterEquals = true
    else if (afterEquals && (c === '"' || c === "'")) {
      const close = html.indexOf(c, j + 1)
      if (close < 0) return -1
      j = close
      afterEquals = false
    } else if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r' && c !== '\f') afterEquals = false
  }
  return -1
}

/**
 * parse5 tokenizes script contents one character at a time, which dominates
 * on script-heavy pages. So the contents found by `scan` are cut out and parse5
 * reads the remaining markup; the result is used only if parse5 confirms every
 * cut: an HTML script element whose content is exactly the (now empty) cut,
 * and no other script spanning one. Up to a confirmed cut both texts are equal,
 * so the parser is in the same state there, and a content without `<!--` ends
 * at the first `</script`, as cut. Otherwise undefined: parse the whole text.
 */
export function viaMask(html: string): FoundScript[] | undefined {
  const cands = scan(html)
  const cuts = cands.filter((c) => c.masked)
  if (cuts.length === 0) return undefined
  const masked = cutOut(html, cuts)
  // A position at a cut is where the cut script content began.
  const toOriginal = (m: number): number => toOriginalOf(masked, m, 'before')
  const out: FoundScript[] = []
  let confirmed = 0
  for (const f of scriptElements(masked.text)) {
    const k = firstCutAtOrAfter(masked, f.start)
    if (k < masked.at.length && masked.at[k] === f.start && f.end === f.start) {
      out.push({...f, start: cuts[k]!.start, end: cuts[k]!.end, tagStart: toOriginal(f.tagStart)})
      confirmed++
    } else if (k < masked.at.length && masked.at[k]! <= f.end) {
      return undefined // a cut inside another script's content: the scan was wrong
    } else {
      out.push({...f, start: toOriginal(f.start), end: toOriginal(f.end), tagStart: toOriginal(f.tagStart)})
    }
  }
  return confirmed === cuts.length ? out : undefined
}
