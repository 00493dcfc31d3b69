/**
 * `new` and `generate` on a project that already has integrations: recorded answers
 * kept, clashes caught before writing, obsolete files found and pruned, hosts understood,
 * drift advice that works and errors that help. Every case runs the built binary.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it, vi} from 'vitest'
import {ROOT, gweInt, listFiles, tempDir} from '../helpers/cli.js'
import {withLegacyChecksum} from '../helpers/legacy-checksum.js'

// Each case runs the binary up to seven times; on a shared 2-core machine that can take a while.
vi.setConfig({testTimeout: 120_000})

const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), 'utf8')
const config = (dir: string, file = 'gwe-int.config.json') => JSON.parse(read(dir, file))
/** Every file below `dir` with its bytes, to prove a refused run wrote (and deleted) nothing. */
const snapshot = (dir: string) => Object.fromEntries(listFiles(dir).map((f) => [f, read(dir, f)]))
const README_FIRST = [
  'new',
  'gms-chat',
  '--scenario',
  'CHAT-NOW',
  '--host',
  'https://gms.example.com:8443',
  '--service',
  'samples_new',
  '--out',
  'widgets',
  '--yes',
]

describe('new on an integration already in the config', () => {
  it('keeps every recorded answer a flag does not name, prints what changed and deletes the renamed invitation', async () => {
    const cwd = tempDir()
    expect((await gweInt(['new', 'gms-chat', '--scenario', 'CHAT-WAIT', '--host', 'https://gms.acme.test:8443', '--yes'], {cwd})).exitCode).toBe(0)
    const run = await gweInt(['new', 'gms-chat', '--invite-name', 'other.html', '--yes'], {cwd})
    expect(run.exitCode, String(run.stderr)).toBe(0)
    // The recorded host is kept: no placeholder warning (the built-in invitation's warnings stay).
    expect(run.stderr).not.toMatch(/placeholder|example\.com/)
    expect(run.stdout).toContain('gms-chat is in the config already; changed:\n  inviteName: (none) → other.html\n')
    expect(run.stdout).toMatch(/deleted +inviteGMS\.html \(no longer generated\)/)
    expect(config(cwd).integrations).toEqual([
      {
        name: 'gms-chat',
        media: 'gms-chat',
        scenario: 'CHAT-WAIT',
        host: 'https://gms.acme.test:8443',
        service: 'samples_new',
        inviteName: 'other.html',
        gweVersion: '8.1',
        out: 'widgets/gms-chat',
      },
    ])
    expect(listFiles(path.join(cwd, 'widgets/gms-chat'))).toEqual([
      'engagement-logic/notification-message.js',
      'engagement-logic/notify.sh',
      'indexGPE.html',
      'other.html',
    ])
    expect(read(cwd, 'widgets/gms-chat/other.html')).toContain('startGms("CHAT-WAIT");')
    expect((await gweInt(['generate', '--check'], {cwd})).exitCode).toBe(0)
  })

  it('--json carries the changes; --templates (what eject suggests) keeps the host and scenario', async () => {
    const cwd = tempDir()
    await gweInt(['new', 'gms-chat', '--scenario', 'CHAT-WAIT', '--host', 'https://gms.acme.test:8443', '--yes'], {cwd})
    expect((await gweInt(['templates', 'eject', '--out', 'my-templates'], {cwd})).exitCode).toBe(0)
    const run = await gweInt(['new', 'gms-chat', '--templates', 'my-templates', '--host', 'https://gms2.acme.test', '--yes', '--json'], {cwd})
    expect(run.exitCode, String(run.stdout)).toBe(0)
    const out = JSON.parse(String(run.stdout))
    expect(out.edited).toBe(true)
    expect(out.changes).toEqual([
      {key: 'host', from: 'https://gms.acme.test:8443', to: 'https://gms2.acme.test'},
      {key: 'templates', to: 'my-templates'},
    ])
    expect(out.integration).toMatchObject({scenario: 'CHAT-WAIT', host: 'https://gms2.acme.test', templates: 'my-templates'})
  })

  it('--reset starts from the defaults; another medium for the same name needs --reset', async () => {
    const cwd = tempDir()
    await gweInt(['new', 'gms-callback', '--scenario', 'VOICE-SCHEDULED-USERTERM', '--host', 'https://gms.acme.test', '--integration', 'support', '--yes'], {
      cwd,
    })
    const before = snapshot(cwd)
    const refused = await gweInt(['new', 'gms-chat', '--integration', 'support', '--yes'], {cwd})
    expect(refused.exitCode).toBe(2)
    expect(refused.stderr).toBe(
      'error: integration "support" in the config is a gms-callback integration, not gms-chat; pass --reset to replace it (its recorded answers are dropped), or --integration NAME to add another integration',
    )
    expect(snapshot(cwd)).toEqual(before)

    const reset = await gweInt(['new', 'gms-callback', '--integration', 'support', '--reset', '--yes'], {cwd})
    expect(reset.exitCode, String(reset.stderr)).toBe(0)
    expect(reset.stdout).toContain('support is in the config already; reset to the defaults, which changed:\n')
    expect(reset.stdout).toContain('  scenario: VOICE-SCHEDULED-USERTERM → VOICE-NOW-USERTERM\n')
    expect(reset.stdout).toContain('  host: https://gms.acme.test → https://gms.example.com\n')
    expect(config(cwd).integrations[0]).toMatchObject({scenario: 'VOICE-NOW-USERTERM', host: 'https://gms.example.com'})

    const medium = await gweInt(['new', 'gms-chat', '--integration', 'support', '--reset', '--host', 'https://gms.acme.test', '--yes'], {cwd})
    expect(medium.exitCode, String(medium.stderr)).toBe(0)
    expect(medium.stdout).toContain('  media: gms-callback → gms-chat\n')
    expect(config(cwd).integrations).toEqual([
      {
        name: 'support',
        media: 'gms-chat',
        scenario: 'CHAT-NOW',
        host: 'https://gms.acme.test',
        service: 'samples_new',
        gweVersion: '8.1',
        out: 'widgets/support',
      },
    ])
  })

  it('--integration alone edits the recorded integration (its medium from the config)', async () => {
    const cwd = tempDir()
    await gweInt(['new', 'third-party', '--host', 'https://chat.vendor.example/start', '--integration', 'vendor', '--yes'], {cwd})
    const run = await gweInt(['new', '--integration', 'vendor', '--vendor-function', 'Vendor.open'], {cwd})
    expect(run.exitCode, String(run.stderr)).toBe(0)
    expect(run.stdout).toContain('  vendorFunction: (none) → Vendor.open\n')
    expect(config(cwd).integrations[0]).toMatchObject({media: 'third-party', host: 'https://chat.vendor.example/start', vendorFunction: 'Vendor.open'})
  })
})

describe('new checks the whole config before writing', () => {
  it('refuses an integration whose files another one writes, naming both and suggesting an --out; nothing written', async () => {
    const cwd = tempDir()
    expect((await gweInt(README_FIRST, {cwd})).exitCode).toBe(0)
    const before = snapshot(cwd)
    const run = await gweInt(['new', 'gms-callback', '--host', 'https://gms.example.com:8443', '--out', 'widgets', '--yes'], {cwd})
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toBe(
      'error: integrations "gms-chat" and "gms-callback" both write widgets/inviteGMS.html; pass --out widgets/gms-callback so gms-callback does not replace gms-chat\'s files',
    )
    expect(snapshot(cwd)).toEqual(before)
    // The suggestion works, and generate then accepts the config.
    expect((await gweInt(['new', 'gms-callback', '--host', 'https://gms.example.com:8443', '--out', 'widgets/gms-callback', '--yes'], {cwd})).exitCode).toBe(0)
    expect((await gweInt(['generate', '--check'], {cwd})).exitCode).toBe(0)
  })
})

describe('obsolete files', () => {
  const two = {
    integrations: [
      {name: 'chat', media: 'gms-chat', host: 'https://gms.example.com', out: 'widgets'},
      {name: 'vendor', media: 'third-party', host: 'https://chat.vendor.example/start', out: 'widgets'},
    ],
  }

  function project(): string {
    const dir = tempDir()
    fs.writeFileSync(path.join(dir, 'gwe-int.config.json'), JSON.stringify(two, null, 2))
    return dir
  }

  it('--check reports files no longer generated (exit 1); generate deletes untouched ones and keeps hand-edited ones unless --force', async () => {
    const dir = project()
    // vendor and chat share widgets/, so their strategy files clash unless one moves: give vendor its own logic folder by renaming.
    const renamed = {integrations: [two.integrations[0], {...two.integrations[1], out: 'widgets/vendor'}]}
    fs.writeFileSync(path.join(dir, 'gwe-int.config.json'), JSON.stringify(renamed, null, 2))
    expect((await gweInt(['generate'], {cwd: dir})).exitCode).toBe(0)
    // Nothing of gwe-int's own, or of another config, is ever touched.
    fs.writeFileSync(path.join(dir, 'widgets/notes.html'), '<p>ours</p>\n')
    fs.writeFileSync(path.join(dir, 'elsewhere.html'), read(dir, 'widgets/inviteGMS.html'))
    // Rename chat's invitation and drop vendor: two obsolete files of chat's old name, vendor's three.
    fs.writeFileSync(
      path.join(dir, 'gwe-int.config.json'),
      JSON.stringify(
        {
          integrations: [
            {...two.integrations[0], inviteName: 'chat.html'},
            {...two.integrations[1], out: 'widgets/vendor', inviteName: 'vendor.html'},
          ],
        },
        null,
        2,
      ),
    )
    fs.appendFileSync(path.join(dir, 'widgets/vendor/inviteVendor.html'), '<!-- our edit -->\n')

    const check = await gweInt(['generate', '--check'], {cwd: dir})
    expect(check.exitCode).toBe(1)
    expect(check.stderr).toContain('6 of 7 files out of date, 2 no longer generated\n')
    expect(check.stderr).toContain('  widgets/inviteGMS.html: no longer generated\n')
    expect(check.stderr).toContain('  widgets/vendor/inviteVendor.html: no longer generated (edited by hand)\n')
    expect(check.stdout).toContain('+++ b/widgets/inviteGMS.html\t(no longer generated)')

    const before = snapshot(dir)
    const dry = await gweInt(['generate', '--dry-run'], {cwd: dir})
    expect(dry.exitCode).toBe(0)
    expect(dry.stdout).toMatch(/would be deleted +inviteGMS\.html \(no longer generated\)/)
    expect(snapshot(dir)).toEqual(before)

    const run = await gweInt(['generate'], {cwd: dir})
    expect(run.exitCode, String(run.stderr)).toBe(0)
    expect(run.stdout).toMatch(/kept +inviteVendor\.html \(no longer generated, edited by hand: delete it yourself or pass --force\)/)
    expect(run.stdout).toContain('2 created, 4 updated, 1 unchanged, 1 deleted, 1 kept')
    const files = listFiles(dir)
    expect(files).not.toContain('widgets/inviteGMS.html')
    expect(files).toContain('widgets/vendor/inviteVendor.html')
    expect(files).toContain('widgets/notes.html')
    expect(files).toContain('elsewhere.html')

    const forced = await gweInt(['generate', '--force'], {cwd: dir})
    expect(forced.exitCode).toBe(0)
    expect(listFiles(dir)).not.toContain('widgets/vendor/inviteVendor.html')
    expect((await gweInt(['generate', '--check'], {cwd: dir})).exitCode).toBe(0)
  })

  it("files with the header of another config in the same folder are not this config's obsolete files", async () => {
    const dir = project()
    fs.writeFileSync(path.join(dir, 'other.json'), JSON.stringify({integrations: [{name: 'x', media: 'gwe-chat', out: 'widgets', inviteName: 'x.html'}]}))
    fs.writeFileSync(path.join(dir, 'gwe-int.config.json'), JSON.stringify({integrations: [two.integrations[1]]}))
    expect((await gweInt(['generate', '--config', 'other.json'], {cwd: dir})).exitCode).toBe(0)
    const run = await gweInt(['generate', '--check'], {cwd: dir})
    // Only vendor's own files are missing; other.json's x.html is not an obsolete file of this config.
    expect(run.stderr).toContain('3 of 3 files out of date\n')
    expect(run.stderr).not.toContain('x.html')
  })
})

describe('hosts', () => {
  it('drops a /genesys path from a GMS host with a note, refuses other paths, and takes host:port/ without a scheme', async () => {
    const cwd = tempDir()
    for (const given of ['https://gms.acme.test/genesys/', 'https://gms.acme.test/genesys']) {
      const run = await gweInt(['new', 'gms-chat', '--host', given, '--yes', '--json'], {cwd})
      expect(run.exitCode, String(run.stdout)).toBe(0)
      const out = JSON.parse(String(run.stdout))
      expect(out.integration.host).toBe('https://gms.acme.test')
      expect(out.notes[0]).toBe(
        `--host ${given}: dropped the path ${given.slice('https://gms.acme.test'.length)}; a GMS host is its base URL (https://gms.acme.test), and gwe-int adds /genesys/... itself`,
      )
      expect(read(cwd, 'widgets/gms-chat/inviteGMS.html')).toContain('"https://gms.acme.test/genesys/admin/js/sample/cb/indexGPE.html"')
    }
    const other = await gweInt(['new', 'gms-chat', '--host', 'https://gms.acme.test/gms', '--yes'], {cwd})
    expect(other.exitCode).toBe(2)
    expect(other.stderr).toBe(
      'error: --host: must be the GMS base URL: scheme, host and port only, e.g. https://gms.example.com:8443 (gwe-int adds the /genesys/... paths itself); remove /gms',
    )
    const bare = await gweInt(['new', 'gms-chat', '--host', 'gms.example.com:8443/', '--yes'], {cwd})
    expect(bare.exitCode, String(bare.stderr)).toBe(0)
    expect(config(cwd).integrations[0].host).toBe('https://gms.example.com:8443')
    // A vendor URL is a full URL: its path is kept.
    const vendor = await gweInt(['new', 'third-party', '--host', 'https://chat.vendor.example/genesys/start?x=1', '--yes'], {cwd})
    expect(vendor.exitCode).toBe(0)
    expect(config(cwd).integrations[1].host).toBe('https://chat.vendor.example/genesys/start?x=1')
  })

  it('a config host with another path is refused at its line', async () => {
    const cwd = tempDir()
    fs.writeFileSync(path.join(cwd, 'gwe-int.config.yaml'), 'integrations:\n  - name: a\n    media: webapi-chat\n    host: https://gms.example.com/api\n')
    const run = await gweInt(['generate'], {cwd})
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain('gwe-int.config.yaml:4: integrations[0].host: must be the GMS base URL')
  })
})

describe('template overrides', () => {
  it('generate --templates applies a folder to every integration for one run; eject prints the exact next command', async () => {
    const cwd = tempDir()
    await gweInt(['new', 'gwe-chat', '--yes'], {cwd})
    await gweInt(['new', 'gms-chat', '--host', 'https://gms.example.com', '--yes'], {cwd})
    const eject = await gweInt(['templates', 'eject', '--out', 'my-templates'], {cwd})
    expect(eject.exitCode).toBe(0)
    expect(eject.stdout).toContain(
      '  gwe-int new --integration gwe-chat --templates my-templates\n  gwe-int new --integration gms-chat --templates my-templates\n',
    )
    expect(eject.stdout).toContain('or try them on every integration first: gwe-int generate --templates my-templates --dry-run --diff')
    const invite = path.join(cwd, 'my-templates/invite/invite.html.hbs')
    fs.writeFileSync(invite, fs.readFileSync(invite, 'utf8').replace('<div id="gwe-int-invite"', '<!-- ACME brand -->\n<div id="gwe-int-invite"'))

    const once = await gweInt(['generate', '--templates', 'my-templates'], {cwd})
    expect(once.exitCode, String(once.stderr)).toBe(0)
    expect(read(cwd, 'widgets/gwe-chat/inviteGWE.html')).toContain('<!-- ACME brand -->')
    expect(read(cwd, 'widgets/gms-chat/inviteGMS.html')).toContain('<!-- ACME brand -->')
    expect(config(cwd).integrations.every((e: {templates?: string}) => e.templates === undefined)).toBe(true)

    // The command eject printed records the folder, keeping every other answer.
    const recorded = await gweInt(['new', '--integration', 'gms-chat', '--templates', 'my-templates'], {cwd})
    expect(recorded.exitCode, String(recorded.stderr)).toBe(0)
    expect(config(cwd).integrations[1]).toMatchObject({host: 'https://gms.example.com', templates: 'my-templates'})

    const missing = await gweInt(['generate', '--templates', 'nope'], {cwd})
    expect(missing.exitCode).toBe(2)
    expect(missing.stderr).toBe('error: --templates: nope is not a folder; create one with "gwe-int templates eject --out nope"')
  })

  it('eject without a config suggests starting one with the folder', async () => {
    const cwd = tempDir()
    const eject = await gweInt(['templates', 'eject', '--out', 'brand'], {cwd})
    expect(eject.stdout).toContain('next: gwe-int new --templates brand\n')
  })
})

describe('drift advice', () => {
  it('--check marks a hand-edited file, shows the content diff without the header, says how to keep or drop it; --dry-run exits 3', async () => {
    const cwd = tempDir()
    await gweInt(README_FIRST, {cwd})
    const invite = path.join(cwd, 'widgets/inviteGMS.html')
    const original = fs.readFileSync(invite, 'utf8')
    const edited = original
      .split('\n')
      .find((l) => l.includes('id="gwe-int-invite-decline">No, thanks'))!
      .replace('No, thanks', 'Later')
    fs.writeFileSync(invite, original.replace('No, thanks', 'Later'))
    const check = await gweInt(['generate', '--check'], {cwd})
    expect(check.exitCode).toBe(1)
    expect(check.stderr).toContain('  widgets/inviteGMS.html: edited by hand\n')
    expect(check.stderr).toContain('to keep an edit, move it into an override template')
    expect(check.stderr).toContain('to drop the edits: "gwe-int generate --force", then commit the result')
    expect(check.stdout).toContain(`\n-${edited}\n`)
    expect(check.stdout).not.toContain('gwe-int checksum')

    const before = snapshot(cwd)
    const dry = await gweInt(['generate', '--dry-run', '--diff'], {cwd})
    expect(dry.exitCode).toBe(3)
    expect(dry.stdout).toContain(`\n-${edited}\n`)
    expect(dry.stderr).toContain('error: dry run: the real run would refuse to overwrite 1 file')
    expect(snapshot(cwd)).toEqual(before)
    expect((await gweInt(['generate'], {cwd})).exitCode).toBe(3)
  })

  it('files whose headers carry the checksum of an earlier version are up to date, and stay as they are', async () => {
    const cwd = tempDir()
    await gweInt(README_FIRST, {cwd})
    const files = listFiles(path.join(cwd, 'widgets'))
    for (const file of files) fs.writeFileSync(path.join(cwd, 'widgets', file), withLegacyChecksum(read(cwd, `widgets/${file}`)))
    const before = snapshot(cwd)
    expect(Object.values(before).filter((text) => /checksum [0-9a-f]{16}\b/.test(text))).toHaveLength(files.length)
    const check = await gweInt(['generate', '--check'], {cwd})
    expect(check.exitCode, String(check.stderr)).toBe(0)
    expect((await gweInt(['generate'], {cwd})).exitCode).toBe(0)
    expect(snapshot(cwd)).toEqual(before)
    // Once a body changes, its file gets the current checksum.
    fs.writeFileSync(path.join(cwd, 'widgets/indexGPE.html'), before['widgets/indexGPE.html'].replace('samples_new', 'other'))
    const force = await gweInt(['generate', '--force'], {cwd})
    expect(force.exitCode, String(force.stderr)).toBe(0)
    expect(read(cwd, 'widgets/indexGPE.html')).toMatch(/checksum [0-9a-f]{8} -->/)
  })
})

describe('errors that help', () => {
  it('did-you-mean for a flag', async () => {
    const run = await gweInt(['new', 'gms-chat', '--hots', 'https://gms.example.com'], {cwd: tempDir()})
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toBe('error: unknown flag --hots; did you mean --host? ("gwe-int new --help" lists them)')
  })

  it('the parser\'s own errors read like the rest: "error: " and what is allowed', async () => {
    const cwd = tempDir()
    expect((await gweInt(['templates', 'eject'], {cwd})).stderr).toBe('error: missing --out')
    expect((await gweInt(['preview', '--port', 'x'], {cwd})).stderr).toBe('error: --port: expected a whole number, got x')
  })

  it("scenario ids in any case (recorded canonically, with a note); a wrong one lists only the medium's scenarios, once", async () => {
    const cwd = tempDir()
    const run = await gweInt(['new', 'gms-chat', '--scenario', 'chat-wait', '--yes'], {cwd})
    expect(run.exitCode, String(run.stderr)).toBe(0)
    expect(run.stdout).toContain('--scenario chat-wait: recorded as CHAT-WAIT\n')
    expect(config(cwd).integrations[0].scenario).toBe('CHAT-WAIT')
    const wrong = await gweInt(['new', 'gms-chat', '--scenario', 'VOICE-NOW-USERTERM', '--yes'], {cwd})
    expect(wrong.stderr).toBe('error: --scenario: VOICE-NOW-USERTERM is a callback scenario; gms-chat accepts CHAT-NOW, CHAT-WAIT, REQUEST-CHAT')
    const none = await gweInt(['new', 'gwe-chat', '--scenario', 'CHAT-NOW', '--yes'], {cwd})
    expect(none.stderr).toBe('error: --scenario: does not apply to gwe-chat')
  })

  it('config: did-you-mean for a key, a missing key reported as missing, every problem once', async () => {
    const cwd = tempDir()
    fs.writeFileSync(path.join(cwd, 'gwe-int.config.yaml'), 'integrations:\n  - name: a\n    media: gms-chat\n    sevice: chat\n  - name: b\n')
    const run = await gweInt(['generate'], {cwd})
    expect(run.exitCode).toBe(2)
    const lines = String(run.stderr).split(`${cwd}${path.sep}`).join('').split('\n').filter(Boolean)
    expect(lines).toEqual([
      'error: gwe-int.config.yaml:4: integrations[0]: unknown key "sevice"; did you mean "service"?',
      '  gwe-int.config.yaml:5: integrations[1].media: missing; it is required (one of gms-chat, gms-callback, gwe-chat, gwe-callback, webapi-chat, genesys-widgets, third-party)',
    ])
  })

  it('a JSON config is read by a JSON parser: line and column, trailing commas refused, no YAML words', async () => {
    const cwd = tempDir()
    const text = '{\n  "integrations": [\n    {"name": "a", "media": "gwe-chat"},\n  ]\n}\n'
    fs.writeFileSync(path.join(cwd, 'gwe-int.config.json'), text)
    const run = await gweInt(['generate'], {cwd})
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toBe(`error: ${path.join(cwd, 'gwe-int.config.json')}:4:3: not valid JSON: trailing comma before the closing bracket (JSON allows none)`)
    fs.writeFileSync(path.join(cwd, 'gwe-int.config.json'), '{"integrations": [\n{"name": "a",\n  "media": "gwe-chat"}\n ]]\n')
    const flow = await gweInt(['generate'], {cwd})
    expect(flow.stderr.startsWith(`error: ${path.join(cwd, 'gwe-int.config.json')}:4:3: not valid JSON: `), String(flow.stderr)).toBe(true)
    expect(flow.stderr).not.toMatch(/Flow|indented|YAML/)
  })
})

describe('polish', () => {
  it('list names inputs by flag; new --help keeps the indentation of its media list', async () => {
    const list = await gweInt(['list'], {cwd: tempDir()})
    const inputs = String(list.stdout)
      .split('\n')
      .find((l) => l.startsWith('  inputs:'))!
    expect(inputs).toMatch(/^ {2}inputs: +--scenario, --host, --service, --invite-name, --widget-name, --widget-url\b.* \(required: --host\)$/)
    expect(inputs).not.toMatch(/inviteName|widgetName/)
    const help = await gweInt(['new', '--help'], {cwd: tempDir(), env: {COLUMNS: '100'}})
    const lines = String(help.stdout).split('\n')
    const medium = lines.findIndex((l) => /^ {4}gms-chat {2,}\S/.test(l))
    expect(medium).toBeGreaterThan(0)
    // The scenarios sit indented under their medium, each on its own line.
    expect(
      lines.slice(medium + 1, medium + 3).some((l) => /^ {20,}CHAT-NOW {2,}chat now/.test(l)),
      lines.slice(medium, medium + 4).join('\n'),
    ).toBe(true)
    expect(lines.some((l) => /^ {20,}VOICE-SCHEDULED-USERTERM {2,}agent calls/.test(l))).toBe(true)
  })
})

describe('patch', () => {
  it('refuses onAccept in a <script> an unclosed <svg> took in, saying why and what to do', async () => {
    const cwd = tempDir()
    // The invitation fixture, with a decorative <svg> left open before its script.
    const fixture = fs.readFileSync(path.join(ROOT, 'test/fixtures/patch/guide-invite/input.html'), 'utf8')
    const scriptAt = fixture.indexOf('<script')
    const page = `${fixture.slice(0, scriptAt)}<svg width="10" height="10"><circle r="4"/>\n${fixture.slice(scriptAt)}`
    const lineOf = (offset: number) => page.slice(0, offset).split('\n').length
    fs.writeFileSync(path.join(cwd, 'invite.html'), page)
    const run = await gweInt(
      ['patch', 'invite.html', '--media', 'gms-chat', '--kind', 'invite', '--host', 'https://gms.example.com', '--out', 'inviteGMS.html'],
      {cwd},
    )
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toBe(
      `error: invite.html:${lineOf(page.indexOf('<script'))}:1: onAccept is in a <script> that the <svg> at ${lineOf(page.indexOf('<svg'))}:1, never closed, takes in: browsers still run it, but read it as SVG (character references such as &lt; are decoded), so gwe-int refuses to edit it\n` +
        '  close the <svg> (add </svg>) before this <script> and patch again',
    )
    expect(listFiles(cwd)).toEqual(['invite.html'])
    // Closing it, as the message says, is enough.
    fs.writeFileSync(path.join(cwd, 'invite.html'), page.replace('<circle r="4"/>', '<circle r="4"/></svg>'))
    const fixed = await gweInt(
      ['patch', 'invite.html', '--media', 'gms-chat', '--kind', 'invite', '--host', 'https://gms.example.com', '--out', 'inviteGMS.html'],
      {cwd},
    )
    expect(fixed.exitCode, String(fixed.stderr)).toBe(0)
    expect(read(cwd, 'inviteGMS.html')).toContain('startGms("CHAT-NOW");')
  })
})

describe('preview', () => {
  it('answers /favicon.ico with no content instead of a 404', async () => {
    const cwd = tempDir()
    await gweInt(['new', 'gwe-chat', '--yes'], {cwd})
    const {execa} = await import('execa')
    const {BIN} = await import('../helpers/cli.js')
    const child = execa('node', [BIN, 'preview'], {cwd, reject: false, env: {NO_COLOR: '1'}})
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = ''
        child.stdout!.on('data', (d: Buffer) => {
          out += d.toString()
          const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out)
          if (m) resolve(m[0])
        })
        child.on('exit', () => reject(new Error(`preview exited: ${out}`)))
      })
      const res = await fetch(`${url}favicon.ico`)
      expect(res.status).toBe(204)
    } finally {
      child.kill('SIGINT')
      await child
    }
  })
})
