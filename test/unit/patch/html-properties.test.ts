/**
 * Property: on random HTML-ish documents built from the pieces that steer
 * parse5 (text-state tags, script data escapes, foreign content, select,
 * template, frameset, tables, comments, CDATA, odd characters), flat and
 * nested, the fast ways of finding scripts agree exactly with parse5's tree
 * builder on the whole text: the tokenizer-only walk (when it answers), the
 * masked parse (when it answers), and findInlineScripts with and without `exact`.
 */
import fc from 'fast-check'
import {binaryString} from '../../helpers/binary-string.js'
import {describe, expect, it} from 'vitest'
import {viaMask} from '../../../src/patch/fast-scan/mask.js'
import {scriptsByTokens, walkWithCuts} from '../../../src/patch/fast-scan/tokens.js'
import {findInlineScripts} from '../../../src/patch/html.js'
import {scriptElements} from '../../../src/patch/tree.js'
import {evenlySpaced, runs} from '../../helpers/runs.js'

const TEXT_TAGS = ['style', 'noframes', 'noscript', 'xmp', 'iframe', 'noembed', 'title', 'textarea']

/** Pieces the walk models without giving up. */
const MODELLED = [
  // Scripts, as start tags, end tags and whole elements.
  '<script>',
  '<script type="module">',
  '<SCRIPT TYPE="text/javascript">',
  '<script src="a.js">',
  '<script type="application/json">',
  '<script/>',
  "<script data-x='a>b'>",
  '</script>',
  '</SCRIPT >',
  '</script foo="a>b">',
  '</script',
  '</scrip',
  '<script>a()</script>',
  '<script>\r\nb()\r\n</script>',
  // Script data escapes and lookalikes (HTML standard 13.2.5.4 onwards).
  '<!--',
  '-->',
  '--!>',
  '<!-- c -->',
  '<!---->',
  '<!-->',
  '<!',
  '</',
  '<',
  '>',
  '-',
  '<scripty>',
  // Text-state tags.
  ...TEXT_TAGS.flatMap((t) => [`<${t}>`, `</${t}>`, `<${t.toUpperCase()} a="1">`]),
  '<plaintext>',
  // Foreign content.
  '<svg>',
  '</svg>',
  '<svg/>',
  '<math>',
  '</math>',
  '<g>',
  '</g>',
  '<path d="M0 0"/>',
  '<clipPath>',
  '</clippath>',
  '<title>',
  '<desc>',
  '</desc>',
  '<foreignObject>',
  '</foreignObject>',
  '<mi>',
  '</mi>',
  '<mtext>',
  '<font>',
  '<![CDATA[',
  ']]>',
  // Select.
  '<select>',
  '</select>',
  '<option>',
  '</option>',
  '<optgroup>',
  '<hr>',
  '<input>',
  '<keygen>',
  // Other markup.
  '<table>',
  '</table>',
  '<tr>',
  '<td>',
  '</td>',
  '<caption>',
  '<colgroup>',
  '<col>',
  '<tbody>',
  '<div>',
  '</div>',
  '<p>',
  '<b>',
  '</b>',
  '<a href="x">',
  '<html>',
  '</html>',
  '<head>',
  '</head>',
  '<body>',
  '</body>',
  '<frame>',
  '<!DOCTYPE html>',
  '<?php x ?>',
  // Text and odd characters.
  'x',
  'a()',
  ' ',
  '\n',
  '\r\n',
  '\r',
  '\0',
  '&amp;',
  '&lt;',
  '&',
  '"',
  "'",
  '=',
  '/',
  '\ufeff',
  'é😀',
  '\ud800',
]

/** Pieces the walk hands to the tree builder (or that make it do so in some contexts). */
const UNMODELLED = [
  '<template>',
  '</template>',
  '<frameset>',
  '</frameset>',
  '<annotation-xml encoding="text/html">',
  '<font color="red">',
  '</p>',
  '</br>',
  '<span>',
  '<th>',
]

const doc = (pieces: string[], maxLength: number) => fc.array(fc.constantFrom(...pieces), {maxLength}).map((p) => p.join(''))
const anyText = binaryString({maxLength: 12})

/** Elements that nest: the contexts whose rules the walk models (or must hand over). */
const CONTAINERS = [
  ...TEXT_TAGS,
  'svg',
  'math',
  'g',
  'clipPath',
  'title',
  'desc',
  'foreignObject',
  'mi',
  'mtext',
  'annotation-xml encoding="text/html"',
  'font',
  'font color="red"',
  'select',
  'optgroup',
  'option',
  'table',
  'tbody',
  'tr',
  'td',
  'caption',
  'colgroup',
  'div',
  'p',
  'b',
  'template',
  'frameset',
  'head',
  'body',
]

/** Things inside them: scripts of every kind, tags that switch modes, end tags that close contexts. */
const LEAVES = [
  '<script>a()</script>',
  '<script type="module">m()</script>',
  '<SCRIPT src="x.js"></SCRIPT>',
  '<script type="text/plain">t()</script>',
  '<script><!--<script>e()</script>--></script>',
  '<script/>s()</script>',
  '<script>',
  '<![CDATA[<script>c()</script>]]>',
  '<![CDATA[x]]>',
  '<!--<script>no()</script>-->',
  '<path d="M0 0"/>',
  '<svg/>',
  '<input>',
  '<keygen>',
  '<hr>',
  '<col>',
  '<plaintext>',
  '</p>',
  '</br>',
  '</g>',
  '</svg>',
  '</select>',
  '</table>',
  '</td>',
  '</title>',
  '</template>',
  'x',
  '\r\n',
  '\0',
  '&lt;',
]

/** Nested documents: `<tag>children</tag>`, with the end tag sometimes missing, in upper case or the start tag self-closing. */
const nested = fc.letrec<{node: string}>((tie) => ({
  node: fc.oneof(
    {depthSize: 'small'},
    fc.constantFrom(...LEAVES),
    fc
      .tuple(fc.constantFrom(...CONTAINERS), fc.array(tie('node'), {maxLength: 4}), fc.constantFrom('closed', 'closed', 'unclosed', 'upper', 'self-closing'))
      .map(([tag, children, form]) => {
        const name = tag.split(' ')[0]!
        const open = form === 'self-closing' ? `<${tag}/>` : form === 'upper' ? `<${tag.toUpperCase()}>` : `<${tag}>`
        const close = form === 'unclosed' ? '' : form === 'upper' ? `</${name.toUpperCase()}>` : `</${name}>`
        return open + children.join('') + close
      }),
  ),
})).node
const nestedDoc = fc.array(nested, {maxLength: 5}).map((n) => n.join(''))

/** Start tags that open a context, end tags and tags that leave one, and probes whose scripts show which context the parser is in. */
const OPENERS = [
  '<svg>',
  '<math>',
  '<g>',
  '<title>',
  '<desc>',
  '<foreignObject>',
  '<mi>',
  '<annotation-xml encoding="text/html">',
  '<font>',
  '<font color="red">',
  '<select>',
  '<optgroup>',
  '<table>',
  '<tr>',
  '<td>',
  '<caption>',
  '<colgroup>',
  '<template>',
  '<frameset>',
  '<p>',
  '<b>',
  '<head>',
  '<noscript>',
]
const MIDDLES = [
  '</svg>',
  '</g>',
  '</title>',
  '</mi>',
  '</font>',
  '</select>',
  '</table>',
  '</td>',
  '</tr>',
  '</p>',
  '</br>',
  '</template>',
  '</head>',
  '<input>',
  '<keygen>',
  '<hr>',
  '<path/>',
  '<svg/>',
  '<![CDATA[></svg>',
  ']]>',
  '<!-->',
  '</noscript>',
]
const PROBES = [
  '<script>a()</script>',
  '<style><script>b()</script></style>',
  '<title><script>c()</script></title>',
  '<textarea><script>d()</script></textarea>',
  '<noscript><script>e()</script></noscript>',
  '<xmp><script>f()</script></xmp>',
  '<![CDATA[<script>g()</script>]]>',
  '<script>h()',
]

/** Plain markup in the forms the run scanner accepts and the ones just outside them, with scripts and special tags among them. */
const SOUP = [
  '<div>',
  '</div>',
  '<p class="row">',
  '</p>',
  '<li>',
  '<my-el x-y="1">',
  '<div title="a>b">',
  "<div title='x\"y' data-z>",
  '<div\nclass="x"\r\n>',
  '<div/>',
  '<br />',
  '<div / >',
  '<div a=b>',
  '<div =x>',
  '<div a="1"b="2">',
  '</div foo="bar">',
  '<div title="&quot;<script>">',
  '<img src="x"\t/>',
  'text',
  ' > ',
  '\r\n',
  '\r',
  '\0',
  '&amp;',
  '&#x41;',
  '&#65;',
  '&notit;',
  '&amp',
  '&',
  '<',
  '</',
  '<!-- c -->',
  '<!-- <div> -->',
  '<script>a()</script>',
  "<script>x = '<div>' + y; if (a > b) z('</p>')</script>",
  '<script>',
  '</script>',
  '<style>p > a { }</style>',
  '<textarea><div></textarea>',
  '<title>',
  '<svg>',
  '</svg>',
  '<select>',
  '</select>',
  '<table>',
  '<td>',
]

/** Tree-builder result, the reference. */
const exact = (html: string) => findInlineScripts(html, {exact: true})

/** How often the walk over cut text confirmed its cuts and answered. */
const cutStats = {documents: 0, cut: 0, confirmed: 0, answered: 0}

/** Every way that answers agrees with the tree builder; returns whether the tokenizer walk answered. */
function agrees(html: string): boolean {
  cutStats.documents++
  const reference = scriptElements(html)
  const walked = scriptsByTokens(html)
  if (walked) expect(walked).toEqual(reference)
  // Every run of plain markup cut, however short: the cut walk must agree too, or decline.
  const cut = walkWithCuts(html, 1)
  if (cut) {
    cutStats.cut++
    if (cut.confirmed) cutStats.confirmed++
    if (cut.found) {
      cutStats.answered++
      expect(cut.found).toEqual(reference)
    }
    expect(scriptsByTokens(html, 1)).toEqual(walked)
  }
  const masked = viaMask(html)
  if (masked) expect(masked).toEqual(reference)
  expect(findInlineScripts(html)).toEqual(exact(html))
  return walked !== undefined
}

describe('finding scripts on random documents', () => {
  it('flat sequences of the modelled pieces: the tokenizer walk answers, exactly as the tree builder', () => {
    let answered = 0
    let tried = 0
    const withNoise = fc.tuple(doc(MODELLED, 15), anyText, doc(MODELLED, 15)).map((p) => p.join(''))
    fc.assert(
      fc.property(fc.oneof({arbitrary: doc(MODELLED, 30), weight: 4}, {arbitrary: withNoise, weight: 1}), (html) => {
        tried++
        if (agrees(html)) answered++
      }),
      // It answers on about 97% of them: from 100 documents on, a share of 80% or less is not chance.
      runs(3000, {atLeast: 100}),
    )
    // The walk must really be exercised, not give up on most inputs.
    expect(answered / tried).toBeGreaterThan(0.8)
  })

  it('flat sequences with unmodelled pieces too', () => {
    fc.assert(
      fc.property(doc([...MODELLED, ...UNMODELLED, ...UNMODELLED], 30), (html) => {
        agrees(html)
      }),
      runs(2000),
    )
  })

  it('nested documents', () => {
    let answered = 0
    let tried = 0
    fc.assert(
      fc.property(nestedDoc, (html) => {
        tried++
        if (agrees(html)) answered++
      }),
      // About 85% answered: from 30 documents on, 30% or less is not chance.
      runs(4000, {atLeast: 30}),
    )
    expect(answered / tried).toBeGreaterThan(0.3)
  })

  it('every two-step context before every probe', () => {
    const all = OPENERS.flatMap((first) => [...OPENERS, ...MIDDLES].flatMap((second) => PROBES.map((probe) => first + second + probe)))
    let answered = 0
    const tried = evenlySpaced(all, runs(all.length, {atLeast: 500}).numRuns)
    for (const html of tried) if (agrees(html)) answered++
    expect(answered / tried.length).toBeGreaterThan(0.5)
  })

  it('random contexts before probes', () => {
    const context = fc.array(fc.constantFrom(...OPENERS, ...MIDDLES), {minLength: 1, maxLength: 6})
    const probes = fc.array(fc.constantFrom(...PROBES), {minLength: 1, maxLength: 3})
    fc.assert(
      fc.property(context, probes, (c, p) => {
        agrees(c.join('') + p.join(''))
      }),
      runs(4000),
    )
  })

  it('plain markup soup, cut into runs', () => {
    fc.assert(
      fc.property(doc(SOUP, 40), (html) => {
        agrees(html)
      }),
      runs(3000),
    )
  })

  it('the walk over cut text was exercised', () => {
    // Runs after the property tests above (same file, in order).
    // On a good part of all documents, whatever the run count (the fast loop tries fewer).
    expect(cutStats.cut).toBeGreaterThan(cutStats.documents / 4)
    expect(cutStats.answered / cutStats.cut).toBeGreaterThan(0.5)
  })
})
