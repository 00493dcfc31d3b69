/**
 * The inputs table drives the config: its keys, their descriptions and checks (the JSON
 * Schema and the zod schema), the entry the answers make, and what resolution passes on.
 */
import {describe, expect, it} from 'vitest'
import {configDescription, ENTRY_INPUTS, INPUTS} from '../../src/catalog/inputs.js'
import {findMedium} from '../../src/catalog/media.js'
import {configJsonSchema} from '../../src/core/config/json-schema.js'
import {checkGiven, toEntry} from '../../src/core/integration/answers.js'
import {integrationSchema, resolveIntegration} from '../../src/core/integration/integration.js'

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
