/**
 * Locates the inline classic/module JavaScript blocks of an HTML document with
 * parse5's source locations. Offsets are indices into the original string, so
 * CRLF, a BOM and everything outside the scripts are never touched.
 *
 * Three ways, each exact where it answers: parse5's tokenizer alone
 * (script-tokens.ts), which declines on foreign content, templates, selects and
 * framesets; parse5's tree builder with large script contents cut out when it
 * can confirm the cuts (viaMask); parse5's tree builder on the whole text.
 */
import {defaultTreeAdapter, parse} from 'parse5'
import {cutOut, firstCutAtOrAfter, toOriginal as toOriginalOf} from './cuts.js'
import {scriptsByTokens} from './script-tokens.js'

export interface ScriptBlock {
  /** Offset of the first character of the script text (just after `<script ...>`). */
  start: number
  /** Offset just past the last character of the script text (the `<` of `</script>`, or end of input). */
  end: number
  /** The raw script text, `source.slice(start, end)`. */
  text: string
  /** `type="module"`. */
  module: boolean
  /** Offset of the `<script` start tag, for messages. */
  tagStart: number
}

/** HTML's JavaScript MIME type essences (WHATWG MIME Sniffing section 4.6). */
const JS_TYPES = new Set([
  '',
  'module',
  'application/ecmascript',
  'application/javascript',
  'application/x-ecmascript',
  'application/x-javascript',
  'text/ecmascript',
  'text/javascript',
  'text/javascript1.0',
  'text/javascript1.1',
  'text/javascript1.2',
  'text/javascript1.3',
  'text/javascript1.4',
  'text/javascript1.5',
  'text/jscript',
  'text/livescript',
  'text/x-ecmascript',
  'text/x-javascript',
])

const HTML_NS = 'http://www.w3.org/1999/xhtml'

interface P5Node {
  nodeName: string
  content?: P5Node
  namespaceURI?: string
  attrs?: {name: string; value: string}[]
  childNodes?: P5Node[]
  sourceCodeLocation?: {
    startOffset: number
    endOffset: number
    startTag?: {startOffset: number; endOffset: number}
    endTag?: {startOffset: number; endOffset: number}
  } | null
}

/**
 * The default tree adapter, minus the source locations of text nodes: the
 * default adapter copies a text node's location object for every character
 * token, which dominates the cost (and the garbage) of parsing large inline
 * scripts. Element locations, all this module reads, are kept.
 */
const adapter: typeof defaultTreeAdapter = {
  ...defaultTreeAdapter,
  setNodeSourceCodeLocation(node, location) {
    if (node.nodeName !== '#text') node.sourceCodeLocation = location
  },
  updateNodeSourceCodeLocation(node, endLocation) {
    if (node.nodeName !== '#text' && node.sourceCodeLocation) Object.assign(node.sourceCodeLocation, endLocation)
  },
}

/** A `<script>` element (HTML namespace) with its content range. */
export interface FoundScript {
  attrs: {name: string; value: string}[]
  start: number
  end: number
  tagStart: number
  /** Inside `<template>` content: inert, never a patch target. */
  inert: boolean
}

/**
 * parse5 over `text`: every HTML-namespace script element, in source order.
 * Tree order can differ (an element foster-parented out of a table comes before
 * the table's own scripts); source order is the order scripts run in and the
 * order the tokenizer-only walk sees them.
 */
export function scriptElements(text: string): FoundScript[] {
  const doc = parse(text, {sourceCodeLocationInfo: true, treeAdapter: adapter}) as unknown as P5Node
  const found: FoundScript[] = []
  // Iterative walk: deep documents must not overflow the stack.
  const stack: [P5Node, boolean][] = [[doc, false]]
  while (stack.length > 0) {
    const [node, inert] = stack.pop()!
    const loc = node.sourceCodeLocation
    if (node.nodeName === 'script' && node.namespaceURI === HTML_NS && loc?.startTag) {
      // Without an end tag, script data runs to the end of the input (HTML section 13.2.5.4).
      const end = loc.endTag ? loc.endTag.startOffset : text.length
      found.push({attrs: node.attrs ?? [], start: loc.startTag.endOffset, end, tagStart: loc.startTag.startOffset, inert})
      continue
    }
    const children = node.childNodes
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, inert])
    if (node.content) stack.push([node.content, true])
  }
  return found.sort((a, b) => a.tagStart - b.tagStart)
}

/** A `<script>` the HTML parser put in SVG or MathML (an `<svg>` left open swallows the scripts after it). */
export interface ForeignScript {
  tagStart: number
  text: string
  /** The `<svg>`/`<math>` start tag it sits in, and whether that element has an end tag. */
  rootTag: string
  rootStart: number
  rootClosed: boolean
}

/**
 * Scripts in foreign content, for a message: browsers run an SVG `<script>` too, but read
 * its text as SVG (character references decoded, CDATA sections), so gwe-int does not edit
 * one. Only called when a patch target was not found (the full tree parse is the slow way).
 */
export function foreignScripts(text: string): ForeignScript[] {
  const doc = parse(text, {sourceCodeLocationInfo: true, treeAdapter: adapter}) as unknown as P5Node
  const found: ForeignScript[] = []
  const stack: [P5Node, P5Node | undefined][] = [[doc, undefined]]
  while (stack.length > 0) {
    const [node, root] = stack.pop()!
    const loc = node.sourceCodeLocation
    const foreign = node.namespaceURI !== undefined && node.namespaceURI !== HTML_NS
    const nextRoot = root ?? (foreign ? node : undefined)
    if (node.nodeName === 'script' && foreign && loc?.startTag && nextRoot?.sourceCodeLocation) {
      const body = (node.childNodes ?? []).map((c) => (c as P5Node & {value?: string}).value ?? '').join('')
      const rootLoc = nextRoot.sourceCodeLocation as {startOffset: number; endTag?: unknown}
      found.push({tagStart: loc.startTag.startOffset, text: body, rootTag: nextRoot.nodeName, rootStart: rootLoc.startOffset, rootClosed: Boolean(rootLoc.endTag)})
      continue
    }
    const children = node.childNodes
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, foreign ? nextRoot : undefined])
    if (node.content) stack.push([node.content, undefined])
  }
  return found
}

/**
 * Inline JavaScript `<script>` blocks in source order (no `src`, JS or empty
 * `type`, HTML namespace, not inside `<template>`). `exact`: always the full
 * tree-builder parse, which the faster ways must match.
 */
export function findInlineScripts(html: string, opts: {exact?: boolean} = {}): ScriptBlock[] {
  const found = opts.exact ? scriptElements(html) : (scriptsByTokens(html) ?? viaMask(html) ?? scriptElements(html))
  return found.flatMap((f) => {
    const block = f.inert ? undefined : toBlock(html, f)
    return block ? [block] : []
  })
}

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

function toBlock(html: string, f: FoundScript): ScriptBlock | undefined {
  const attrs = f.attrs
  if (attrs.some((a) => a.name === 'src')) return undefined
  const typeAttr = attrs.find((a) => a.name === 'type')
  const type = (typeAttr?.value ?? '').split(';')[0]!.trim().toLowerCase()
  if (!JS_TYPES.has(type)) return undefined
  return {start: f.start, end: f.end, text: html.slice(f.start, f.end), module: type === 'module', tagStart: f.tagStart}
}
