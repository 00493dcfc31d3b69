/**
 * Reading the config: a JSON config is accepted by JSON.parse alone only when the YAML
 * parser (the path every other config takes, config-yaml.ts) would accept it with the
 * same value; everything else reaches the YAML path and gets its file:line messages.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {parseConfig} from '../../src/core/config/config.js'
import {parseConfigDocument} from '../../src/core/config/config-yaml.js'
import {runs} from '../helpers/runs.js'

const FILE = 'gwe-int.config.json'
const entry = (over: Record<string, unknown> = {}) => ({name: 'site', media: 'gms-chat', host: 'https://gms.example.com:8443', ...over})

/** What parseConfig gives: the value, or the error's message. */
async function viaParseConfig(text: string): Promise<unknown> {
  try {
    return {value: await parseConfig(text, FILE)}
  } catch (error) {
    return {error: (error as Error).message}
  }
}

function viaYaml(text: string): unknown {
  try {
    return {value: parseConfigDocument(text, FILE, 'JSON')}
  } catch (error) {
    return {error: (error as Error).message}
  }
}

describe('parseConfig (JSON)', () => {
  it('reports a repeated key at its line, however the key is spelled', async () => {
    const text = '{\n  "integrations": [\n    {\n      "name": "a",\n      "media": "gms-chat",\n      "na\\u006de": "b"\n    }\n  ]\n}\n'
    await expect(parseConfig(text, FILE)).rejects.toThrow(`${FILE}:6:7: not valid JSON: duplicate key "name"`)
    await expect(parseConfig('{"integrations": [], "integrations": []}', FILE)).rejects.toThrow(`${FILE}:1:22: not valid JSON: duplicate key "integrations"`)
  })

  it('counts keys, not strings that look like keys inside values', async () => {
    // $schema is free text: quotes, backslashes and colons inside a value.
    const text = JSON.stringify({$schema: 'a": "b\\": {"c": 1}', integrations: [entry()]}, null, 2)
    expect(await viaParseConfig(text)).toEqual(viaYaml(text))
    expect(await viaParseConfig(text)).toHaveProperty('value')
  })

  it('refuses a GMS entry without host or widgetUrl, naming the key (its widget URL could not be built)', async () => {
    const text = JSON.stringify({integrations: [{name: 'a', media: 'gms-chat', scenario: 'CHAT-NOW'}]}, null, 2)
    await expect(parseConfig(text, FILE)).rejects.toThrow(
      'integrations[0].host: required for gms-chat: the GMS base URL (https://host[:port]), or give widgetUrl',
    )
    const withUrl = JSON.stringify({
      integrations: [{name: 'a', media: 'gms-callback', widgetUrl: 'https://gms.example.com/genesys/admin/js/sample/cb/indexGPE.html'}],
    })
    expect((await parseConfig(withUrl, FILE)).integrations[0].widgetUrl).toBe('https://gms.example.com/genesys/admin/js/sample/cb/indexGPE.html')
    expect((await parseConfig(JSON.stringify({integrations: [{name: 'a', media: 'gwe-chat'}]}), FILE)).integrations).toHaveLength(1)
  })

  it('treats "__proto__" as the YAML path does', async () => {
    const text = '{"integrations": [], "__proto__": {}}'
    const got = await viaParseConfig(text)
    expect(got, text).toEqual(viaYaml(text))
    expect(got, text).toHaveProperty('error')
  })

  it('refuses what is not JSON (trailing commas, comments, a missing comma) at its line and column, in JSON terms', async () => {
    const trailing = '{"integrations": [\n  {"name": "a", "media": "gwe-chat",}\n]}'
    const col = trailing.split('\n')[1].indexOf(',}') + 2
    await expect(parseConfig(trailing, FILE)).rejects.toThrow(`${FILE}:2:${col}: not valid JSON: trailing comma before the closing bracket (JSON allows none)`)
    const inList = '{"integrations": [\n  {"name": "a", "media": "gwe-chat"},\n]}'
    await expect(parseConfig(inList, FILE)).rejects.toThrow(`${FILE}:3:1: not valid JSON: trailing comma before the closing bracket (JSON allows none)`)
    const comment = '{"integrations": []} // note'
    await expect(parseConfig(comment, FILE)).rejects.toThrow(
      `${FILE}:1:${comment.indexOf('//') + 1}: not valid JSON: Unexpected non-whitespace character after JSON`,
    )
    const noComma = '{\n  "integrations": []\n  "$schema": "x"\n}'
    await expect(parseConfig(noComma, FILE)).rejects.toThrow(`${FILE}:3:3: not valid JSON: Expected ',' or '}' after property value`)
    // Never the YAML parser's words for a JSON file.
    const flow = '{"integrations": [\n{"name": "a",\n"media": "gwe-chat"}\n  ]x'
    await expect(parseConfig(flow, FILE)).rejects.toThrow(/^gwe-int\.config\.json:4:4: not valid JSON: /)
  })

  it('gives what the YAML path gives, for any config (property)', async () => {
    const {numRuns} = runs(300, {atLeast: 100})
    let accepted = 0
    // Mostly valid entries (so the JSON.parse path is taken), with now and then anything.
    const valid = fc.oneof(
      fc.record({host: fc.constantFrom('https://gms.example.com', 'gms.example.com:8443')}),
      fc.record({host: fc.constant('https://gms.example.com'), scenario: fc.constantFrom('CHAT-NOW', 'CHAT-WAIT')}),
      fc.record({out: fc.constantFrom('w', 'widgets/x', 'a b')}),
    )
    const anything = fc.dictionary(
      fc.oneof(fc.constantFrom('name', 'media', 'scenario', 'host', 'colour'), fc.string({maxLength: 6})),
      fc.oneof(fc.string(), fc.string({unit: 'grapheme'}), fc.integer(), fc.boolean()),
      {maxKeys: 4},
    )
    const integration = fc.tuple(
      fc.oneof({weight: 4, arbitrary: valid}, {weight: 1, arbitrary: anything}),
      fc.constantFrom('gms-chat', 'gwe-chat'),
      fc.oneof(fc.constantFrom('a', 'b', 'site-1'), fc.string({minLength: 1, maxLength: 8})),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(integration, {maxLength: 4}), fc.constantFrom(0, 2, '\t'), fc.option(fc.nat(20)), async (list, indent, duplicateAt) => {
        const config = {integrations: list.map(([extra, media, name]) => ({name, media, ...extra}))}
        let text = JSON.stringify(config, null, indent)
        // Now and then a repeated key, written into the text by hand.
        if (duplicateAt !== null && list.length > 0) text = text.replace(/"name":/, `"name": "dup", "name":`)
        const got = await viaParseConfig(text)
        expect(got).toEqual(viaYaml(text))
        accepted += 'value' in (got as object) ? 1 : 0
      }),
      {numRuns},
    )
    // The property means something only if both outcomes occur often.
    expect(accepted).toBeGreaterThan(numRuns / 10)
    expect(accepted).toBeLessThan(numRuns * 0.9)
  })
})
