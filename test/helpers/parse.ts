/** Parsing generated output the way a browser and ORS would: HTML with parse5, scripts with acorn. */
import {parse as parseJs} from 'acorn'
import {parse as parseHtml, type DefaultTreeAdapterMap} from 'parse5'

type Node = DefaultTreeAdapterMap['node']
type Element = DefaultTreeAdapterMap['element']

export function inlineScripts(html: string): string[] {
  const doc = html.trimStart().toLowerCase().startsWith('<!doctype') ? parseHtml(html) : parseHtml(`<!DOCTYPE html><body>${html}`)
  const out: string[] = []
  const walk = (node: Node) => {
    if ((node as Element).tagName === 'script' && !(node as Element).attrs.some((a) => a.name === 'src')) {
      out.push((node as Element).childNodes.map((c) => ('value' in c ? (c as {value: string}).value : '')).join(''))
    }
    const children = (node as Element).childNodes ?? (node as {content?: {childNodes: Node[]}}).content?.childNodes
    for (const child of children ?? []) walk(child)
  }
  walk(doc as unknown as Node)
  return out
}

/** Throws with the script's text position if it does not parse as ES5-compatible script. */
export function parseScript(code: string, ecmaVersion: 5 | 2020 = 2020) {
  return parseJs(code, {ecmaVersion, sourceType: 'script'})
}
