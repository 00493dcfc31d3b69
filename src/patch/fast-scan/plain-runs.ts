/**
 * Long runs of plain markup (text and tags that change nothing for the script
 * walk, like the rows of a big page), cut out before the tokenizer runs: on
 * large pages the tokenizer spends most of its time on them.
 *
 * A run starts right after a plain tag (the anchor) and is a sequence of units,
 * each some text then one plain tag. Read from the data state, a unit is
 * character data (section 13.2.5.1; `&...;` character references return to the data
 * state) followed by one tag token that leaves the tokenizer in the data state
 * (section 13.2.5.6 onwards: the patterns below accept only names, attributes without
 * values or with quoted ones, which the tag states read in one way). So if the
 * tokenizer is in the data state right after the anchor, with no foreign content
 * or select open, the run produces only character data and plain tags, and the
 * text after the run is read in the same state with or without the run. The walk
 * confirms that condition at every anchor (tokens.ts); this scan only
 * guesses where it will hold, skipping what it can tell is not plain markup.
 */

import {cutOut, type Cuts} from './cuts.js'

const COMMENT_END = /-->/g

/** Elements whose content the scan skips, to the first end tag of the same name. */
const SKIP_CONTENT = ['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'svg', 'math', 'select']

/**
 * A function cutting the runs of at least `minRun` characters from a text
 * (undefined when there are none). `special`: the start tag names (lower case)
 * that are not plain for the walk; end tags are all plain.
 */
export function runCutter(special: readonly string[]): (html: string, minRun: number) => Cuts | undefined {
  const ws = '[\\t\\n\\f\\r ]'
  const attrs = `(?:${ws}+[a-z_:][-a-z0-9_:.]*(?:${ws}*=${ws}*(?:"[^"]*"|'[^']*'))?)*${ws}*/?>`
  const name = `(?:/[a-z][a-z0-9-]*|(?!(?:${special.join('|')})(?![a-z0-9-]))[a-z][a-z0-9-]*)`
  // One plain tag; then up to 256 units (text, then a plain tag), bounded to keep the regexp's backtracking stack small.
  const tag = new RegExp(`<${name}${attrs}`, 'iy')
  const units = new RegExp(`(?:[^<&\\0]*(?:&#?[a-z0-9]+;[^<&\\0]*)*<${name}${attrs}){1,256}`, 'iy')
  const skip = new RegExp(`<(?:!--|(${SKIP_CONTENT.join('|')})(?=[\\t\\n\\f\\r />])|(${special.join('|')})(?=[\\t\\n\\f\\r />]))`, 'iy')
  const closers = new Map(SKIP_CONTENT.map((n) => [n, new RegExp(`</${n}`, 'gi')]))

  return (html, minRun) => {
    const runs: {start: number; end: number}[] = []
    let pos = 0
    for (;;) {
      const i = html.indexOf('<', pos)
      if (i < 0) break
      skip.lastIndex = i
      const s = skip.exec(html)
      if (s) {
        if (s[2] !== undefined) break // template, frameset, plaintext: nothing to gain after them
        // A comment, or an element whose content is not markup or not read as HTML: skip to its end.
        const closer = s[1] === undefined ? COMMENT_END : closers.get(s[1].toLowerCase())!
        closer.lastIndex = i + 2
        if (!closer.exec(html)) break
        pos = closer.lastIndex
        continue
      }
      tag.lastIndex = i
      if (!tag.test(html)) {
        pos = i + 1
        continue
      }
      const start = tag.lastIndex
      let end = start
      for (units.lastIndex = end; units.test(html); units.lastIndex = end) end = units.lastIndex
      if (end - start >= minRun) runs.push({start, end})
      pos = end
    }
    return runs.length === 0 ? undefined : cutOut(html, runs)
  }
}
