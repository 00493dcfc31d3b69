/**
 * The fast way to find `<script>` elements: parse5's own tokenizer, driven by a
 * handler that does to the tokenizer exactly what parse5's tree builder would,
 * without building a tree. It models only as much of tree construction as
 * decides the tokenizer's state and which start tags make HTML script elements;
 * on anything it does not model it gives up (undefined) and the caller parses
 * with the tree builder. Rules below are from the WHATWG HTML spec (section 13.2.6 tree
 * construction) as parse5 7.3's parser implements them.
 *
 * Long runs of plain markup are cut out first (plain-runs.ts); the walk confirms
 * each cut, else it reads the whole text.
 */
import {Tokenizer, TokenizerMode, type TokenHandler, type Token} from 'parse5'
import type {FoundScript} from '../types.js'
import {toOriginal, type Cuts} from './cuts.js'
import {runCutter} from './plain-runs.js'

type TagToken = Token.TagToken

/**
 * The tokenizer state the tree builder selects after these start tags in every
 * HTML insertion mode this walk allows, i.e. all but "in select", "in template"
 * and the frameset modes; the self-closing flag does not matter (none is void):
 * - script: "in head" rules, script data state (section 13.2.6.4.4), also reached from
 *   before head, after head, in body, in table, in table body, in row, in caption,
 *   in cell, in column group (after popping the colgroup), after body.
 * - style, noframes; noscript with scripting enabled (parse5's default): RAWTEXT
 *   ("in head" section 13.2.6.4.4, "in body" section 13.2.6.4.7).
 * - xmp, iframe, noembed: RAWTEXT ("in body"); in table modes these are processed
 *   with the "in body" rules (foster parenting changes the tree, not the state).
 * - title (via "in head"), textarea: RCDATA. plaintext: PLAINTEXT.
 */
const TEXT_STATE: ReadonlyMap<string, Tokenizer['state']> = new Map([
  ['script', TokenizerMode.SCRIPT_DATA],
  ['style', TokenizerMode.RAWTEXT],
  ['noframes', TokenizerMode.RAWTEXT],
  ['noscript', TokenizerMode.RAWTEXT],
  ['xmp', TokenizerMode.RAWTEXT],
  ['iframe', TokenizerMode.RAWTEXT],
  ['noembed', TokenizerMode.RAWTEXT],
  ['title', TokenizerMode.RCDATA],
  ['textarea', TokenizerMode.RCDATA],
  ['plaintext', TokenizerMode.PLAINTEXT],
])

/**
 * HTML start tags the walk does not model:
 * - template: its content is inert, and "in template" (section 13.2.6.4.18) can ignore
 *   tokens (e.g. after `<col>`).
 * - frameset: "in frameset" / "after frameset" ignore most start tags, and a
 *   frameset in body may detach the body with its scripts.
 */
const HTML_GIVE_UP = new Set(['template', 'frameset'])

/**
 * Cuts runs of plain markup: start tags other than these the walk ignores
 * outside foreign content and select (they change neither the tokenizer state
 * nor the modes it tracks); end tags it always ignores there.
 */
const cutPlainRuns = runCutter([...TEXT_STATE.keys(), ...HTML_GIVE_UP, 'svg', 'math', 'select'])

/** Runs shorter than this are not worth a cut. */
const MIN_RUN = 256

/**
 * Table tags in "in select in table" (section 13.2.6.4.17) close the select, in "in
 * select" they are ignored; telling the two apart needs the table state.
 */
const SELECT_IN_TABLE_EXITS = new Set(['caption', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'td', 'th'])

/** Start tags that leave foreign content (section 13.2.6.5), plus `font` with color, face or size. */
const FOREIGN_EXITS = new Set(
  'b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul var'.split(
    ' ',
  ),
)

/** HTML integration points in SVG and MathML text integration points (section 13.2.6 "tree construction dispatcher"). */
const INTEGRATION_POINTS = {svg: new Set(['foreignobject', 'desc', 'title']), math: new Set(['mi', 'mo', 'mn', 'ms', 'mtext'])}

/** An open foreign element (all share the namespace of the `<svg>` or `<math>` that opened them). */
interface ForeignElement {
  name: string
  /** An integration point: the next start tag would follow HTML rules (not modelled). */
  integration: boolean
}

/**
 * parse5's tokenizer minus character tokens: the walk needs none, and building
 * them (a string per run of text, grown one character at a time) is a large part
 * of the tokenizer's cost. Every character token is created through these two
 * methods, which only emit and never change the state. Should a parse5 update
 * rename them, these overrides are simply unused: slower, still exact.
 */
class TagTokenizer extends Tokenizer {
  protected override _emitCodePoint(): void {}
  protected override _emitChars(): void {}
}

class ScriptWalk implements TokenHandler {
  readonly found: FoundScript[] = []
  gaveUp = false
  /** Passed a cut that was not confirmed: the result is void. */
  unconfirmed = false
  /** The next cut to confirm. */
  private cut = 0
  private readonly cutAt: readonly number[]
  /** The script whose content the tokenizer is reading. */
  private open: FoundScript | undefined
  /** In "in select" insertion mode (section 13.2.6.4.16). */
  private inSelect = false
  /** Open foreign elements, outermost first; non-empty while in foreign content. */
  private foreign: ForeignElement[] = []
  private ns: 'svg' | 'math' = 'svg'
  // Also tells the preprocessor to skip its per-character checks for parse errors.
  onParseError = null
  readonly tokenizer = new TagTokenizer({sourceCodeLocationInfo: true}, this)

  /** Reads `text`, which is `html` or `html` with `cuts`. */
  constructor(
    readonly text: string,
    private readonly html: string,
    private readonly cuts?: Cuts,
  ) {
    this.cutAt = cuts?.at ?? []
  }

  run(): this {
    this.tokenizer.write(this.text, true)
    return this
  }

  private giveUp(): void {
    this.gaveUp = true
    this.tokenizer.pause()
  }

  /** Original offset of a position in the text read. */
  private orig(m: number): number {
    // A position at a cut is just after its run (the run followed the anchor tag).
    return this.cuts ? toOriginal(this.cuts, m, 'after') : m
  }

  /**
   * Before each token: a token starting at or after the next cut means the walk
   * passed it without confirming it (the cut text may read differently).
   */
  private passedCut(token: Token.Token): boolean {
    if (this.cut < this.cutAt.length && token.location!.startOffset >= this.cutAt[this.cut]!) {
      this.unconfirmed = true
      this.tokenizer.pause()
    }
    return this.unconfirmed
  }

  /**
   * After a tag: a cut just after it is confirmed when the tokenizer is now in the
   * data state with no foreign content or select open (see plain-runs.ts).
   */
  private confirmCut(token: TagToken, dataState: boolean): void {
    if (this.cut < this.cutAt.length && token.location!.endOffset === this.cutAt[this.cut]) {
      if (dataState && !this.gaveUp && !this.open && this.foreign.length === 0 && !this.inSelect) this.cut++
    }
  }

  onStartTag(token: TagToken): void {
    if (this.passedCut(token)) return
    // Tag names are lower case (tag name state, section 13.2.5.8).
    if (this.foreign.length > 0) this.foreignStartTag(token)
    else if (this.inSelect) this.selectStartTag(token)
    else this.htmlStartTag(token)
    this.confirmCut(token, this.tokenizer.state === TokenizerMode.DATA)
  }

  private htmlStartTag(token: TagToken): void {
    const name = token.tagName
    if (HTML_GIVE_UP.has(name)) return this.giveUp()
    if (name === 'svg' || name === 'math') {
      // "in body": a foreign element, not pushed when self-closing (section 13.2.6.4.7).
      if (!token.selfClosing) this.pushForeign(name, name)
      return
    }
    // "in body": select always switches to "in select" or "in select in table".
    if (name === 'select') this.inSelect = true
    const state = TEXT_STATE.get(name)
    if (state === undefined) return
    this.tokenizer.state = state
    if (name === 'script') {
      const loc = token.location!
      this.open = {attrs: token.attrs, tagStart: this.orig(loc.startOffset), start: this.orig(loc.endOffset), end: -1, inert: false}
    }
  }

  /** "in select" (section 13.2.6.4.16); the select is always in select scope there (only option/optgroup can be above it). */
  private selectStartTag(token: TagToken): void {
    const name = token.tagName
    if (name === 'template' || SELECT_IN_TABLE_EXITS.has(name)) return this.giveUp()
    if (name === 'script') return this.htmlStartTag(token)
    if (name === 'select' || name === 'input' || name === 'keygen' || name === 'textarea') {
      // Pops the select; input, keygen, textarea are then reprocessed (textarea: RCDATA).
      this.inSelect = false
      if (name === 'textarea') this.htmlStartTag(token)
    }
    // Anything else is ignored, including style, title, svg, math, ... (no state switch).
  }

  /** "rules for parsing tokens in foreign content" (section 13.2.6.5), start tags. */
  private foreignStartTag(token: TagToken): void {
    const name = token.tagName
    // Under an integration point, start tags follow HTML rules (not modelled).
    if (this.foreign.at(-1)!.integration) return this.giveUp()
    if (FOREIGN_EXITS.has(name) || (name === 'font' && token.attrs.some((a) => a.name === 'color' || a.name === 'face' || a.name === 'size')))
      return this.giveUp()
    // MathML annotation-xml may be an HTML integration point depending on its encoding, and treats <svg> specially.
    if (name === 'annotation-xml') return this.giveUp()
    // A foreign element in the current namespace (script, style, title, ... included: no state switch).
    if (!token.selfClosing) this.pushForeign(this.ns, name)
  }

  private pushForeign(ns: 'svg' | 'math', name: string): void {
    this.ns = ns
    this.foreign.push({name, integration: INTEGRATION_POINTS[ns].has(name)})
    this.foreignChanged()
  }

  /** The tokenizer recognises CDATA sections only when the current node is foreign and not an integration point. */
  private foreignChanged(): void {
    const top = this.foreign.at(-1)
    this.tokenizer.inForeignNode = top !== undefined && !top.integration
  }

  onEndTag(token: TagToken): void {
    if (this.passedCut(token)) return
    this.endTag(token)
    // The tokenizer is in the data state after every end tag.
    this.confirmCut(token, true)
  }

  private endTag(token: TagToken): void {
    // In script data only the matching `</script` end tag leaves the state (section 13.2.5.4), so the next end tag closes it.
    if (this.open) return this.close(this.orig(token.location!.startOffset))
    const name = token.tagName
    if (this.foreign.length > 0) {
      // parse5's endTagInForeignContent: </p> and </br> go to the HTML rules; otherwise the
      // nearest open foreign element of that (lower-cased) name is popped with everything
      // above it, and reaching an HTML element hands the token to the HTML rules.
      if (name === 'p' || name === 'br') return this.giveUp()
      let i = this.foreign.length - 1
      while (i >= 0 && this.foreign[i]!.name !== name) i--
      if (i < 0) return this.giveUp()
      this.foreign.length = i
      this.foreignChanged()
    } else if (this.inSelect) {
      if (SELECT_IN_TABLE_EXITS.has(name)) return this.giveUp()
      if (name === 'select') this.inSelect = false
    }
    // Other end tags never change the tokenizer state or create elements.
  }

  // Without an end tag, script data runs to the end of the input (as tree.ts scriptElements reads the tree).
  onEof(token: Token.EOFToken): void {
    if (this.passedCut(token)) return
    if (this.open) this.close(this.html.length)
  }

  private close(end: number): void {
    this.open!.end = end
    this.found.push(this.open!)
    this.open = undefined
  }

  onComment(token: Token.CommentToken): void {
    this.passedCut(token)
  }

  onDoctype(token: Token.DoctypeToken): void {
    this.passedCut(token)
  }

  onCharacter(): void {}
  onNullCharacter(): void {}
  onWhitespaceCharacter(): void {}
}

/**
 * HTML-namespace `<script>` elements in source order, or undefined where only
 * the tree builder can tell. `minRun`: the shortest run of plain markup cut out
 * (tests lower it to cut small documents).
 */
export function scriptsByTokens(html: string, minRun = MIN_RUN): FoundScript[] | undefined {
  const cuts = cutPlainRuns(html, minRun)
  // Every cut confirmed: the walk read the cut text as it would the whole one, up to where it gave up, if it did.
  const walk = (cuts && walkCut(html, cuts)) || new ScriptWalk(html, html).run()
  return walk.gaveUp ? undefined : walk.found
}

/** The walk over the text with `cuts`, unless a cut could not be confirmed. */
function walkCut(html: string, cuts: Cuts): ScriptWalk | undefined {
  const walk = new ScriptWalk(cuts.text, html, cuts).run()
  return walk.unconfirmed ? undefined : walk
}

/** For tests: the walk over the text with runs of at least `minRun` cut, and whether it confirmed them all (undefined: nothing to cut). */
export function walkWithCuts(html: string, minRun: number): {found: FoundScript[] | undefined; confirmed: boolean} | undefined {
  const cuts = cutPlainRuns(html, minRun)
  if (!cuts) return undefined
  const walk = new ScriptWalk(cuts.text, html, cuts).run()
  return {found: walk.gaveUp || walk.unconfirmed ? undefined : walk.found, confirmed: !walk.unconfirmed}
}
