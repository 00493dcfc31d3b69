/**
 * The shared visitor stylesheet (templates/shared/partials/style.css.hbs) and the
 * colour arithmetic behind it (src/render/css-color.ts): scoped so it cannot leak into a
 * customer page, self-contained, and AA contrast for any accent colour.
 */
import {describe, expect, it} from 'vitest'
import {accentPalette, contrast, DEFAULT_ACCENT, parseCssColor} from '../../src/render/css-color.js'
import {buildContext} from '../../src/core/integration/template-context.js'
import {integrationSchema, resolveIntegration} from '../../src/core/integration/integration.js'
import {loadTemplates} from '../../src/render/templates.js'

const context = buildContext(resolveIntegration(integrationSchema.parse({name: 'support', media: 'gms-chat', host: 'https://gms.example.com'})))
const css = loadTemplates().render('shared/style.css', context)

/** Top-level and @media-nested selectors of a flat stylesheet (no nested rules besides @media). */
function selectors(text: string): string[] {
  const body = text.replace(/\/\*[\s\S]*?\*\//g, '')
  const out: string[] = []
  const re = /([^{}]+)\{/g
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const head = m[1].trim()
    if (head.startsWith('@')) continue
    out.push(...head.split(',').map((s) => s.trim()))
  }
  return out
}

describe('shared stylesheet', () => {
  it('scopes every selector under .gwe-int', () => {
    const list = selectors(css)
    expect(list.length).toBeGreaterThan(40)
    expect(list.filter((s) => !/^(body)?\.gwe-int(\b|-)/.test(s))).toEqual([])
    // Every class it styles carries the gwe-int- prefix.
    const classes = [...css.matchAll(/\.([A-Za-z][\w-]*)/g)].map((m) => m[1])
    expect(classes.filter((c) => c !== 'gwe-int' && !c.startsWith('gwe-int-'))).toEqual([])
  })

  it('loads nothing from outside: no url(), @import or @font-face', () => {
    expect(css).not.toMatch(/url\(|@import|@font-face/i)
  })

  it('sets the accent colours from the context as custom properties', () => {
    expect(css).toContain(`--gwe-int-accent: ${DEFAULT_ACCENT};`)
    expect(css).toContain('--gwe-int-accent-text: #ffffff;')
    expect(css).toMatch(/font-family: system-ui/)
    expect(css).toMatch(/:focus-visible[^{]*\{\s*outline: 3px solid/)
  })

  it('keeps the text colours of the palette at 4.5:1 or more on white and on the surface', () => {
    const vars = Object.fromEntries([...css.matchAll(/--gwe-int-([\w-]+): (#[0-9a-f]{6});/g)].map((m) => [m[1], parseCssColor(m[2])!]))
    for (const name of ['ink', 'muted', 'error', 'ok', 'accent-ink']) {
      expect(contrast(vars[name], vars.bg), name).toBeGreaterThanOrEqual(4.5)
      expect(contrast(vars[name], vars.surface), name).toBeGreaterThanOrEqual(4.5)
    }
    expect(contrast(vars.error, vars['error-bg'])).toBeGreaterThanOrEqual(4.5)
    expect(contrast(vars.ok, vars['ok-bg'])).toBeGreaterThanOrEqual(4.5)
    expect(contrast(vars['accent-text'], vars.accent)).toBeGreaterThanOrEqual(4.5)
    // Input borders and focus rings: 3:1 against white (non-text contrast).
    expect(contrast(vars.line, vars.bg)).toBeGreaterThanOrEqual(3)
  })

  it('fails rendering when the accent is not a colour', () => {
    expect(() => loadTemplates().render('shared/style.css', {...context, brand: {...context.brand, accent: 'red;}body{display:none'}})).toThrow(
      /not a CSS colour/,
    )
  })
})

describe('CSS colours', () => {
  it.each([
    ['#1f5eb8', '#1f5eb8'],
    ['#ABC', '#aabbcc'],
    ['#0000ff80', '#7f7fff'],
    ['navy', '#000080'],
    ['RebeccaPurple', '#663399'],
    ['rgb(255, 0, 0)', '#ff0000'],
    ['rgb(0 128 0 / 100%)', '#008000'],
    ['rgba(100%, 0%, 0%, 0.5)', '#ff8080'],
    ['hsl(240 100% 25%)', '#000080'],
    ['hsl(0.5turn, 100%, 50%)', '#00ffff'],
  ])('%s is %s (alpha over white)', (input, hex) => {
    expect(accentPalette(input).accent).toBe(hex)
  })

  it.each(['', 'blu', '#12', '#12345', 'rgb(1, 2)', 'rgb(10%, 2, 3)', 'red; color: blue', 'url(x)', 'var(--x)', 'transparent', 'currentcolor', 'hsl(1, 2, 3)'])(
    '%j is not a colour',
    (input) => {
      expect(parseCssColor(input)).toBeUndefined()
    },
  )

  it.each(['yellow', '#777', 'white', 'black', 'lime', '#ff0000', '#0000ff', 'hsl(60 100% 90%)'])('%s gets an AA palette', (input) => {
    const p = accentPalette(input)
    const surface = parseCssColor('#f6f8fa')!
    expect(contrast(parseCssColor(p.accentText)!, parseCssColor(p.accent)!)).toBeGreaterThanOrEqual(4.5)
    expect(contrast(parseCssColor(p.accentInk)!, surface)).toBeGreaterThanOrEqual(4.5)
  })
})
