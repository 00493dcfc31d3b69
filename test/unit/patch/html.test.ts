/**
 * Locating inline scripts: the fast scan (fast-scan/: tokens.ts scriptsByTokens,
 * mask.ts viaMask) must give exactly what parse5's tree builder gives on the
 * whole text (tree.ts), or decline. Random documents: html-properties.test.ts.
 */
import {readdirSync, readFileSync, existsSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {fastScan} from '../../../src/patch/fast-scan/index.js'
import {viaMask} from '../../../src/patch/fast-scan/mask.js'
import {scriptsByTokens, walkWithCuts} from '../../../src/patch/fast-scan/tokens.js'
import {findInlineScripts} from '../../../src/patch/html.js'
import {scriptElements} from '../../../src/patch/tree.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/patch')
const REPO = join(dirname(fileURLToPath(import.meta.url)), '../../..')

const summary = (html: string, exact: boolean) => findInlineScripts(html, {exact}).map((b) => [b.tagStart, b.start, b.end, b.module, b.text])

/** Pages where a quick scan is fooled; the fast path must decline or still agree with parse5. */
const TRICKY: Record<string, string> = {
  'commented-out script': '<!-- <script>bad()</script> -->\n<script>good()</script>',
  'script data escape': "<script>document.write('<!--<script>nested()</script>-->'); after()</script><script>next()</script>",
  textarea: '<textarea><script>t()</script></textarea><script>real()</script>',
  title: '<title><script>t()</script></title><script>real()</script>',
  template: '<template><script>inert()</script></template><script>real()</script>',
  svg: '<svg><script>svg()</script></svg><script>real()</script>',
  noscript: '<noscript><script>n()</script></noscript><script>real()</script>',
  style: '<style>/* <script> */</style><script>s()</script>',
  'upper case': '<SCRIPT TYPE="text/javascript">up()</SCRIPT ><Script>mixed()</sCrIpT>',
  'quoted >': '<script data-x="a>b" data-y=\'c>d\'>q()</script>',
  'unquoted quote': '<script data-a=b"c>u()</script>',
  'self-closing': '<script/>x()</script>',
  'unclosed at EOF': '<p>x</p><script>open()',
  'close tag at EOF': '<script>a()</script',
  'lookalike close tags': "<script>'</scripty>'; '</script-'; ok()</script>",
  'CRLF and BOM': '\ufeff<html>\r\n<head><script>\r\nvar a = "é😀";\r\n</script></head>\r\n<body><script type="module">b()</script></body></html>',
  'src and json': '<script src="a.js"></script><script type="application/json">{"a":1}</script><script>c()</script>',
  'in table': '<table><tr><script>t()</script><td>x</td></tr></table>',
  'after body': '<html><body></body></html><script>late()</script>',
}

/** The tokenizer-only walk: documents it reads itself (true) or hands to the tree builder (false). */
const WALK: [name: string, html: string, answers: boolean][] = [
  ...['style', 'noframes', 'noscript', 'xmp', 'iframe', 'noembed', 'title', 'textarea'].flatMap((tag): [string, string, boolean][] => [
    [`${tag} hides a script`, `<${tag}><script>no()</script></${tag}><script>yes()</script>`, true],
    [`${tag} in head`, `<html><head><${tag}><script>no()</script></${tag}><script>yes()</script></head><body></body></html>`, true],
    [`${tag} upper case`, `<${tag.toUpperCase()} a=1><script>no()</script></${tag.toUpperCase()} ><script>yes()</script>`, true],
    [`${tag} self-closing`, `<${tag}/><script>no()</script></${tag}><script>yes()</script>`, true],
    [`${tag} unclosed at EOF`, `<script>yes()</script><${tag}><script>no()</script>`, true],
    [`${tag} end tag lookalikes`, `<${tag}></${tag}x><script>no()</script></${tag}\t><script>yes()</script>`, true],
    [`${tag} in table`, `<table><tr><${tag}><script>no()</script></${tag}><td><script>yes()</script></td></tr></table>`, true],
  ]),
  ['plaintext', '<script>a()</script><plaintext><script>no()</script></plaintext><script>no()</script>', true],
  ['script unclosed at EOF', '<p>x<script>open()', true],
  ['script end tag cut at EOF', '<script>a()</scrip', true],
  ['script end tag with attributes', '<script>a()</script foo="x>y" bar>b<script>c()</script >', true],
  ['script data escaped', "<script><!-- a('</script>') --></script><script>b()</script>", true],
  ['script data double escaped', '<script><!--<script>x()</script>y()--></script><script>z()</script>', true],
  ['script data escape never closed', '<script><!--<script>x()</script>', true],
  ['script in script text', "<script>w('<script>')</script><script>z()</script>", true],
  ['duplicate attributes', '<script type="module" type="text/plain">m()</script><script src="" src=x>s()</script>', true],
  ['attribute with > and quotes', `<script data-a='>' data-b=">'" data-c=x>y>q()</script>`, true],
  ['NUL characters', '<scr\0ipt>a()</script><script>\0b()</script><script t\0ype="module">\0</script>', true],
  ['lone CR and CRLF', '\ufeff<script>\ra()\r\n</script>\r<script type="module">\r\nb()</script\r>', true],
  ['bogus comments and CDATA in HTML', '<?x <script>no()</script> ?><![CDATA[<script>a()</script>]]><!x <script>b()</script>', true],
  ['odd comments', '<!--><script>a()</script><!---><script>b()</script>--><!-- <script>no() --!><script>c()</script>', true],
  ['doctypes', '<!DOCTYPE html PUBLIC "<script>" \'>\'><script>a()</script><!doctype><script>b()</script>', true],
  ['character references', '<title>&lt;script&gt;</title><p title="&quot;>">&amp;<script>a()</script>', true],
  ['foster parenting keeps source order', '<table><script>A()</script><tr><div><script>B()</script></div></tr></table>', true],
  ['after body and html', '<html><body></body></html><script>late()</script><!-- x --><script>later()</script>', true],
  ['frameset-like tags ignored in body', '<p>x</p><frame><script>a()</script>', true],
  ['tag named like an Object.prototype key', '<constructor><script>a()</script><constructor><style><script>no()</script></style>', true],
  // Foreign content (HTML standard 13.2.6.5).
  ['script in svg', '<svg><script>svg()</script><script/></svg><script>real()</script>', true],
  [
    'style and title-less text tags in svg',
    '<svg><style><script>no()</script></style><textarea><script>no()</script></textarea></svg><script>yes()</script>',
    true,
  ],
  ['CDATA in svg', '<svg><![CDATA[<script>no()</script>]]></svg><![CDATA[<script>no()</script>]]><![CDATA[x]]><script>yes()</script>', true],
  ['CDATA in svg never closed', '<svg><![CDATA[<script>no()</script>', true],
  ['self-closing svg and math', '<svg/><style><script>no()</script></style><math/><script>yes()</script>', true],
  ['end tag pops nested foreign elements', '<svg><g><path><clipPath><rect></svg><script>a()</script>', true],
  ['foreign end tags match in lower case', '<svg><clipPath><linearGradient></LINEARgradient></clippath></svg><script>a()</script>', true],
  ['svg title with text', '<svg><title>Icon &amp; &lt;b> x</title><desc>d</desc><path d="M0 0"/></svg><script>a()</script>', true],
  ['svg inside math', '<math><svg><script>no()</script></svg></math><script>yes()</script>', true],
  ['math text integration point with text', '<math><mi>x</mi><script>no()</script><mtext>t</mtext></math><script>yes()</script>', true],
  ['font without attributes in svg', '<svg><font><script>no()</script></font></svg><script>yes()</script>', true],
  ['svg in table', '<table><svg><script>no()</script></svg><tr><td><script>yes()</script></table>', true],
  ['upper-case SVG', '<SVG><SCRIPT>no()</SCRIPT></SVG><script>yes()</script>', true],
  ['svg unclosed at EOF', '<script>a()</script><svg><g><script>no()', true],
  ['start tag in svg title', '<svg><title><script>html()</script></title></svg>', false],
  ['foreignObject content', '<svg><foreignObject><div><script>a()</script></div></foreignObject></svg>', false],
  ['breakout tag in svg', '<svg><div><script>a()</script></div></svg>', false],
  ['font with color in svg', '<svg><font color="red"><script>a()</script></font></svg>', false],
  ['</p> in svg', '<p><svg></p><script>a()</script>', false],
  ['</br> in math', '<math></br><script>a()</script>', false],
  ['end tag of an HTML ancestor in svg', '<div><svg><g></div><script>a()</script>', false],
  ['annotation-xml', '<math><annotation-xml encoding="text/html"><script>a()</script></annotation-xml></math>', false],
  ['start tag in mi', '<math><mi><style>x</style></mi></math>', false],
  // "in select" (HTML standard 13.2.6.4.16).
  ['select ignores text tags', '<select><style><script>a()</script></style><title><noscript><script>b()</script></select><script>c()</script>', true],
  ['select ignores svg', '<select><svg><script>a()</script></svg></select>', true],
  ['select with options', '<select id="s"><option>1<optgroup><option>2</option><hr></optgroup></select><script>a()</script>', true],
  ['textarea closes select', '<select><option><textarea><script>no()</script></textarea><script>yes()</script>', true],
  ['input closes select', '<select><input><style><script>no()</script></style><script>yes()</script>', true],
  ['keygen closes select', '<select><keygen><title><script>no()</script></title>', true],
  ['select closes select', '<select><select><xmp><script>no()</script></xmp><script>yes()</script>', true],
  ['end tags ignored in select', '<select></div></template></option></p><style></select><style><script>no()</script></style>', true],
  ['select closed in a table', '<table><tr><td><select><option>x</select><script>a()</script></td></tr></table>', true],
  ['select unclosed at EOF', '<select><script>a()</script><style>', true],
  ['table tag in select', '<table><tr><td><select><td><style><script>a()</script></style>', false],
  ['table end tag in select', '<table><select></table><style><script>a()</script></style>', false],
  ['template in select', '<select><template><script>a()</script></template></select>', false],
  // Templates and framesets.
  ['template', '<template><script>inert()</script></template><script>real()</script>', false],
  ['template in head', '<head><template><col><textarea><script>a()</script></textarea></template></head>', false],
  ['frameset', '<frameset><noframes><script>no()</script></noframes></frameset><script>a()</script>', false],
]

/**
 * Runs of plain markup cut before the walk (plain-runs.ts), every run however
 * short: documents where the cut scanner guesses the context wrong, so the walk
 * must decline the cuts (and then read the whole text), and ones it gets right.
 */
const CUTS: [name: string, html: string, confirmed: boolean][] = [
  ['rows', '<body><div class="row"><p>Lorem &amp; ipsum</p></div>\n<div class="row"><p>x > y</p></div><script>a()</script><div>z</div></body>', true],
  ['script after a run', '<p>x<b>y</b><script>a()</script>', true],
  ['run up to the end', '<div>x<p>y</p>', true],
  ['tricky attributes', '<div title="a>b">x<p class=\'c"d\' data-e>y</p><br/><my-el x-y="1">z</my-el><script>s()</script>', true],
  ['nested svg', '<svg><svg></svg><g>x<g></g></svg><script>a()</script>', false],
  ['nested math', '<math><math></math><mrow>x<mi></mi></math><script>a()</script>', false],
  ['</select> in a script in a select', "<select><script>'</select>'</script><div>x<input><style><script>a()</script></style>", false],
  ['</script> in an escaped script', '<script><!--<script></script><div>x<p>y</p>--></script><script>a()</script>', false],
  ['<div> in a comment the scanner misreads', '<!x <div>x<p>y</p>><script>a()</script>', false],
  ['<p> in an attribute value the scanner cannot read', '<div a=b title="<p>x<b>y</b>"><script>a()</script>', false],
  ['<p> in an unquoted attribute value, ending the tag', '<div title=a<p>x<b>y</b>><script>a()</script>', true],
]

describe('findInlineScripts', () => {
  const cases = readdirSync(ROOT, {withFileTypes: true})
    .filter((d) => d.isDirectory() && existsSync(join(ROOT, d.name, 'input.html')))
    .map((d) => d.name)

  it('takes the fast paths on the fixtures and agrees with parse5 on the whole text', () => {
    for (const name of cases) {
      const html = readFileSync(join(ROOT, name, 'input.html'), 'utf8')
      expect(scriptsByTokens(html), name).toEqual(scriptElements(html))
      expect(scriptsByTokens(html, 1), name).toEqual(scriptElements(html))
      // multi-script-invite holds a commented-out <script>: the quick scan is fooled, parse5 reads it all.
      if (name === 'multi-script-invite') expect(viaMask(html), name).toBeUndefined()
      else expect(viaMask(html), name).toBeDefined()
      expect(summary(html, false), name).toEqual(summary(html, true))
    }
  })

  for (const [name, html] of Object.entries(TRICKY)) {
    it(`agrees with parse5 on the whole text: ${name}`, () => {
      expect(summary(html, false)).toEqual(summary(html, true))
    })
  }

  it('declines where masking would change the parse', () => {
    for (const name of ['commented-out script', 'textarea', 'title', 'svg', 'noscript', 'style']) expect(viaMask(TRICKY[name]!), name).toBeUndefined()
    for (const name of ['upper case', 'quoted >', 'template', 'unclosed at EOF', 'CRLF and BOM', 'in table']) expect(viaMask(TRICKY[name]!), name).toBeDefined()
  })

  it('finds what the fixtures need', () => {
    expect(summary(TRICKY['script data escape']!, false).map((s) => s[4])).toEqual(["document.write('<!--<script>nested()</script>-->'); after()", 'next()'])
    expect(summary(TRICKY.template!, false).map((s) => s[4])).toEqual(['real()'])
    expect(summary(TRICKY['unclosed at EOF']!, false).map((s) => s[4])).toEqual(['open()'])
    expect(summary(TRICKY['src and json']!, false).map((s) => s[4])).toEqual(['c()'])
  })

  for (const [name, html, answers] of WALK) {
    it(`tokenizer walk ${answers ? 'agrees with' : 'hands over to'} parse5: ${name}`, () => {
      const walked = scriptsByTokens(html)
      if (answers) expect(walked).toEqual(scriptElements(html))
      else expect(walked).toBeUndefined()
      expect(summary(html, false)).toEqual(summary(html, true))
    })
  }

  it('finds what these documents hold', () => {
    const texts = (name: string) => summary(WALK.find((w) => w[0] === name)![1], false).map((s) => s[4])
    expect(texts('textarea hides a script')).toEqual(['yes()'])
    expect(texts('plaintext')).toEqual(['a()'])
    expect(texts('script end tag cut at EOF')).toEqual(['a()</scrip'])
    expect(texts('script in svg')).toEqual(['real()'])
    expect(texts('select ignores text tags')).toEqual(['a()', 'b()', 'c()'])
    expect(texts('select ignores svg')).toEqual(['a()'])
    expect(texts('CDATA in svg')).toEqual(['yes()'])
    // Source order, the order scripts run in (the tree puts the foster-parented div first).
    expect(texts('foster parenting keeps source order')).toEqual(['A()', 'B()'])
  })

  for (const [name, html, confirmed] of CUTS) {
    it(`cut runs ${confirmed ? 'confirmed' : 'declined'}, whole text agrees with parse5: ${name}`, () => {
      const reference = scriptElements(html)
      const walk = walkWithCuts(html, 1)
      expect(walk?.confirmed).toBe(confirmed)
      if (confirmed) expect(walk!.found).toEqual(reference)
      expect(scriptsByTokens(html, 1)).toEqual(reference)
    })
  }

  it('cuts the rows of a big page and confirms every cut', () => {
    const guide = readFileSync(join(ROOT, 'guide-invite/input.html'), 'utf8')
    const at = guide.lastIndexOf('</body>')
    const rows = '<div class="row"><p>Lorem ipsum &amp; dolor, a > b.</p></div>\n'.repeat(2000)
    const html = `${guide.slice(0, at) + rows}<script>x()</script>\n${rows}${guide.slice(at)}`
    expect(walkWithCuts(html, 256)?.confirmed).toBe(true)
    expect(scriptsByTokens(html)).toEqual(scriptElements(html))
  })

  it("answers on the bench's realistic pages (invitation and GMS widget in a CMS page, 2 KB to 200 KB), exactly as parse5", async () => {
    const {patchPages} = await import('../../../bench/patch-pages.mjs')
    const pages: {id: string; content: string}[] = patchPages(REPO)
    expect(pages.map((p) => p.id)).toEqual(['invite-2k', 'invite-50k', 'invite-200k', 'widget-4k', 'widget-50k', 'widget-200k'])
    for (const {id, content} of pages) {
      const reference = scriptElements(content)
      // The tokenizer walk answers by itself (what `npm run bench` measures is the fast way, not a fallback).
      expect(scriptsByTokens(content), id).toEqual(reference)
      expect(fastScan(content), id).toEqual(reference)
      expect(summary(content, false), id).toEqual(summary(content, true))
    }
  })

  it('GWE_INT_PATCH_SCAN=exact turns the fast scan off (the bench baseline)', () => {
    const html = readFileSync(join(ROOT, 'guide-invite/input.html'), 'utf8')
    expect(fastScan(html)).toEqual(scriptElements(html))
    const before = process.env.GWE_INT_PATCH_SCAN
    process.env.GWE_INT_PATCH_SCAN = 'exact'
    try {
      expect(fastScan(html)).toBeUndefined()
      expect(summary(html, false)).toEqual(summary(html, true))
    } finally {
      if (before === undefined) delete process.env.GWE_INT_PATCH_SCAN
      else process.env.GWE_INT_PATCH_SCAN = before
    }
  })

  it('maps offsets across cuts back to the original text', () => {
    const html = `<div>${'<p>row</p>'.repeat(100)}</div><script type="module">m()</script><div>${'<p>row</p>'.repeat(100)}</div><script>open()`
    expect(walkWithCuts(html, 256)?.confirmed).toBe(true)
    expect(scriptsByTokens(html)).toEqual(scriptElements(html))
    expect(summary(html, false).map((s) => s[4])).toEqual(['m()', 'open()'])
  })
})
