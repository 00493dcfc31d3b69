import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {gweInt, listFiles, tempDir} from '../helpers/cli.js'
import {inlineScripts, parseScript} from '../helpers/parse.js'

const CONFIG = {
  $schema: './node_modules/gwe-int/schema/gwe-int.schema.json',
  integrations: [
    {name: 'support-chat', media: 'gms-chat', scenario: 'CHAT-NOW', host: 'https://gms.example.com', service: 'samples_new', out: 'widgets/support'},
    {name: 'vendor', media: 'third-party', host: 'https://chat.vendor.example/start', out: 'widgets/vendor'},
    {
      name: 'callback',
      media: 'gms-callback',
      scenario: 'VOICE-SCHEDULED-USERTERM',
      host: 'gms.example.com:8443',
      gweVersion: '8.5',
      gweUrl: 'https://gwe.example.com:9443',
      out: 'widgets/callback',
    },
  ],
}

const YAML = `# the same integrations, in YAML, with keys in another order
integrations:
  - out: widgets/support
    service: samples_new
    host: https://gms.example.com
    scenario: CHAT-NOW
    media: gms-chat
    name: support-chat
  - name: vendor
    media: third-party
    host: https://chat.vendor.example/start
    out: widgets/vendor
  - name: callback
    media: gms-callback
    scenario: VOICE-SCHEDULED-USERTERM
    host: gms.example.com:8443
    gweVersion: "8.5"
    gweUrl: https://gwe.example.com:9443
    out: widgets/callback
`

function project(config: string, name = 'gwe-int.config.json'): string {
  const dir = tempDir()
  fs.writeFileSync(path.join(dir, name), config)
  return dir
}

const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), 'utf8')

describe('gwe-int generate (built binary)', () => {
  it('writes every integration of a JSON config; YAML with other key order gives the same bytes', async () => {
    const json = project(JSON.stringify(CONFIG, null, 2))
    const yaml = project(YAML, 'gwe-int.config.yaml')
    const a = await gweInt(['generate'], {cwd: json})
    const b = await gweInt(['generate'], {cwd: yaml})
    expect(a.exitCode, String(a.stderr)).toBe(0)
    expect(b.exitCode, String(b.stderr)).toBe(0)
    const files = listFiles(path.join(json, 'widgets'))
    expect(files).toEqual([
      'callback/engagement-logic/notification-message.js',
      'callback/engagement-logic/notify.sh',
      'callback/indexGPE.html',
      'callback/inviteGMS.html',
      'support/engagement-logic/notification-message.js',
      'support/engagement-logic/notify.sh',
      'support/indexGPE.html',
      'support/inviteGMS.html',
      'vendor/engagement-logic/notification-message.js',
      'vendor/engagement-logic/notify.sh',
      'vendor/inviteVendor.html',
    ])
    for (const file of files) {
      const text = read(json, `widgets/${file}`)
      // The header names the config, so compare everything after it.
      expect(read(yaml, `widgets/${file}`).split('\n').slice(2).join('\n'), file).toBe(text.split('\n').slice(2).join('\n'))
      if (file.endsWith('.html')) for (const script of inlineScripts(text)) parseScript(script)
      if (file.endsWith('.js')) parseScript(text, 5)
    }
    // 8.5 paths and the absolute invite URL from gweUrl (docs/genesys.md#gwe-85-paths).
    expect(read(json, 'widgets/callback/engagement-logic/notification-message.js')).toContain('"https://gwe.example.com:9443/server/resources/inviteGMS.html"')
    // host[:port] becomes https (no hard-coded http://, a mistake of the vendor's example).
    expect(read(json, 'widgets/callback/inviteGMS.html')).toContain('"https://gms.example.com:8443/genesys/admin/js/sample/cb/indexGPE.html"')
    expect(a.stdout).toContain('11 created, 0 updated, 0 unchanged')
  })

  it('is deterministic and independent of the current folder', async () => {
    const dir = project(JSON.stringify(CONFIG))
    await gweInt(['generate'], {cwd: dir})
    const first = Object.fromEntries(listFiles(dir).map((f) => [f, read(dir, f)]))
    const sub = path.join(dir, 'elsewhere')
    fs.mkdirSync(sub)
    const again = await gweInt(['generate', '--config', '../gwe-int.config.json'], {cwd: sub})
    expect(again.exitCode).toBe(0)
    expect(again.stdout).toContain('0 created, 0 updated, 11 unchanged')
    for (const [f, text] of Object.entries(first)) expect(read(dir, f), f).toBe(text)
  })

  it('--check exits 0 when up to date, 1 with a unified diff after a hand edit or a removed file', async () => {
    const dir = project(JSON.stringify(CONFIG))
    await gweInt(['generate'], {cwd: dir})
    const clean = await gweInt(['generate', '--check'], {cwd: dir})
    expect(clean.exitCode).toBe(0)
    expect(clean.stdout).toContain('all 11 files up to date')
    const invite = path.join(dir, 'widgets/vendor/inviteVendor.html')
    fs.writeFileSync(invite, read(dir, 'widgets/vendor/inviteVendor.html').replace('No, thanks', 'Later'))
    fs.rmSync(path.join(dir, 'widgets/support/indexGPE.html'))
    const drift = await gweInt(['generate', '--check'], {cwd: dir})
    expect(drift.exitCode).toBe(1)
    expect(drift.stdout).toContain('--- a/widgets/vendor/inviteVendor.html')
    expect(drift.stdout).toContain('-      <button type="button" class="gwe-int-btn gwe-int-btn-secondary" id="gwe-int-invite-decline">Later</button>')
    expect(drift.stdout).toContain('+      <button type="button" class="gwe-int-btn gwe-int-btn-secondary" id="gwe-int-invite-decline">No, thanks</button>')
    expect(drift.stdout).toContain('--- a/widgets/support/indexGPE.html\t(missing)')
    expect(drift.stderr).toContain('2 of 11 files out of date')
    // --check wrote nothing.
    expect(fs.existsSync(path.join(dir, 'widgets/support/indexGPE.html'))).toBe(false)
    // The hand edit is protected: plain generate refuses, --force restores.
    const refused = await gweInt(['generate'], {cwd: dir})
    expect(refused.exitCode).toBe(3)
    expect(refused.stderr).toContain('widgets/vendor/inviteVendor.html: was edited since gwe-int wrote it')
    expect(fs.existsSync(path.join(dir, 'widgets/support/indexGPE.html'))).toBe(false)
    expect((await gweInt(['generate', '--force'], {cwd: dir})).exitCode).toBe(0)
    expect((await gweInt(['generate', '--check'], {cwd: dir})).exitCode).toBe(0)
  })

  it('--dry-run --json gives each file with its status and writes nothing', async () => {
    const dir = project(JSON.stringify(CONFIG))
    await gweInt(['generate', '--only', 'vendor'], {cwd: dir})
    const run = await gweInt(['generate', '--dry-run', '--json'], {cwd: dir})
    expect(run.exitCode).toBe(0)
    const out = JSON.parse(String(run.stdout))
    const status = Object.fromEntries(out.files.map((f: {path: string; status: string}) => [f.path, f.status]))
    expect(status['widgets/vendor/inviteVendor.html']).toBe('unchanged')
    expect(status['widgets/support/inviteGMS.html']).toBe('created')
    expect(out.dryRun).toBe(true)
    expect(listFiles(path.join(dir, 'widgets'))).toEqual([
      'vendor/engagement-logic/notification-message.js',
      'vendor/engagement-logic/notify.sh',
      'vendor/inviteVendor.html',
    ])
  })

  it('--only with an unknown name is an error naming the known ones', async () => {
    const run = await gweInt(['generate', '--only', 'nope'], {cwd: project(JSON.stringify(CONFIG))})
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain('--only: no integration named nope')
    expect(run.stderr).toContain('it has support-chat, vendor, callback')
  })

  it('new then generate reproduces the same bytes; new updates the entry of the same name', async () => {
    const dir = tempDir()
    const args = ['new', 'gms-callback', '--scenario', 'VOICE-WAIT-USERTERM', '--host', 'https://gms.example.com', '--service', 'cb', '--out', 'out', '--yes']
    expect((await gweInt(args, {cwd: dir})).exitCode).toBe(0)
    const check = await gweInt(['generate', '--check'], {cwd: dir})
    expect(check.exitCode, String(check.stdout)).toBe(0)
    await gweInt([...args.map((a) => (a === 'VOICE-WAIT-USERTERM' ? 'VOICE-NOW-USERTERM' : a))], {cwd: dir})
    await gweInt(['new', 'gwe-chat', '--out', 'gwe', '--yes'], {cwd: dir})
    const config = JSON.parse(read(dir, 'gwe-int.config.json'))
    expect(config.integrations.map((i: {name: string; scenario?: string}) => `${i.name}:${i.scenario ?? '-'}`)).toEqual([
      'gms-callback:VOICE-NOW-USERTERM',
      'gwe-chat:-',
    ])
    expect((await gweInt(['generate', '--check'], {cwd: dir})).exitCode).toBe(0)
  })

  it('new keeps comments in a YAML config', async () => {
    const dir = project('# our integrations\nintegrations: [] # none yet\n', 'gwe-int.config.yaml')
    expect((await gweInt(['new', 'gwe-chat', '--yes'], {cwd: dir})).exitCode).toBe(0)
    const text = read(dir, 'gwe-int.config.yaml')
    expect(text).toContain('# our integrations')
    expect(text).toContain('media: gwe-chat')
    expect(listFiles(dir)).toContain('widgets/gwe-chat/inviteGWE.html')
  })

  const bad: [string, string, string][] = [
    [
      'unknown key',
      JSON.stringify({integrations: [{name: 'a', media: 'gms-chat', colour: 'red'}]}, null, 2),
      'gwe-int.config.json:6: integrations[0]: unknown key "colour"',
    ],
    [
      'wrong type',
      JSON.stringify({integrations: [{name: 'a', media: 'gms-chat', host: 8443}]}, null, 2),
      'integrations[0].host: Invalid input: expected string, received number',
    ],
    [
      'bad URL',
      'integrations:\n  - name: a\n    media: gms-chat\n    host: ftp://gms.example.com\n',
      'gwe-int.config.yaml:4: integrations[0].host: must use http or https, not ftp',
    ],
    [
      'scenario of another medium',
      'integrations:\n  - name: a\n    media: gms-chat\n  - name: b\n    media: gms-chat\n  - name: c\n    media: gms-chat\n    scenario: VOICE-NOW-USERTERM\n',
      'integrations[2].scenario: VOICE-NOW-USERTERM is a callback scenario; gms-chat accepts CHAT-NOW, CHAT-WAIT, REQUEST-CHAT',
    ],
    [
      'duplicate names',
      'integrations:\n  - name: a\n    media: gwe-chat\n    out: x\n  - name: a\n    media: gwe-chat\n    out: y\n',
      'gwe-int.config.yaml:5: integrations[1].name: duplicate name "a" (also integrations[0])',
    ],
    [
      'two integrations, one path',
      'integrations:\n  - name: a\n    media: gwe-chat\n    out: x\n  - name: b\n    media: gwe-callback\n    out: x\n',
      'integrations "a" and "b" both write x/inviteGWE.html; give them different "out" folders or file names',
    ],
    ['not JSON', '{"integrations": [', 'gwe-int.config.json:1:'],
    ['unknown medium', 'integrations:\n  - name: a\n    media: fax\n', 'integrations[0].media: expected one of gms-chat, gms-callback'],
  ]
  it.each(bad)('rejects an invalid config (%s) with exit 2, the path and the line, writing nothing', async (_case, text, message) => {
    const dir = project(text, message.includes('.yaml') || text.startsWith('integrations') ? 'gwe-int.config.yaml' : 'gwe-int.config.json')
    const before = listFiles(dir)
    const run = await gweInt(['generate'], {cwd: dir})
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain(message)
    expect(run.stderr).not.toMatch(/\n\s+at /)
    expect(listFiles(dir)).toEqual(before)
  })

  it('schema prints the JSON Schema derived from the catalogue', async () => {
    const run = await gweInt(['schema'], {cwd: tempDir()})
    expect(run.exitCode).toBe(0)
    const schema = JSON.parse(String(run.stdout))
    const item = schema.properties.integrations.items
    expect(item.properties.media.enum).toContain('gms-callback')
    expect(item.properties.scenario.enum).toContain('VOICE-SCHEDULED-USERTERM')
    expect(item.additionalProperties).toBe(false)
    expect(item.required).toEqual(['name', 'media'])
  })
})
