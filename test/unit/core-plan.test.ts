/**
 * planNew, planGenerate and planPatch in-process on temp folders: which files, with which
 * status, and the conflicts, clashes, notes and warnings a command then prints.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {apply} from '../../src/core/write/apply.js'
import {planGenerate} from '../../src/core/generate.js'
import type {IntegrationEntry} from '../../src/core/integration/integration.js'
import {planNew} from '../../src/core/new.js'
import {planPatch} from '../../src/core/patch-file.js'
import type {OperationResult} from '../../src/core/result.js'

let cwd: string
beforeEach(() => {
  cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'gwe-int-core-'))
})
afterEach(() => fs.rmSync(cwd, {recursive: true, force: true}))

const opts = (extra: Partial<{force: boolean; allowOutside: boolean}> = {}) => ({cwd, force: false, allowOutside: false, ...extra})
const statuses = (result: OperationResult | {files: {path: string; status: string}[]}) =>
  Object.fromEntries(result.files.map((f) => [path.relative(cwd, f.path).split(path.sep).join('/'), f.status]))
const writeConfig = (integrations: IntegrationEntry[]) => fs.writeFileSync(path.join(cwd, 'gwe-int.config.json'), JSON.stringify({integrations}, null, 2))

const gmsChat: IntegrationEntry = {
  name: 'gms-chat',
  media: 'gms-chat',
  scenario: 'CHAT-NOW',
  host: 'https://gms.acme.test:8443',
  service: 'samples_new',
  gweVersion: '8.1',
  out: 'widgets/gms-chat',
}

describe('planNew', () => {
  it("plans the medium's files and the config, then finds them unchanged once written", async () => {
    const first = await planNew(gmsChat, opts())
    expect(statuses(first)).toEqual({
      'gwe-int.config.json': 'created',
      'widgets/gms-chat/engagement-logic/notification-message.js': 'created',
      'widgets/gms-chat/engagement-logic/notify.sh': 'created',
      'widgets/gms-chat/indexGPE.html': 'created',
      'widgets/gms-chat/inviteGMS.html': 'created',
    })
    expect(first.files.find((f) => f.artifact === 'notify-sh')!.executable).toBe(true)
    const invite = first.files.find((f) => f.artifact === 'invite')!.content
    expect(invite).toContain('startGms("CHAT-NOW")')
    expect(invite).toContain('https://gms.acme.test:8443/genesys/admin/js/sample/cb/indexGPE.html')
    expect(JSON.parse(first.files.find((f) => f.artifact === 'config')!.content).integrations).toEqual([gmsChat])
    expect(first.nextSteps.join('\n')).toContain('widgets/gms-chat/inviteGMS.html')
    await apply(first.files)
    const again = await planNew(gmsChat, opts())
    expect(new Set(Object.values(statuses(again)))).toEqual(new Set(['unchanged']))
  })

  it('refuses a file edited by hand (conflict) unless forced', async () => {
    await apply((await planNew(gmsChat, opts())).files)
    const widget = path.join(cwd, 'widgets/gms-chat/indexGPE.html')
    fs.appendFileSync(widget, '<!-- mine -->\n')
    const plan = await planNew({...gmsChat, service: 'other'}, opts())
    expect(statuses(plan)['widgets/gms-chat/indexGPE.html']).toBe('conflict')
    expect(statuses(plan)['widgets/gms-chat/inviteGMS.html']).toBe('unchanged')
    const forced = await planNew({...gmsChat, service: 'other'}, opts({force: true}))
    expect(statuses(forced)['widgets/gms-chat/indexGPE.html']).toBe('updated')
  })

  it("returns the medium's note and the placeholder warnings", async () => {
    const plan = await planNew({name: 'gwe-chat', media: 'gwe-chat', out: 'widgets/gwe-chat'}, opts())
    expect(plan.notes).toEqual([
      expect.stringMatching(/^GWE chat is built in: startChat\(\) already attaches visitID\/pageID/),
      // Said once, where it matters: Genesys deprecated GWE's own widgets in 8.5.
      expect.stringMatching(/^Deprecated: Genesys deprecated GWE's own chat widget: it is supported for the life of the 8\.5 release only; .*genesys-widgets/),
    ])
    expect(Object.keys(statuses(plan))).not.toContain('widgets/gwe-chat/indexGPE.html')
    const placeholder = await planNew({...gmsChat, host: 'https://gms.example.com'}, opts())
    expect(placeholder.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('--host https://gms.example.com is a placeholder'))
  })

  it('notes that Chat API v1 is deprecated for gms-chat, with the v2 route; gms-callback gets no such note', async () => {
    const chat = await planNew(gmsChat, opts())
    expect(chat.notes.filter((n) => n.startsWith('Deprecated: '))).toEqual([
      expect.stringMatching(/^Deprecated: GMS Chat API version 1, .* is deprecated .*`gwe-int new webapi-chat`/),
    ])
    const callback = await planNew({name: 'cb', media: 'gms-callback', host: 'https://gms.acme.test', out: 'widgets/cb'}, opts())
    expect(callback.notes.filter((n) => n.startsWith('Deprecated: '))).toEqual([])
  })

  it('says what the GMS service must be configured with for the scenario, and what confirmation needs', async () => {
    const plan = (scenario: string) =>
      planNew({name: 'cb', media: 'gms-callback', scenario, host: 'https://gms.acme.test', service: 'callme', out: 'widgets/cb'}, opts())
    expect((await plan('VOICE-NOW-USERTERM')).notes).toEqual([
      'VOICE-NOW-USERTERM: configure the GMS service "callme" (section service.callme) with _call_direction=USERTERMINATED, _wait_for_agent=false, _wait_for_user_confirm=false, _media_type=voice; a request cannot set these options (docs/genesys.md#gms-service-options).',
    ])
    const [wait] = (await plan('VOICE-WAIT-USERTERM')).notes
    expect(wait).toContain('_wait_for_user_confirm=true,')
    expect(wait).toContain('add comet to pushEnabled in the push section (GMS 8.5.103.10 and later)')
    expect(wait).toContain('or set _wait_for_user_confirm=false on the service (docs/genesys.md#gms-confirmation).')
    expect((await plan('CUSTOM')).notes).toEqual([
      'CUSTOM: the GMS service "callme" (section service.callme) decides every option; the widget follows its answers (docs/genesys.md#gms-service-options).',
    ])
    expect((await plan('REQUEST-INTERACTION')).notes).toEqual([])
  })

  it('warns, in one line, when genesys-widgets is generated for GWE 8.1', async () => {
    const old = await planNew({name: 'w', media: 'genesys-widgets', gweVersion: '8.1', out: 'widgets/w'}, opts())
    expect(old.warnings.map((w) => w.message).filter((m) => m.includes('GWE 8.5'))).toEqual([
      'w: genesys-widgets works with GWE 8.5 and later only (docs/genesys.md#genesys-widgets), but --gwe-version is 8.1: use --gwe-version 8.5',
    ])
    const current = await planNew({name: 'w', media: 'genesys-widgets', gweVersion: '8.5', out: 'widgets/w'}, opts())
    expect(current.warnings.map((w) => w.message).filter((m) => m.includes('GWE 8.5'))).toEqual([])
  })

  it("deletes files the integration no longer writes, and refuses to take another integration's files", async () => {
    await apply((await planNew(gmsChat, opts())).files)
    const renamed = await planNew({...gmsChat, widgetName: 'chat.html'}, opts())
    expect(statuses(renamed)).toMatchObject({
      'widgets/gms-chat/indexGPE.html': 'deleted',
      'widgets/gms-chat/chat.html': 'created',
      'gwe-int.config.json': 'updated',
    })
    await expect(planNew({name: 'other', media: 'gms-chat', host: 'https://gms.acme.test', out: 'widgets/gms-chat'}, opts())).rejects.toThrow(
      /other.*gms-chat|gms-chat.*other/,
    )
  })

  it('refuses --out outside the project unless allowed', async () => {
    await expect(planNew({...gmsChat, out: '../elsewhere'}, opts())).rejects.toThrow('--out')
  })
})

describe('planGenerate', () => {
  const callback: IntegrationEntry = {name: 'cb', media: 'gms-callback', host: 'https://gms.acme.test', out: 'widgets/cb'}

  it('plans every integration of the config, or only those --only names', async () => {
    writeConfig([gmsChat, callback])
    const all = await planGenerate(opts())
    expect(all.integrations.map((i) => i.name)).toEqual(['gms-chat', 'cb'])
    expect(
      Object.keys(statuses(all))
        .filter((p) => p.endsWith('.html'))
        .sort(),
    ).toEqual(['widgets/cb/indexGPE.html', 'widgets/cb/inviteGMS.html', 'widgets/gms-chat/indexGPE.html', 'widgets/gms-chat/inviteGMS.html'])
    const only = await planGenerate({...opts(), only: ['cb']})
    expect(new Set(only.files.map((f) => f.integration))).toEqual(new Set(['cb']))
    await expect(planGenerate({...opts(), only: ['cbb']})).rejects.toThrow(/cbb/)
  })

  it('refuses two integrations writing the same file', async () => {
    writeConfig([gmsChat, {...callback, out: 'widgets/gms-chat'}])
    await expect(planGenerate(opts())).rejects.toThrow(/inviteGMS\.html/)
  })

  it('warns about relative invitation URLs and fails on a config it cannot read', async () => {
    writeConfig([gmsChat])
    const plan = await planGenerate(opts())
    expect(plan.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('--gwe-url'))
    fs.writeFileSync(path.join(cwd, 'gwe-int.config.json'), JSON.stringify({integrations: [{...gmsChat, host: 'ftp://x'}]}))
    await expect(planGenerate(opts())).rejects.toThrow('integrations[0].host: must use http or https, not ftp')
  })
})

describe('planPatch', () => {
  const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures/patch', name, 'input.html'), 'utf8')

  it("patches a copy of the team's invite.html and reports the edits", () => {
    fs.writeFileSync(path.join(cwd, 'invite.html'), fixture('guide-invite'))
    const plan = planPatch({
      cwd,
      file: 'invite.html',
      out: 'inviteGMS.html',
      inPlace: false,
      backup: true,
      force: false,
      answers: {media: 'gms-chat', scenario: 'chat-wait', host: 'https://gms.acme.test'},
    })
    expect(plan.kind).toBe('invite')
    expect(plan.result.changes).toEqual(['added function startGms', 'CHAT branch: startChat() -> startGms("CHAT-WAIT")'])
    expect(statuses(plan)).toEqual({'inviteGMS.html': 'created'})
    expect(plan.warnings).toEqual([])
  })

  it('warns when the invitation has no host to open the widget on', () => {
    fs.writeFileSync(path.join(cwd, 'invite.html'), fixture('guide-invite'))
    const plan = planPatch({cwd, file: 'invite.html', inPlace: true, backup: true, force: false, answers: {media: 'gms-chat'}})
    expect(plan.warnings).toEqual(['--host not given: the invitation opens https://gms.example.com; pass --host before deploying'])
    expect(statuses(plan)).toEqual({'invite.html': 'updated', 'invite.html.bak': 'created'})
  })

  it('patches the GMS sample widget, and refuses an --out file that is not a patched copy', () => {
    fs.writeFileSync(path.join(cwd, 'index.html'), fixture('guide-gms-widget'))
    fs.writeFileSync(path.join(cwd, 'indexGPE.html'), '<p>someone else</p>\n')
    const plan = planPatch({cwd, file: 'index.html', out: 'indexGPE.html', inPlace: false, backup: true, force: false, answers: {media: 'gms-chat'}})
    expect(plan.kind).toBe('gms-widget')
    expect(plan.files[0]).toMatchObject({status: 'conflict', reason: 'exists and is not a patched copy of this source'})
  })

  it('names the flag of a bad answer', () => {
    fs.writeFileSync(path.join(cwd, 'invite.html'), fixture('guide-invite'))
    expect(() =>
      planPatch({cwd, file: 'invite.html', inPlace: true, backup: true, force: false, answers: {media: 'gms-chat', widgetName: '../x.html'}}),
    ).toThrow(/^--widget-name: /)
    expect(() => planPatch({cwd, file: 'invite.html', inPlace: true, backup: true, force: false, answers: {media: 'gms-chatt'}})).toThrow(
      '--media: unknown medium "gms-chatt"',
    )
  })
})
