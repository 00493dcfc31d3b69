/**
 * `templates eject` (src/core/eject.ts) and the documentation it writes
 * (src/render/template-docs.ts): the README documents exactly the view model every
 * medium produces and every helper templates can call.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {MEDIA} from '../../src/catalog/media.js'
import {buildContext} from '../../src/core/integration/template-context.js'
import {EJECT_README, ejectReadme, planEject} from '../../src/core/eject.js'
import {GweIntError} from '../../src/shared/errors.js'
import {integrationSchema, resolveIntegration} from '../../src/core/integration/integration.js'
import {BUILTIN_HELPERS, HELPERS, VARIABLES, variablePaths} from '../../src/render/template-docs.js'
import {contextFields, handlebarsCompiler} from '../../src/render/compile.js'
import {registerHelpers} from '../../src/render/helpers.js'
import {BUILTIN_TEMPLATES} from '../../src/render/templates.js'
import {listTemplateFiles} from '../../src/render/template-files.js'

/** One context per medium, with every input it accepts given. */
const contexts = MEDIA.map((m) => {
  const entry = {
    name: `x-${m.id}`,
    media: m.id,
    ...(m.scenarios.length ? {scenario: m.defaultScenario} : {}),
    ...(m.inputs.includes('host') ? {host: m.id === 'third-party' ? 'https://chat.vendor.example/start' : 'https://gms.example.com'} : {}),
    ...(m.inputs.includes('vendorFunction') ? {vendorFunction: 'Vendor.open'} : {}),
  }
  return buildContext(resolveIntegration(integrationSchema.parse(entry)))
})

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'gwe-int-eject-'))

describe('template documentation', () => {
  it('documents every field of the view model of every medium, and nothing that does not exist', () => {
    const seen = new Set(contexts.flatMap((c) => variablePaths(c)))
    const documented = new Set(Object.keys(VARIABLES))
    expect(
      [...seen].filter((p) => !documented.has(p)),
      'fields missing from VARIABLES in src/render/template-docs.ts',
    ).toEqual([])
    expect(
      [...documented].filter((p) => !seen.has(p) && !seen.has(p.replace(/^scenarios\[\]/, 'scenario'))),
      'documented fields no medium has',
    ).toEqual([])
  })

  it('documents every helper gwe-int registers', () => {
    const hb = handlebarsCompiler().create()
    const own = new Set(Object.keys(hb.helpers))
    registerHelpers(hb)
    expect(
      Object.keys(hb.helpers)
        .filter((h) => !own.has(h))
        .sort(),
    ).toEqual(Object.keys(HELPERS).sort())
    for (const h of BUILTIN_HELPERS) expect(own.has(h), h).toBe(true)
  })

  it('lists the fields each template reads from its context', () => {
    const ast = handlebarsCompiler().parse(
      '{{js integration}}{{#each scenarios}}{{js id}}{{/each}}{{#if (eq invite.type "CHAT")}}{{attr gms.base}}{{/if}}{{> (lookup media "starterPartial")}}{{@index}}{{js this}}',
    )
    expect(contextFields(ast)).toEqual(['gms', 'integration', 'invite', 'media', 'scenarios'])
  })

  it('writes a README naming every template, variable and helper', () => {
    const files = listTemplateFiles(BUILTIN_TEMPLATES)
    const readme = ejectReadme(new Map(files.map((f) => [f, fs.readFileSync(path.join(BUILTIN_TEMPLATES, f), 'utf8')])))
    for (const f of files) expect(readme).toContain(`| \`${f}\` |`)
    for (const v of Object.keys(VARIABLES)) expect(readme).toContain(`| \`${v}\` |`)
    for (const h of Object.keys(HELPERS)) expect(readme).toContain(`| \`${h}\` |`)
    expect(readme).toContain('gwe-int new gms-chat --templates my-templates')
    expect(readme.endsWith('\n') && !readme.includes('\r')).toBe(true)
  })
})

describe('planEject', () => {
  it('plans every built-in template, byte for byte, plus the README', () => {
    const cwd = tempDir()
    const plan = planEject({cwd, out: 'my-templates', force: false})
    const rels = plan.files.map((f) => path.relative(plan.outDir, f.path).split(path.sep).join('/'))
    expect(rels).toEqual([...listTemplateFiles(BUILTIN_TEMPLATES), EJECT_README])
    for (const f of plan.files.slice(0, -1)) {
      expect(f.content).toBe(fs.readFileSync(path.join(BUILTIN_TEMPLATES, path.relative(plan.outDir, f.path)), 'utf8'))
      expect(f.status).toBe('created')
    }
    expect(fs.existsSync(plan.outDir)).toBe(false)
  })

  it('accepts an empty folder, refuses a non-empty one without --force (exit 3), and a file', () => {
    const cwd = tempDir()
    fs.mkdirSync(path.join(cwd, 'empty'))
    expect(planEject({cwd, out: 'empty', force: false}).files.every((f) => f.status === 'created')).toBe(true)
    fs.mkdirSync(path.join(cwd, 'full/invite'), {recursive: true})
    fs.writeFileSync(path.join(cwd, 'full/invite/invite.html.hbs'), 'mine')
    let error: unknown
    try {
      planEject({cwd, out: 'full', force: false})
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(GweIntError)
    expect((error as GweIntError).exit).toBe(3)
    expect((error as GweIntError).message).toBe('--out: full is not empty; nothing was written')
    const forced = planEject({cwd, out: 'full', force: true})
    expect(forced.files.find((f) => f.path.endsWith('invite.html.hbs'))?.status).toBe('updated')
    fs.writeFileSync(path.join(cwd, 'afile'), '')
    expect(() => planEject({cwd, out: 'afile', force: true})).toThrow('--out: afile is a file, not a folder')
  })
})
