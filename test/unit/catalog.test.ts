/**
 * The catalogue against the documented Genesys facts, and the views that must derive from it (schema, help,
 * listing, templates): if these hold, adding a scenario or medium is a one-place change.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ARTIFACTS} from '../../src/catalog/artifacts.js'
import {ATTACHED_DATA_KEYS, KEYS} from '../../src/catalog/keys.js'
import {MEDIA} from '../../src/catalog/media.js'
import {FIELD_PARAM, SCENARIOS} from '../../src/catalog/scenarios.js'
import {integrationSchema} from '../../src/core/integration/integration.js'
import {catalogListing} from '../../src/core/listing.js'
import {mediaHelp} from '../../src/cli/help-text.js'
import {BUILTIN_TEMPLATES} from '../../src/render/templates.js'

/** The GMS scenario table, copied by hand from the public Callback Services pages (docs/genesys.md#gms-callback): direction, wait for agent, wait for confirm, media. */
const SCENARIO_TABLE: Record<string, [string, string, string, string] | null> = {
  'VOICE-NOW-USERORIG': ['USERORIGINATED', 'false', 'false', 'voice'],
  'VOICE-WAIT-USERORIG': ['USERORIGINATED', 'true', 'true', 'voice'],
  'VOICE-NOW-USERTERM': ['USERTERMINATED', 'false', 'false', 'voice'],
  'VOICE-WAIT-USERTERM': ['USERTERMINATED', 'true', 'true', 'voice'],
  'VOICE-SCHEDULED-USERTERM': ['USERTERMINATED', 'true', 'true', 'voice'],
  'CHAT-NOW': ['USERORIGINATED', 'false', 'false', 'chat'],
  'CHAT-WAIT': ['USERORIGINATED', 'true', 'true', 'chat'],
  CUSTOM: null,
  'REQUEST-INTERACTION': null,
  'REQUEST-CHAT': null,
}

describe('scenarios', () => {
  it("are exactly the GMS samples' presets, with their parameter sets", () => {
    expect(SCENARIOS.map((s) => s.id).sort()).toEqual(Object.keys(SCENARIO_TABLE).sort())
    for (const s of SCENARIOS) {
      const row = SCENARIO_TABLE[s.id]
      const expected = row ? {_call_direction: row[0], _wait_for_agent: row[1], _wait_for_user_confirm: row[2], _media_type: row[3]} : {}
      expect(s.params, s.id).toEqual(expected)
    }
  })

  it('need what GMS requires: _customer_number for callbacks, _phone_number for request-interaction, _desired_time when scheduled', () => {
    const needs = Object.fromEntries(SCENARIOS.map((s) => [s.id, s.needs.map((n) => FIELD_PARAM[n])]))
    expect(needs['VOICE-SCHEDULED-USERTERM']).toEqual(['_customer_number', '_desired_time'])
    expect(needs['REQUEST-INTERACTION']).toEqual(['_phone_number'])
    for (const s of SCENARIOS.filter((x) => x.endpoint === 'callback' && x.channel === 'voice')) expect(needs[s.id], s.id).toContain('_customer_number')
    for (const s of SCENARIOS.filter((x) => x.channel === 'chat')) expect(needs[s.id], s.id).toEqual([])
  })

  it('post where the sample posts them: REQUEST-* to the built-in services, the rest to callback/<service>', () => {
    for (const s of SCENARIOS)
      expect(s.endpoint, s.id).toBe(s.id === 'REQUEST-CHAT' ? 'request-chat' : s.id === 'REQUEST-INTERACTION' ? 'request-interaction' : 'callback')
  })

  it('each belong to a medium of their channel', () => {
    for (const s of SCENARIOS) {
      const owners = MEDIA.filter((m) => m.scenarios.includes(s.id))
      expect(owners.length, s.id).toBeGreaterThan(0)
      for (const m of owners) expect(m.branches, `${s.id} in ${m.id}`).toEqual([s.channel === 'chat' ? 'CHAT' : 'CALLBACK'])
    }
  })
})

describe('media kinds', () => {
  it('are the seven supported media', () => {
    expect(MEDIA.map((m) => m.id)).toEqual(['gms-chat', 'gms-callback', 'gwe-chat', 'gwe-callback', 'webapi-chat', 'genesys-widgets', 'third-party'])
  })

  it.each(MEDIA.map((m) => [m.id, m] as const))('%s is consistent', (_id, m) => {
    if (m.scenarios.length > 0) {
      expect(m.scenarios).toContain(m.defaultScenario)
      expect(m.starterArg).toBe('scenario')
      expect(m.inputs).toContain('scenario')
    } else {
      expect(m.defaultScenario).toBeUndefined()
      expect(m.starterArg).not.toBe('scenario')
      expect(m.inputs).not.toContain('scenario')
    }
    for (const input of m.requires) expect(m.inputs).toContain(input)
    if (m.starterTemplate) expect(fs.existsSync(path.join(BUILTIN_TEMPLATES, 'invite/partials', `starter-${m.starterTemplate}.js.hbs`))).toBe(true)
    for (const a of m.artifacts) expect(fs.existsSync(path.join(BUILTIN_TEMPLATES, `${ARTIFACTS[a].template}.hbs`)), ARTIFACTS[a].template).toBe(true)
    // Every medium gets the invite copy and the strategy snippet with its curl twin.
    expect(m.artifacts).toEqual(expect.arrayContaining(['invite', 'notification-message', 'notify-sh']))
    const hasWidget = m.artifacts.some((a) => ARTIFACTS[a].path.includes('{widget}'))
    expect(Boolean(m.defaultWidgetName)).toBe(hasWidget)
    if (!hasWidget) expect(m.note, 'media without a widget say why').toBeTruthy()
  })

  it('take over the invitation branches of their medium', () => {
    const calls = Object.fromEntries(MEDIA.map((m) => [m.id, `${m.branches.join('+')} -> ${m.starter}`]))
    expect(calls).toEqual({
      'gms-chat': 'CHAT -> startGms',
      'gms-callback': 'CALLBACK -> startGms',
      'gwe-chat': 'CHAT -> startChat',
      'gwe-callback': 'CALLBACK -> startCallback',
      'webapi-chat': 'CHAT -> startWebApi',
      'genesys-widgets': 'CHAT+CALLBACK -> startGenesysWidgets',
      'third-party': 'CHAT -> startThirdParty',
    })
    expect(MEDIA.find((m) => m.id === 'gms-callback')!.defaultScenario).toBe('VOICE-NOW-USERTERM')
    // The built-in GWE media keep startChat()/startCallback() (docs/genesys.md#gwe-media) and need no widget.
    for (const id of ['gwe-chat', 'gwe-callback']) expect(MEDIA.find((m) => m.id === id)!.starterTemplate).toBeUndefined()
  })

  it('only third-party media go without attached data', () => {
    expect(MEDIA.filter((m) => m.party === 'third').map((m) => m.id)).toEqual(['third-party'])
    const listing = catalogListing()
    for (const m of listing) expect(m.attachedData, m.id).toEqual(m.party === 'second' ? ['visitID', 'pageID', 'webengagement'] : [])
  })
})

describe('keys', () => {
  it('spell the attached keys with capital ID and the URL keys with lowercase d', () => {
    expect(ATTACHED_DATA_KEYS).toEqual(['visitID', 'pageID', 'webengagement'])
    expect([KEYS.urlVisitId, KEYS.urlPageId]).toEqual(['visitId', 'pageId'])
    expect(KEYS.attachedMarkerValue).toBe('')
  })
})

describe('views derived from the catalogue', () => {
  it('the config schema accepts exactly each medium’s scenarios', () => {
    for (const m of MEDIA) {
      for (const s of SCENARIOS) {
        const result = integrationSchema.safeParse({
          name: 'x',
          media: m.id,
          scenario: s.id,
          ...(m.requires.includes('host') ? {host: m.id === 'third-party' ? 'https://v.example/start' : 'https://gms.example.com'} : {}),
        })
        expect(result.success, `${m.id} + ${s.id}`).toBe(m.scenarios.includes(s.id))
      }
    }
  })

  it('--help and list name every medium and scenario', () => {
    const help = mediaHelp()
    const listing = catalogListing()
    for (const m of MEDIA) {
      expect(help).toContain(m.id)
      const listed = listing.find((l) => l.id === m.id)!
      expect(listed.scenarios.map((s) => s.id)).toEqual(m.scenarios)
      for (const s of m.scenarios) expect(help).toContain(s)
    }
  })

  it("decides by the medium's properties, never by its id, outside the catalogue", () => {
    const files = fs.readdirSync('src', {recursive: true, encoding: 'utf8'}).filter((f) => f.endsWith('.ts') && !f.startsWith(`catalog${path.sep}`))
    const byId = files.filter((f) =>
      /media\.id\s*[!=]==\s*'|'(?:third-party|gms-chat|gms-callback|gwe-chat|gwe-callback|webapi-chat|genesys-widgets)'/.test(
        fs.readFileSync(path.join('src', f), 'utf8'),
      ),
    )
    expect(byId).toEqual([])
  })
})
