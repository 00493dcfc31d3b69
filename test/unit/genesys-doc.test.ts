/**
 * docs/genesys.md is the reference the generated TODO comments link to: one section per
 * contract under a fixed anchor, each naming its public sources and how sure each fact is.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {GENESYS_ANCHORS, genesysDocAnchors} from '../helpers/genesys-doc.js'
import {ROOT} from '../helpers/files.js'

const doc = fs.readFileSync(path.join(ROOT, 'docs/genesys.md'), 'utf8')

/** The text of each section, keyed by its anchor. */
function sections(): Map<string, string> {
  const parts = doc.split(/^<a id="([^"]+)"><\/a>\n/m)
  const map = new Map<string, string>()
  for (let i = 1; i < parts.length; i += 2) map.set(parts[i], parts[i + 1])
  return map
}

describe('docs/genesys.md', () => {
  it('has exactly the anchors the generated files may link to, each once', () => {
    const ids = [...doc.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1])
    expect(ids).toEqual([...GENESYS_ANCHORS])
    expect(genesysDocAnchors()).toEqual(new Set(GENESYS_ANCHORS))
  })

  it('gives every section its public sources and a status on every fact', () => {
    for (const [id, text] of sections()) {
      const sources = text.split(/^Facts:$/m)[0]
      expect(sources, id).toMatch(/^Sources:$/m)
      expect(sources, `${id}: a Genesys page or a named public repository`).toMatch(/https:\/\/\S*genesys\.com\/|repository `[\w.-]+\/[\w.-]+`|\(see \[/)
      const facts = text.split(/^Facts:$/m)[1]?.split(/^What to check on your installation:$/m)[0] ?? ''
      const bullets = facts.split('\n').filter((l) => l.startsWith('- '))
      expect(bullets.length, id).toBeGreaterThan(0)
      for (const b of bullets) expect(b, id).toMatch(/^- \*(Documented|Sample code|Inferred|Unknown)[^*]*\.\*/)
      expect(text, `${id}: what the integrator must check`).toMatch(/^What to check on your installation:\n- /m)
    }
  })

  it('links only to its own sections', () => {
    for (const m of doc.matchAll(/\]\(#([^)]+)\)/g)) expect(GENESYS_ANCHORS, m[0]).toContain(m[1])
  })

  it('is in the npm package and linked from the README', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
    expect(pkg.files).toContain('docs/genesys.md')
    expect(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain('](docs/genesys.md)')
  })
})
