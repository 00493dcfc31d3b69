/**
 * The template loader (src/render/templates.ts): precompiled and run-time compiled
 * templates give the same bytes, overrides replace files one by one, and every way a
 * custom template can be wrong is reported with the template file and its line.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {buildContext} from '../../src/core/integration/template-context.js'
import {GweIntError} from '../../src/shared/errors.js'
import {integrationSchema, resolveIntegration} from '../../src/core/integration/integration.js'
import {handlebarsCompiler} from '../../src/render/compile.js'
import {registerHelpers} from '../../src/render/helpers.js'
import {precompiledModule} from '../../src/render/precompile.js'
import {BUILTIN_TEMPLATES, loadTemplates} from '../../src/render/templates.js'
import {isPartial, listTemplateFiles, partialName, templateId} from '../../src/render/template-files.js'

const context = (entry: object) => buildContext(resolveIntegration(integrationSchema.parse(entry)))
const GMS = context({name: 'support', media: 'gms-chat', scenario: 'CHAT-WAIT', host: 'https://gms.example.com:8443', service: 'samples_new'})
const GWE = context({name: 'plain', media: 'gwe-chat'})

/** A folder of overrides: relative path -> text. */
function overrides(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gwe-int-tpl-'))
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), {recursive: true})
    fs.writeFileSync(path.join(dir, rel), text)
  }
  return dir
}

const builtin = (rel: string) => fs.readFileSync(path.join(BUILTIN_TEMPLATES, rel), 'utf8')

/** The one-line error loading or rendering produces. */
function failure(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(GweIntError)
    expect((error as GweIntError).exit).toBe(2)
    expect((error as Error).message).not.toContain('\n')
    return (error as Error).message
  }
  throw new Error('expected an error')
}

describe('precompiled templates (the build step)', () => {
  it('render exactly what the run-time compiler renders, for every template', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gwe-int-pre-'))
    const file = path.join(dir, 'precompiled.mjs')
    fs.writeFileSync(file, precompiledModule(BUILTIN_TEMPLATES))
    const {PRECOMPILED} = (await import(pathToFileURL(file).href)) as {PRECOMPILED: Record<string, () => TemplateSpecification>}
    const files = listTemplateFiles(BUILTIN_TEMPLATES)
    expect(Object.keys(PRECOMPILED).sort()).toEqual(files)
    // Precompiled specs, instantiated in a fresh environment the way templates.ts does.
    const hb = handlebarsCompiler().create()
    registerHelpers(hb)
    for (const rel of files.filter(isPartial)) hb.registerPartial(partialName(rel), hb.template(PRECOMPILED[rel]()))
    const compiled = loadTemplates()
    let rendered = 0
    for (const ctx of [GMS, GWE]) {
      for (const rel of files.filter((f) => !isPartial(f))) {
        let expected: string
        try {
          expected = compiled.render(templateId(rel), ctx)
        } catch {
          continue // a template for another medium (e.g. the GMS widget with a GWE context)
        }
        expect(hb.template(PRECOMPILED[rel]())(ctx), `${rel} for ${ctx.media.id}`).toBe(expected)
        rendered += 1
      }
    }
    expect(rendered).toBeGreaterThanOrEqual(5)
  })

  it('fail the build on a template error, naming the file', () => {
    const dir = overrides({'invite/invite.html.hbs': '{{#if x}}\n'})
    expect(failure(() => precompiledModule(dir))).toMatch(/^templates\/invite\/invite\.html\.hbs:\d+: not a valid Handlebars template/)
  })
})

describe('template overrides', () => {
  it('replace the built-in file with the same relative path and keep the others', () => {
    const dir = overrides({
      'invite/invite.html.hbs': builtin('invite/invite.html.hbs').replace('{{text t.inviteChatTitle}}', 'Chat with {{text media.title}} now?'),
    })
    const set = loadTemplates(dir)
    expect(set.render('invite/invite.html', GMS)).toContain('Chat with GMS chat now?')
    expect(set.render('engagement-logic/notify.sh', GMS)).toBe(loadTemplates().render('engagement-logic/notify.sh', GMS))
  })

  it('override partials too, and the main templates use them', () => {
    const dir = overrides({'invite/partials/get-ids.js.hbs': '  // custom ids for {{comment integration}}\n'})
    expect(loadTemplates(dir).render('invite/invite.html', GMS)).toContain('// custom ids for support')
  })

  it('refuse a file name that is not a template, listing the known ones', () => {
    const dir = overrides({'invite/invitation.html.hbs': 'x'})
    expect(failure(() => loadTemplates(dir))).toMatch(/invite\/invitation\.html\.hbs is not a known template; known: .*invite\/invite\.html\.hbs/)
  })

  it('refuse an old partial name, saying where its contents are now', () => {
    const dir = overrides({'gms-widget/partials/get-url-vars.js.hbs': 'x'})
    expect(failure(() => loadTemplates(dir))).toMatch(/get-url-vars\.js\.hbs is an old name: its contents are now in shared\/partials\/get-url-vars\.js\.hbs/)
  })

  it('refuse a folder that does not exist', () => {
    expect(failure(() => loadTemplates('/nonexistent/gwe-int-templates'))).toContain('folder /nonexistent/gwe-int-templates does not exist')
  })
})

describe('errors in custom templates name the file and the line', () => {
  // [what, file, text, what follows "<folder>/<file>"]
  const cases: [string, string, string, RegExp][] = [
    [
      'unknown variable given to a helper',
      'invite/invite.html.hbs',
      'a\nb {{text company.name}}\n',
      /:2:10: "company\.name" is not a variable templates receive; see README\.md of "gwe-int templates eject"$/,
    ],
    ['unknown field of a known object', 'invite/invite.html.hbs', '{{js media.nope}}\n', /:1:6: "media\.nope" is not a variable/],
    [
      'unknown variable inside {{#each}}',
      'invite/invite.html.hbs',
      '{{#each branches}}\n{{js typo}}{{/each}}\n',
      /:2:6: "typo" is not a variable templates receive \(here the context is branches\[\]\)/,
    ],
    ['unknown bare variable', 'engagement-logic/notify.sh.hbs', '#!/bin/sh\n{{nothing}}\n', /:2:3: "nothing" is not a variable/],
    [
      'unknown helper',
      'invite/invite.html.hbs',
      'x\n\n  {{shout media.title}}\n',
      /:3:3: unknown helper "shout"; templates can use attr, color, comment, each, eq, ident, if, includes, js, jsValue, json, log, lookup, sh, text, unless, url, with$/,
    ],
    ['unknown partial', 'invite/invite.html.hbs', '{{> invite/nope.js}}\n', /:1:1: unknown partial "invite\/nope\.js"; partials are .*invite\/get-ids\.js/],
    ['syntax error', 'invite/invite.html.hbs', 'a\n{{#if invite.type}}\nb\n', /:4: not a valid Handlebars template: Expecting/],
  ]
  for (const [what, rel, text, expected] of cases) {
    it(what, () => {
      const dir = overrides({[rel]: text})
      const message = failure(() => loadTemplates(dir).render(templateId(rel), GMS))
      expect(message.startsWith(path.join(dir, rel)), message).toBe(true)
      expect(message.slice(path.join(dir, rel).length)).toMatch(expected)
    })
  }

  it("variables inside {{#each}} are the item's, and valid ones pass", () => {
    const dir = overrides({
      'invite/invite.html.hbs': '{{#each scenarios}}{{js id}}{{#each params}}{{js key}}{{/each}}{{/each}}{{#if scenario}}{{js scenario.endpoint}}{{/if}}\n',
    })
    const q = (s: string) => JSON.stringify(s)
    const expected = GMS.scenarios.map((sc) => q(sc.id) + sc.params.map((p) => q(p.key)).join('')).join('') + q(GMS.scenario!.endpoint)
    expect(loadTemplates(dir).render('invite/invite.html', GMS)).toBe(`${expected}\n`)
  })

  it('a value that is absent for this medium, at render time, with the line', () => {
    const dir = overrides({'invite/invite.html.hbs': '<p>\n{{text scenario}}</p>\n'})
    const message = failure(() => loadTemplates(dir).render('invite/invite.html', GWE))
    expect(message).toBe(
      `${dir}/invite/invite.html.hbs:2:1: {{text}} needs a string, got undefined; is the variable name right? (see the README.md written by "gwe-int templates eject")`,
    )
  })

  it('an error inside a partial names the partial, not the template that includes it', () => {
    const dir = overrides({'invite/partials/get-ids.js.hbs': '// ids\n  {{ident media.title}}\n'})
    const message = failure(() => loadTemplates(dir).render('invite/invite.html', GMS))
    expect(message).toBe(`${dir}/invite/partials/get-ids.js.hbs:2:3: {{ident}} got "GMS chat", not an identifier`)
  })

  it('strict mode catches a path that is only absent at render time', () => {
    const dir = overrides({'invite/invite.html.hbs': '{{#with media}}\n  {{#if (eq id "gwe-chat")}}{{lookup this "x"}}{{/if}}{{/with}}\n'})
    // lookup's result is not checked statically; Handlebars' strict mode reports it (or renders nothing).
    expect(() => loadTemplates(dir).render('invite/invite.html', GWE)).not.toThrow(/Cannot read/)
  })
})

describe('templates ejected before locales and branding', () => {
  it('still render: an invitation copied from gwe-int 0.1 (hard-coded English, its own style) works with the current view model', () => {
    const dir = path.join(path.dirname(new URL(import.meta.url).pathname), '../fixtures/ejected-0.1')
    const fr = context({name: 'support', media: 'gms-chat', host: 'https://gms.example.com', locale: 'fr', accent: 'navy'})
    const html = loadTemplates(dir).render('invite/invite.html', fr)
    expect(html).toContain('<p id="gwe-int-invite-title">Would you like to chat with us?</p>')
    expect(html).toContain('startGms("CHAT-NOW")')
    // The files it does not override are the current ones, in the configured locale.
    expect(loadTemplates(dir).render('shared/style.css', fr)).toContain('--gwe-int-accent: #000080;')
  })
})
