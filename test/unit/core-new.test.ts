/**
 * resolveNewAnswers in-process, with a fake Prompter: what is asked (and with which default),
 * what flags answer, and what happens without a terminal.
 */
import {describe, expect, it} from 'vitest'
import {resolveNewAnswers} from '../../src/core/integration/answers.js'
import type {IntegrationEntry} from '../../src/core/integration/integration.js'
import {fakePrompter} from '../helpers/fake-prompter.js'

const interactive = (canned?: Record<string, string | string[]>) => {
  const fake = fakePrompter(canned)
  return {...fake, opts: {yes: false, interactive: true, prompter: fake.prompter}}
}

describe('resolveNewAnswers with a terminal', () => {
  it('asks only what the flags did not answer, each with its default', async () => {
    const {asked, opts} = interactive({'GMS service name?': 'support'})
    const {entry} = await resolveNewAnswers({media: 'gms-chat', host: 'https://gms.example.com:8443'}, opts)
    expect(asked.map((a) => [a.message, a.defaultValue])).toEqual([
      ['Which scenario?', 'CHAT-NOW'],
      ['GMS service name?', 'samples_new'],
      ['Which GWE version?', '8.1'],
      ['Output folder?', 'widgets/gms-chat'],
      ['GWE server URL (https://host:port; empty: relative URLs)?', ''],
    ])
    expect(asked[0].choices).toEqual(['CHAT-NOW', 'CHAT-WAIT', 'REQUEST-CHAT'])
    expect(entry).toEqual({
      name: 'gms-chat',
      media: 'gms-chat',
      scenario: 'CHAT-NOW',
      host: 'https://gms.example.com:8443',
      service: 'support',
      gweVersion: '8.1',
      out: 'widgets/gms-chat',
    })
  })

  it('asks for the medium first when none is given', async () => {
    const {asked, opts} = interactive({'Which medium?': 'gwe-chat'})
    const {entry} = await resolveNewAnswers({}, opts)
    expect(asked[0]).toMatchObject({kind: 'select', message: 'Which medium?', defaultValue: 'gms-chat'})
    expect(asked[0].choices).toContain('third-party')
    // GWE chat takes no scenario, host or service.
    expect(asked.map((a) => a.message)).toEqual([
      'Which medium?',
      'Which GWE version?',
      'Output folder?',
      'GWE server URL (https://host:port; empty: relative URLs)?',
    ])
    expect(entry.media).toBe('gwe-chat')
  })

  it("asks for the host in the medium's words, offers no placeholder, re-asks a bad one and records the base URL", async () => {
    const {asked, opts} = interactive({'GMS base URL?': ['ftp://gms', 'gms.example.com:8443/genesys/']})
    const {entry} = await resolveNewAnswers({media: 'gms-callback'}, opts)
    const host = asked.find((a) => a.message === 'GMS base URL?')!
    expect(host.defaultValue).toBeUndefined()
    expect(host.rejected).toEqual(['must use http or https, not ftp'])
    expect(entry.host).toBe('https://gms.example.com:8443')
    expect(entry.scenario).toBe('VOICE-NOW-USERTERM')
  })

  it("asks a third-party medium for the vendor's URL and keeps its path and query", async () => {
    const {asked, opts} = interactive({"The vendor's chat URL?": 'https://chat.vendor.example/start?lang=fr'})
    const {entry} = await resolveNewAnswers({media: 'third-party'}, opts)
    expect(asked.map((a) => a.message)).toContain("The vendor's chat URL?")
    expect(entry.host).toBe('https://chat.vendor.example/start?lang=fr')
  })

  it('defaults every question to the recorded answer when editing, and reports what changed', async () => {
    const recorded: IntegrationEntry = {
      name: 'gms-chat',
      media: 'gms-chat',
      scenario: 'CHAT-WAIT',
      host: 'https://a.example.com',
      service: 'svc',
      gweVersion: '8.5',
      out: 'web/chat',
      texts: {inviteAccept: 'Talk?'},
    }
    const {asked, opts} = interactive({'GMS base URL?': 'https://b.example.com'})
    const result = await resolveNewAnswers({media: 'gms-chat'}, {...opts, lookup: (name) => (name === 'gms-chat' ? recorded : undefined)})
    expect(Object.fromEntries(asked.map((a) => [a.message, a.defaultValue]))).toMatchObject({
      'Which scenario?': 'CHAT-WAIT',
      'GMS base URL?': 'https://a.example.com',
      'GMS service name?': 'svc',
      'Which GWE version?': '8.5',
      'Output folder?': 'web/chat',
    })
    expect(result.changes).toEqual([{key: 'host', from: 'https://a.example.com', to: 'https://b.example.com'}])
    // Config-only keys (visitor texts) have no question and are kept.
    expect(result.entry.texts).toEqual({inviteAccept: 'Talk?'})
    expect(result.recorded).toBe(recorded)
  })

  it('checks the flags before asking anything', async () => {
    const {asked, opts} = interactive()
    await expect(resolveNewAnswers({media: 'gms-chat', host: 'ftp://gms'}, opts)).rejects.toThrow('--host: must use http or https, not ftp')
    await expect(resolveNewAnswers({media: 'gms-chat', scenario: 'VOICE-NOW-USERTERM'}, opts)).rejects.toThrow(
      '--scenario: VOICE-NOW-USERTERM is a callback scenario; gms-chat accepts CHAT-NOW, CHAT-WAIT, REQUEST-CHAT',
    )
    await expect(resolveNewAnswers({media: 'gwe-chat', service: 'x'}, opts)).rejects.toThrow('--service: does not apply to gwe-chat')
    expect(asked).toEqual([])
  })

  it('refuses to turn an integration into another medium without --reset', async () => {
    const recorded: IntegrationEntry = {name: 'gms-chat', media: 'gms-chat', host: 'https://a.example.com'}
    const lookup = () => recorded
    await expect(resolveNewAnswers({media: 'gms-callback', integration: 'gms-chat'}, {yes: true, interactive: false, lookup})).rejects.toThrow(
      /is a gms-chat integration, not gms-callback; pass --reset/,
    )
    const {entry} = await resolveNewAnswers({media: 'gms-callback', integration: 'gms-chat'}, {yes: true, interactive: false, lookup, reset: true})
    expect(entry).toMatchObject({name: 'gms-chat', media: 'gms-callback', scenario: 'VOICE-NOW-USERTERM', host: 'https://gms.example.com'})
  })
})

describe('resolveNewAnswers without a terminal', () => {
  it('lists every missing flag in one error', async () => {
    await expect(resolveNewAnswers({media: 'gms-chat', service: 'svc'}, {yes: false, interactive: false})).rejects.toThrow(
      'no terminal to ask in: pass --scenario, --host, --out (or --yes to accept the defaults)',
    )
    await expect(resolveNewAnswers({}, {yes: false, interactive: false})).rejects.toThrow(
      'missing the medium: gwe-int new MEDIA, one of gms-chat, gms-callback',
    )
  })

  it('fills the defaults with --yes and never asks, even with a prompter', async () => {
    const {prompter, asked} = fakePrompter()
    const {entry} = await resolveNewAnswers({media: 'genesys-widgets'}, {yes: true, interactive: true, prompter})
    expect(asked).toEqual([])
    expect(entry).toEqual({name: 'genesys-widgets', media: 'genesys-widgets', inviteType: 'CHAT', gweVersion: '8.5', out: 'widgets/genesys-widgets'})
  })

  it('records flags in their normal form and says so once', async () => {
    const result = await resolveNewAnswers(
      {media: 'gms-chat', scenario: 'chat-wait', host: ' gms.example.com:8443/genesys ', gweUrl: 'https://gwe.example.com:9081/'},
      {yes: true, interactive: false},
    )
    expect(result.entry).toMatchObject({scenario: 'CHAT-WAIT', host: 'https://gms.example.com:8443', gweUrl: 'https://gwe.example.com:9081'})
    expect(result.notes).toEqual([
      '--scenario chat-wait: recorded as CHAT-WAIT',
      '--host gms.example.com:8443/genesys: dropped the path /genesys; a GMS host is its base URL (https://gms.example.com:8443), and gwe-int adds /genesys/... itself',
    ])
  })

  it('makes paths typed on the command line relative to the config', async () => {
    const {entry} = await resolveNewAnswers({media: 'gwe-chat', out: 'site/out', templates: 'tpl'}, {yes: true, interactive: false, toConfig: (p) => `../${p}`})
    expect(entry).toMatchObject({out: '../site/out', templates: '../tpl'})
  })
})

describe('the host, normalised where an entry is parsed', () => {
  it('carries the normal form after integrationSchema, as the catalogue describes the medium', async () => {
    const {integrationSchema, resolveIntegration} = await import('../../src/core/integration/integration.js')
    const gms = integrationSchema.parse({name: 'a', media: 'gms-chat', host: ' GMS.acme.test:8443/genesys/ ', gweUrl: 'https://gwe.acme.test:9081//'})
    expect(gms).toMatchObject({host: 'https://GMS.acme.test:8443', gweUrl: 'https://gwe.acme.test:9081'})
    expect(resolveIntegration(gms).widgetUrl).toBe('https://GMS.acme.test:8443/genesys/admin/js/sample/cb/indexGPE.html')
    const vendor = integrationSchema.parse({name: 'b', media: 'third-party', host: ' https://chat.acme.test/start?x=1 '})
    expect(vendor.host).toBe('https://chat.acme.test/start?x=1')
    const bad = integrationSchema.safeParse({name: 'c', media: 'gms-chat', host: 'gms.acme.test/x', gweUrl: 'ftp://g'})
    expect(bad.success ? [] : bad.error.issues.map((i) => i.path.join('.'))).toEqual(['gweUrl', 'host'])
  })
})
