/**
 * The exact way to find `<script>` elements: parse5's tree builder over the whole
 * text, read back through the elements' source locations. The fast scan
 * (fast-scan/) must agree with it wherever it answers.
 */
import {defaultTreeAdapter, parse} from 'parse5'
import type {FoundScript} from './types.js'

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
      found.push({
        tagStart: loc.startTag.startOffset,
        text: body,
        rootTag: nextRoot.nodeName,
        rootStart: rootLoc.startOffset,
        rootClosed: Boolean(rootLoc.endTag),
      })
      continue
    }
    const children = node.childNodes
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, foreign ? nextRoot : undefined])
    if (node.content) stack.push([node.content, undefined])
  }
  return found
}
