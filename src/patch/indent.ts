/**
 * Whitespace style: line endings and indentation unit, detected from the text
 * being patched, and re-indentation of inserted code to match it.
 */

/** The dominant line ending of `text`, or undefined when it has none. */
export function detectEol(text: string): '\n' | '\r\n' | undefined {
  let crlf = 0
  let lf = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++
    else lf++
  }
  if (crlf === 0 && lf === 0) return undefined
  return crlf > lf ? '\r\n' : '\n'
}

/** Splits on any line ending (CRLF, LF or lone CR). */
export function splitLines(text: string): string[] {
  const lines: string[] = []
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 10 || c === 13) {
      lines.push(text.slice(start, i))
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++
      start = i + 1
    }
  }
  lines.push(text.slice(start))
  return lines
}

const leading = (line: string): string => {
  let i = 0
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++
  return line.slice(0, i)
}

/**
 * The indentation unit of `text` ('\t' or N spaces), or undefined when no line
 * is indented. Spaces: the most frequent non-zero change of indentation width
 * between consecutive code lines (the detect-indent approach); lines that
 * continue a block comment (` * ...`) are ignored.
 */
export function detectIndentUnit(text: string): string | undefined {
  let tabLines = 0
  let spaceLines = 0
  const deltas = new Map<number, number>()
  let prev = 0
  for (const line of splitLines(text)) {
    const ws = leading(line)
    const rest = line.slice(ws.length)
    if (rest === '' || rest.startsWith('*')) continue
    if (ws.startsWith('\t')) {
      tabLines++
      continue
    }
    if (ws.length > 0) spaceLines++
    const width = ws.length
    const delta = Math.abs(width - prev)
    if (delta > 0 && delta <= 8) deltas.set(delta, (deltas.get(delta) ?? 0) + 1)
    prev = width
  }
  if (tabLines > spaceLines) return '\t'
  let best = 0
  let bestCount = 0
  for (const [delta, count] of deltas) {
    if (count > bestCount || (count === bestCount && delta > best)) {
      best = delta
      bestCount = count
    }
  }
  return best > 0 ? ' '.repeat(best) : undefined
}

/** Leading whitespace of the line of `text` that contains `offset`. */
export function lineIndentAt(text: string, offset: number): string {
  let start = offset
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--
  return leading(text.slice(start, Math.min(text.length, start + 200)))
}

export interface ReindentOptions {
  /** Indentation prefixed to every non-blank line. */
  base: string
  /** Target indentation unit. */
  unit: string
  /** Target line ending. */
  eol: string
  /** Line numbers (0-based) to copy verbatim, e.g. lines inside template literals. */
  verbatim?: ReadonlySet<number>
}

/**
 * Re-indents `source` (any line endings, 0 base indentation, its own unit) to
 * `base` + levels of `unit`, joined with `eol`. Blank lines carry no
 * whitespace. Every line, the first included, gets `base`.
 */
export function reindent(source: string, opts: ReindentOptions): string {
  const lines = splitLines(source)
  const srcUnit = detectIndentUnit(source) ?? '    '
  return lines
    .map((line, i) => {
      if (opts.verbatim?.has(i)) return line
      const ws = leading(line)
      const rest = line.slice(ws.length)
      if (rest === '') return ''
      let level: number
      let remainder: number
      if (srcUnit === '\t') {
        const tabs = ws.length - ws.replace(/^\t+/, '').length
        level = tabs
        remainder = ws.length - tabs
      } else {
        const width = ws.replace(/\t/g, srcUnit).length
        level = Math.floor(width / srcUnit.length)
        remainder = width % srcUnit.length
      }
      return opts.base + opts.unit.repeat(level) + ' '.repeat(remainder) + rest
    })
    .join(opts.eol)
}
