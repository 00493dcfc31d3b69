/** The inline scripts of one document, located with parse5 and parsed with acorn lazily. */
import {findInlineScripts} from './html.js'
import type {ScriptBlock} from './types.js'
import {parseScript, type BrokenScript, type ParsedScript} from './js.js'

/**
 * The document's inline scripts, each parsed with acorn on first need and at
 * most once. Cached for the last source seen, so `detectKind` followed by
 * `patch*` on the same text parses once.
 */
export class Scripts {
  readonly blocks: ScriptBlock[]
  private readonly parsed: (ParsedScript | BrokenScript | undefined)[]

  constructor(readonly source: string) {
    this.blocks = findInlineScripts(source)
    this.parsed = this.blocks.map(() => undefined)
  }

  get(i: number): ParsedScript | BrokenScript {
    return (this.parsed[i] ??= parseScript(this.blocks[i]!))
  }

  /**
   * The scripts whose text contains one of `words`, parsed. A script that does
   * not contain a name can neither define nor use it, so the rest are not
   * parsed at all (scripts with `\u` escapes, which can spell identifiers, always are).
   */
  containing(words: readonly string[]): (ParsedScript | BrokenScript)[] {
    const out: (ParsedScript | BrokenScript)[] = []
    this.blocks.forEach((_b, i) => {
      if (words.some((w) => this.has(i, w)) || this.has(i, '\\u')) out.push(this.get(i))
    })
    return out
  }

  private readonly seen = new Map<string, boolean[]>()

  private has(i: number, word: string): boolean {
    let found = this.seen.get(word)
    if (!found) this.seen.set(word, (found = this.blocks.map((b) => b.text.includes(word))))
    return found[i]!
  }

  all(): (ParsedScript | BrokenScript)[] {
    return this.blocks.map((_, i) => this.get(i))
  }
}

// The last document seen: `detectKind` then `patch*` on the same text parse it once.
let cache: Scripts | undefined

export function scriptsOf(source: string): Scripts {
  if (cache?.source !== source) cache = new Scripts(source)
  return cache
}
