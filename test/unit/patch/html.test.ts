/**
 * Locating inline scripts: the masked fast path (html.ts viaMask) must give
 * exactly what parse5 gives on the whole text, or decline.
 */
import {readdirSync, readFileSync, existsSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {findInlineScripts, viaMask} from '../../../src/patch/html.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/patch')

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

describe('findInlineScripts', () => {
  const cases = readdirSync(ROOT, {withFileTypes: true})
    .filter((d) => d.isDirectory() && existsSync(join(ROOT, d.name, 'input.html')))
    .map((d) => d.name)

  it('takes the fast path on the fixtures and agrees with parse5 on the whole text', () => {
    for (const name of cases) {
      const html = readFileSync(join(ROOT, name, 'input.html'), 'utf8')
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
    expect(summary(TRICKY['script data escape']!, false).map((s) => s[4])).toEqual([
      "document.write('<!--<script>nested()</script>-->'); after()",
      'next()',
    ])
    expect(summary(TRICKY.template!, false).map((s) => s[4])).toEqual(['real()'])
    expect(summary(TRICKY['unclosed at EOF']!, false).map((s) => s[4])).toEqual(['open()'])
    expect(summary(TRICKY['src and json']!, false).map((s) => s[4])).toEqual(['c()'])
  })
})
