/**
 * Locates the inline classic/module JavaScript blocks of an HTML document with
 * parse5's source locations. Offsets are indices into the original string, so
 * CRLF, a BOM and everything outside the scripts are never touched.
 *
 * Two ways, each exact where it answers: the fast scan (fast-scan/, for large
 * pages), which may decline, then parse5's tree builder on the whole text (tree.ts).
 */
import {fastScan} from './fast-scan/index.js'
import {scriptElements} from './tree.js'
import type {FoundScript, ScriptBlock} from './types.js'

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

/**
 * Inline JavaScript `<script>` blocks in source order (no `src`, JS or empty
 * `type`, HTML namespace, not inside `<template>`). `exact`: always the full
 * tree-builder parse, which the faster ways must match.
 */
export function findInlineScripts(html: string, opts: {exact?: boolean} = {}): ScriptBlock[] {
  const found = opts.exact ? scriptElements(html) : (fastScan(html) ?? scriptElements(html))
  return found.flatMap((f) => {
    const block = f.inert ? undefined : toBlock(html, f)
    return block ? [block] : []
  })
}

function toBlock(html: string, f: FoundScript): ScriptBlock | undefined {
  const attrs = f.attrs
  if (attrs.some((a) => a.name === 'src')) return undefined
  const typeAttr = attrs.find((a) => a.name === 'type')
  const type = (typeAttr?.value ?? '').split(';')[0]!.trim().toLowerCase()
  if (!JS_TYPES.has(type)) return undefined
  return {start: f.start, end: f.end, text: html.slice(f.start, f.end), module: type === 'module', tagStart: f.tagStart}
}
