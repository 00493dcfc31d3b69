/**
 * The inputs table drives the config: its keys, their descriptions and checks (the JSON
 * Schema and the zod schema), the entry the answers make, and what resolution passes on;
 * and new's flags and their --help order, which media take an input, the template context
 * and its documentation. The last block adds a row to the table and follows it everywhere.
 */
import {describe, expect, it, vi} from 'vitest'
import {
  ANSWER_NAMES,
  type AnswerName,
  CONTEXT_INPUTS,
  configDescription,
  contextDescription,
  ENTRY_INPUTS,
  HELP_ORDER,
  INPUT_GROUPS,
  INPUTS,
  type InputGroup,
  type InputSpec,
} from '../../src/catalog/inputs.js'
import {findMedium} from '../../src/catalog/media.js'
import New from '../../src/commands/new.js'
import {configJsonSchema} from '../../src/core/config/json-schema.js'
import {checkGiven, toEntry} from '../../src/core/integration/answers.js'
import {integrationSchema, resolveIntegration} from '../../src/core/integration/integration.js'
import {buildContext} from '../../src/core/integration/template-context.js'
import {VARIABLES} from '../../src/render/template-docs.js'

const entryProperties = () => {
  const schema = configJsonSchema() as {properties: {integrations: {items: {properties: Record<string, {description?: string}>}}}}
  return schema.properties.integrations.items.properties
}

describe('the inputs table as the source of the config', () => {
  it('gives the config one key per input, in the table order, described by its row', () => {
    const properties = entryProperties()
    expect(Object.keys(properties).filter((k) => k !== 'name' && k !== 'media' && k !== 'texts')).toEqual(ENTRY_INPUTS)
    for (const name of ENTRY_INPUTS) expect(properties[name].description, name).toBe(configDescription(INPUTS[name]))
    expect(properties.out.description).toMatch(/relative to the config file$/)
  })

  it('checks each key by the kind of value its row names', () => {
    const medium = findMedium('gms-chat')!
    const base = {name: 'c', media: 'gms-chat', host: 'https://gms.example.com'}
    const bad: Record<string, string> = {inviteName: '../x.html', widgetUrl: 'not a url', gweVersion: '9.0', out: '', locale: 'xx', accent: 'not-a-colour'}
    for (const [key, value] of Object.entries(bad)) {
      const result = integrationSchema.safeParse({...base, [key]: value})
      expect(result.success, key).toBe(false)
      expect(
        result.error?.issues.map((i) => i.path[0]),
        key,
      ).toContain(key)
    }
    // Keys the catalogue lists per medium, and the GMS sample to patch, apply only where they belong.
    const gwe = integrationSchema.safeParse({
      name: 'g',
      media: 'gwe-chat',
      inviteType: 'CHAT',
      widgetUrl: 'https://w.example/x',
      widgetSource: 'x.html',
      locale: 'fr',
    })
    expect(gwe.error?.issues.map((i) => `${String(i.path[0])}: ${i.message}`)).toEqual([
      'widgetUrl: does not apply to gwe-chat',
      'inviteType: does not apply to gwe-chat',
      'widgetSource: does not apply to gwe-chat',
    ])
    expect(checkGiven({integration: 'c', host: 'gms.example.com/', locale: 'fr', accent: 'navy'}, medium)).toMatchObject({
      host: 'https://gms.example.com',
      locale: 'fr',
    })
  })

  it('makes the entry from every answer in the table order, and resolution passes each on', () => {
    const medium = findMedium('gms-chat')!
    const answers = {
      integration: 'c',
      logoUrl: 'https://cdn.example.com/l.png',
      accent: 'navy',
      host: 'https://gms.example.com',
      scenario: 'chat-now',
      out: 'w/c',
    }
    const entry = toEntry(answers, medium)
    expect(Object.keys(entry)).toEqual(['name', 'media', 'scenario', 'host', 'gweVersion', 'out', 'accent', 'logoUrl'])
    expect(entry).toMatchObject({scenario: 'CHAT-NOW', gweVersion: '8.1'})
    const resolved = resolveIntegration(checkGiven(answers, medium))
    expect(resolved).toMatchObject({
      name: 'c',
      logoUrl: answers.logoUrl,
      accent: 'navy',
      out: 'w/c',
      locale: 'en',
      inviteType: 'CHAT',
      inviteName: 'inviteGMS.html',
    })
    expect(resolved.scenario?.id).toBe('CHAT-NOW')
  })
})

describe('the inputs table as the single source of an input', () => {
  it('lists every row once in new --help: the groups in order, the rows of a group in table order, source rows after --config', () => {
    const groups = Object.keys(INPUT_GROUPS) as InputGroup[]
    const inHelpOrder = [...ANSWER_NAMES].sort((a, b) => groups.indexOf(INPUTS[a].group) - groups.indexOf(INPUTS[b].group))
    const flagOf = (n: AnswerName) => INPUTS[n].flag
    const inputFlagNames = new Set<string>(ANSWER_NAMES.map(flagOf))
    const listed = Object.keys(New.flags).filter((f) => inputFlagNames.has(f) || f === 'config')
    expect(listed).toEqual([...HELP_ORDER.beforeConfig.map(flagOf), 'config', ...HELP_ORDER.afterConfig.map(flagOf)])
    expect([...HELP_ORDER.beforeConfig, ...HELP_ORDER.afterConfig]).toEqual(inHelpOrder)
    expect(HELP_ORDER.afterConfig.every((n) => INPUTS[n].group === 'source')).toBe(true)
  })

  it('puts every input a medium takes in the template context under inputs, documented by its row', () => {
    const medium = findMedium('gms-callback')!
    const context = buildContext(resolveIntegration(checkGiven({integration: 'c', host: 'https://gms.example.com', accent: 'navy'}, medium)))
    expect(Object.keys(context.inputs)).toEqual(CONTEXT_INPUTS)
    expect(context.inputs).toMatchObject({scenario: 'VOICE-NOW-USERTERM', host: 'https://gms.example.com', service: 'samples_new', accent: 'navy', logoUrl: ''})
    for (const name of CONTEXT_INPUTS) {
      expect(VARIABLES[`inputs.${name}`], name).toBe(contextDescription(INPUTS[name]))
      expect(VARIABLES[`inputs.${name}`]).toContain(INPUTS[name].summary)
    }
    // The fields custom templates already use stay.
    expect(context.brand.logoUrl).toBe('')
    expect(VARIABLES['brand.logoUrl']).toBeDefined()
  })
})

/** A row as a maintainer would add it: nothing else in src/ is edited. */
const BANNER = {
  name: 'bannerUrl',
  group: 'visitor',
  value: 'http-url',
  flag: 'banner-url',
  summary: 'http(s) URL of a banner image above the widget',
  helpValue: 'URL',
  question: 'Banner URL (empty: none)?',
} as const satisfies InputSpec

describe('a row added to the inputs table', () => {
  // A fresh module graph in which the table has one more row.
  const load = async () => {
    vi.resetModules()
    vi.doMock('../../src/catalog/input-table.js', async (importOriginal) => {
      const table = await importOriginal<typeof import('../../src/catalog/input-table.js')>()
      return {...table, INPUTS: {...table.INPUTS, bannerUrl: BANNER}}
    })
    try {
      return {
        inputs: await import('../../src/catalog/inputs.js'),
        media: await import('../../src/catalog/media.js'),
        New: (await import('../../src/commands/new.js')).default,
        flags: await import('../../src/cli/input-flags.js'),
        schema: await import('../../src/core/config/json-schema.js'),
        answers: await import('../../src/core/integration/answers.js'),
        integration: await import('../../src/core/integration/integration.js'),
        context: await import('../../src/core/integration/template-context.js'),
        docs: await import('../../src/render/template-docs.js'),
        compile: await import('../../src/render/compile.js'),
        helpers: await import('../../src/render/helpers.js'),
      }
    } finally {
      vi.doUnmock('../../src/catalog/input-table.js')
      vi.resetModules()
    }
  }
  const url = 'https://cdn.example.com/banner.png'

  it('is a flag of new, listed in --help after the other visitor inputs, and mapped back to its answer', async () => {
    const m = await load()
    const flag = m.New.flags['banner-url' as keyof typeof m.New.flags]
    expect(flag).toMatchObject({summary: BANNER.summary, helpValue: 'URL'})
    const names = Object.keys(m.New.flags)
    expect(names.indexOf('banner-url')).toBe(names.indexOf('logo-url') + 1)
    expect(names.indexOf('banner-url')).toBeLessThan(names.indexOf('config'))
    expect(m.flags.answersFromFlags(m.inputs.ANSWER_NAMES, {'banner-url': url})).toEqual({bannerUrl: url})
    expect(m.answers.FLAG_OF['bannerUrl' as never]).toBe('--banner-url')
  })

  it('is taken by every medium, a key of the config schema checked by its kind, and recorded by toEntry', async () => {
    const m = await load()
    for (const medium of m.media.MEDIA) expect(medium.inputs, medium.id).toContain('bannerUrl')
    const properties = (m.schema.configJsonSchema() as {properties: {integrations: {items: {properties: Record<string, {description?: string}>}}}}).properties
      .integrations.items.properties
    const keys = Object.keys(properties)
    expect(keys.indexOf('bannerUrl')).toBe(keys.indexOf('logoUrl') + 1)
    expect(properties.bannerUrl.description).toBe(BANNER.summary)
    const base = {name: 'c', media: 'gwe-chat'}
    expect(m.integration.integrationSchema.safeParse({...base, bannerUrl: url}).success).toBe(true)
    const bad = m.integration.integrationSchema.safeParse({...base, bannerUrl: 'javascript:alert(1)'})
    expect(bad.error?.issues.map((i) => i.path[0])).toEqual(['bannerUrl'])
    const medium = m.media.findMedium('gms-chat')!
    const entry = m.answers.toEntry({integration: 'c', host: 'https://gms.example.com', bannerUrl: url} as never, medium)
    expect(Object.entries(entry).at(-1)).toEqual(['bannerUrl', url])
  })

  it('reaches the template context as inputs.bannerUrl, documented from its summary, usable by a template', async () => {
    const m = await load()
    for (const medium of m.media.MEDIA) {
      const host = medium.host?.kind === 'full-url' ? 'https://chat.vendor.example/start' : 'https://gms.example.com'
      const given = m.answers.checkGiven({integration: 'c', ...(medium.host ? {host} : {}), bannerUrl: url} as never, medium)
      const context = m.context.buildContext(m.integration.resolveIntegration(given))
      expect((context.inputs as Record<string, string>).bannerUrl, medium.id).toBe(url)
    }
    expect(m.docs.VARIABLES['inputs.bannerUrl']).toBe(m.inputs.contextDescription(BANNER))
    expect(m.docs.VARIABLES['inputs.bannerUrl']).toContain(BANNER.summary)
    // A custom template reading it passes the static variable check and renders the value.
    const hb = m.compile.handlebarsCompiler().create()
    m.helpers.registerHelpers(hb)
    const names = {helpers: Object.keys(m.docs.HELPERS), partials: [], variables: m.docs.VIEW_MODEL}
    const ast = m.compile.parseTemplate('<img src="{{attr inputs.bannerUrl}}">', 'banner.html.hbs', names)
    const medium = m.media.findMedium('gwe-chat')!
    const context = m.context.buildContext(m.integration.resolveIntegration(m.answers.checkGiven({integration: 'c', bannerUrl: url} as never, medium)))
    expect(m.compile.compileTemplate(hb, ast)(context)).toBe(`<img src="${url}">`)
    expect(() => m.compile.parseTemplate('{{attr inputs.bannerUrll}}', 'typo.html.hbs', names)).toThrow(/inputs\.bannerUrll/)
  })
})
