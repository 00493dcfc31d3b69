/**
 * Issue 7 through the built binary: bad values and hostile inputs are refused with one
 * line and exit 2 before anything is written; symlinks out of the output folder are
 * refused; a failing write leaves the folder as it was; Ctrl-C while writing rolls back
 * and exits 130 (the GWE_INT_TEST_PAUSE_BEFORE_RENAME hook holds apply() between the
 * temp files and the renames so the test can act at that point).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {execa} from 'execa'
import {BIN, gweInt, listFiles, tempDir} from '../helpers/cli.js'

const GMS = ['gms-chat', '--scenario', 'CHAT-NOW', '--host', 'https://gms.example.com:8443', '--service', 'samples_new', '--out', 'widgets', '--yes']
/** gwe-int's own temp and backup names (.<name>.gwe-int-<pid>-<id>.tmp|bak). */
const TEMP_OR_BACKUP = /\.gwe-int-\d+-[0-9a-z]+\.(tmp|bak)$/

/**
 * Everything below `dir` (dotfiles included): each file's mode and bytes, each folder,
 * each symlink's target. "As it was" means equal snapshots.
 */
function snapshot(dir: string, rel = '', out: Record<string, string> = {}): Record<string, string> {
  for (const name of fs.readdirSync(path.join(dir, rel)).sort()) {
    const child = rel ? `${rel}/${name}` : name
    const p = path.join(dir, child)
    const stat = fs.lstatSync(p)
    if (stat.isSymbolicLink()) out[child] = `-> ${fs.readlinkSync(p)}`
    else if (stat.isDirectory()) {
      out[`${child}/`] = 'dir'
      snapshot(dir, child, out)
    } else out[child] = `${(stat.mode & 0o777).toString(8)} ${fs.readFileSync(p).toString('base64')}`
  }
  return out
}

function project(files: Record<string, string | Buffer> = {}): string {
  const dir = tempDir()
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), {recursive: true})
    fs.writeFileSync(path.join(dir, rel), content)
  }
  return dir
}

const config = (entries: object[]) => JSON.stringify({integrations: entries}, null, 2)
const gmsEntry = {name: 'chat', media: 'gms-chat', host: 'https://gms.example.com', out: 'widgets'}

/** Waits (polling the disk) until `ready` holds; fails after `ms`. Not a timing assertion: only a bound on waiting. */
async function waitFor(ready: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms
  while (!ready()) {
    if (Date.now() > end) throw new Error('waited too long')
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** The built binary as a child process the test can signal (gweInt() only hands back its result). */
const start = (args: string[], cwd: string, pauseMs: number) =>
  execa('node', [BIN, ...args], {cwd, reject: false, stdin: 'ignore', env: {NO_COLOR: '1', GWE_INT_TEST_PAUSE_BEFORE_RENAME: String(pauseMs)}})

const tempsIn = (dir: string) => listFiles(dir).filter((f) => TEMP_OR_BACKUP.test(f))

function expectOneCleanLine(stderr: unknown) {
  const text = String(stderr)
  expect(text).toMatch(/^error: /)
  expect(text).not.toMatch(/\n\s+at /)
}

describe('bad values are refused at the edge: exit 2, one line naming the flag, nothing written', () => {
  it.each([
    [['new', 'gms-chat', '--host', 'javascript:alert(1)', '--yes'], '--host: must use http or https, not javascript'],
    [['new', 'gms-chat', '--host', 'https://gms.example.com/?', '--yes'], '--host: must not contain a query or fragment'],
    [['new', 'gms-chat', '--host', 'https://gms.example.com/a\u0001b', '--yes'], '--host: contains U+0001 at position 26'],
    [['new', 'gms-chat', '--host', 'https://gms.example.com/"onload="x', '--yes'], '--host: must not contain spaces, quotes'],
    [['new', 'gms-chat', '--widget-url', 'data:text/html,hi', '--yes'], '--widget-url: must use http or https, not data'],
    [['new', 'gms-chat', '--gwe-url', 'ftp://gwe.example.com', '--yes'], '--gwe-url: must use http or https, not ftp'],
    [['new', 'gms-chat', '--service', 'samples</script>', '--yes'], '--service: must be a GMS service name'],
    [['new', 'gms-chat', '--widget-name', 'con.html', '--yes'], '--widget-name: must not be a reserved device name'],
    [['new', 'gms-chat', '--invite-name', 'sub/invite.html', '--yes'], '--invite-name: must be a plain file name'],
    [['new', 'gms-chat', '--integration', 'Bad Name', '--yes'], '--integration: must be lowercase letters'],
    [
      ['new', 'third-party', '--host', 'https://v.example/c', '--vendor-function', 'alert(1)', '--yes'],
      '--vendor-function: must be a global JavaScript function path',
    ],
    [['new', ...GMS.slice(0, -3), '--out', '../elsewhere', '--yes'], '--out: ../elsewhere is outside the project folder'],
  ])('%j', async (args, message) => {
    const cwd = tempDir()
    const run = await gweInt(args, {cwd})
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain(message)
    expectOneCleanLine(run.stderr)
    expect(listFiles(cwd)).toEqual([])
  })

  it('a config out folder outside the project is refused, and allowed with --allow-outside', async () => {
    const outside = tempDir()
    const cwd = project({'gwe-int.config.json': config([{...gmsEntry, out: outside}])})
    const run = await gweInt(['generate'], {cwd})
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain('gwe-int.config.json: integrations[0].out: ')
    expect(run.stderr).toContain('is outside the project folder')
    expect(listFiles(outside)).toEqual([])
    const allowed = await gweInt(['generate', '--allow-outside'], {cwd})
    expect(allowed.exitCode, String(allowed.stderr)).toBe(0)
    expect(listFiles(outside)).toContain('inviteGMS.html')
  })
})

describe('symlinks as output targets', () => {
  it('an out folder that is a symlink leading outside the project is refused without --allow-outside', async () => {
    const outside = tempDir()
    const cwd = project({'gwe-int.config.json': config([gmsEntry])})
    fs.symlinkSync(outside, path.join(cwd, 'widgets'))
    const run = await gweInt(['generate'], {cwd})
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain('integrations[0].out: widgets is outside the project folder')
    expect(run.stderr).toContain('(through a symlink)')
    expect(listFiles(outside)).toEqual([])
  })

  it.each([
    ['a sub-folder', 'widgets/engagement-logic', true],
    ['a file', 'widgets/inviteGMS.html', false],
    ['a dangling link', 'widgets/indexGPE.html', false],
  ])('%s inside the output folder linking outside it is refused, even with --force and --allow-outside', async (what, link, isDir) => {
    const outside = tempDir()
    const cwd = project({'gwe-int.config.json': config([gmsEntry]), 'widgets/keep.txt': 'ours\n'})
    const target = what === 'a dangling link' ? path.join(outside, 'not-yet.html') : isDir ? outside : path.join(outside, 'victim.html')
    if (what === 'a file') fs.writeFileSync(target, 'victim\n')
    fs.symlinkSync(target, path.join(cwd, link))
    const before = {project: snapshot(cwd), outside: snapshot(outside)}
    const run = await gweInt(['generate', '--force', '--allow-outside'], {cwd})
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain(`is reached through a symlink that leads to ${fs.realpathSync(outside)}`)
    expect(run.stderr).toContain('outside the output folder')
    expectOneCleanLine(run.stderr)
    expect(snapshot(outside)).toEqual(before.outside)
    expect(snapshot(cwd)).toEqual(before.project)
    expect(fs.lstatSync(path.join(cwd, link)).isSymbolicLink()).toBe(true)
  })

  it('a symlink inside the output folder that stays inside it is fine', async () => {
    const cwd = project({'gwe-int.config.json': config([gmsEntry])})
    fs.mkdirSync(path.join(cwd, 'widgets/real-logic'), {recursive: true})
    fs.symlinkSync('real-logic', path.join(cwd, 'widgets/engagement-logic'))
    const run = await gweInt(['generate'], {cwd})
    expect(run.exitCode, String(run.stderr)).toBe(0)
    expect(listFiles(path.join(cwd, 'widgets/real-logic'))).toEqual(['notification-message.js', 'notify.sh'])
  })
})

describe('template overrides (--templates)', () => {
  it('a folder that does not exist is an error, not a fallback to the built-in templates', async () => {
    const cwd = tempDir()
    const run = await gweInt(['new', ...GMS, '--templates', 'my-templates'], {cwd})
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain(`templates: folder ${path.join(fs.realpathSync(cwd), 'my-templates')} does not exist`)
    expect(listFiles(cwd)).toEqual([])
  })

  it('a file with an unknown template name (a typo) is an error naming it and the known ones', async () => {
    const cwd = project({'my-templates/invite/invte.html.hbs': '<p>typo</p>\n'})
    const run = await gweInt(['new', ...GMS, '--templates', 'my-templates'], {cwd})
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain('invite/invte.html.hbs is not a known template; known: ')
    expect(run.stderr).toContain('invite/invite.html.hbs')
    expect(listFiles(cwd)).toEqual(['my-templates/invite/invte.html.hbs'])
  })

  it('a template file without .hbs (a typo) is an error, not silently ignored', async () => {
    const cwd = project({'my-templates/invite/invite.html': '<p>forgot the extension</p>\n'})
    const run = await gweInt(['new', ...GMS, '--templates', 'my-templates'], {cwd})
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain('invite/invite.html is not a template (templates end in .hbs; known: ')
    expect(listFiles(cwd)).toEqual(['my-templates/invite/invite.html'])
  })

  it('a Handlebars syntax error names the template file and line', async () => {
    const broken = 'function getIds(callback) {\n  var x = 1;\n  {{#if media.id}\n}\n'
    const cwd = project({'my-templates/invite/partials/get-ids.js.hbs': broken})
    const run = await gweInt(['new', ...GMS, '--templates', 'my-templates'], {cwd})
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toMatch(/my-templates\/invite\/partials\/get-ids\.js\.hbs:3\b/)
    expectOneCleanLine(run.stderr)
    expect(listFiles(cwd)).toEqual(['my-templates/invite/partials/get-ids.js.hbs'])
  })
})

describe('hostile inputs: a clear error and exit 2', () => {
  const billionLaughs = [
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    ...'bcdefghi'.split('').map((n, k) => `${n}: &${n} [${Array(9).fill(`*${'abcdefghi'[k]}`).join(',')}]`),
    'integrations: []',
    '',
  ].join('\n')

  it.each([
    ['not JSON', 'gwe-int.config.json', '{"integrations": [\n  {"name": "a",,}\n]}\n', /gwe-int\.config\.json:2:\d+: not valid JSON/],
    ['not YAML', 'gwe-int.config.yaml', 'integrations:\n  - name: a\n   media: [\n', /gwe-int\.config\.yaml:\d+:\d+: not valid YAML/],
    [
      'binary garbage',
      'gwe-int.config.json',
      Buffer.from([0x7b, 0x00, 0xff, 0xfe, 0x01]),
      /gwe-int\.config\.json: config looks binary \(NUL byte at offset 1\)/,
    ],
    [
      'not UTF-8',
      'gwe-int.config.yaml',
      Buffer.from('integrations:\n  - name: caf\xe9\n', 'latin1'),
      /gwe-int\.config\.yaml: config is not valid UTF-8 \(at byte 27\)/,
    ],
    ['a YAML bomb (aliases)', 'gwe-int.config.yaml', billionLaughs, /gwe-int\.config\.yaml: Excessive alias count/],
    ['deep nesting', 'gwe-int.config.json', `${'['.repeat(200_000)}`, /gwe-int\.config\.json:1: not valid JSON for a config: nested deeper than 64 levels/],
    [
      'deep block nesting',
      'gwe-int.config.yaml',
      Array.from({length: 500}, (_, k) => `${' '.repeat(k)}a:`).join('\n'),
      /gwe-int\.config\.yaml:202: not valid YAML for a config: nested deeper/,
    ],
    ['a list where an object belongs', 'gwe-int.config.yaml', '- 1\n- 2\n', /gwe-int\.config\.yaml(:1)?: \(root\): /],
  ])('a config that is %s', async (_what, name, text, message) => {
    const cwd = project({[name]: text})
    const run = await gweInt(['generate'], {cwd})
    expect(run.exitCode).toBe(2)
    expect(String(run.stderr)).toMatch(message)
    expectOneCleanLine(run.stderr)
    expect(listFiles(cwd)).toEqual([name])
  })

  it("many keys are checked for duplicates in one pass (the parser's own check is quadratic)", async () => {
    const keys = Array.from({length: 60_000}, (_, k) => `k${k}: 1`).join('\n')
    const cwd = project({'gwe-int.config.yaml': `integrations: []\n${keys}\nk7: 2\n`})
    const run = await gweInt(['generate'], {cwd})
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain('gwe-int.config.yaml:60002:1: not valid YAML: duplicate key "k7"')
  })

  it('a 50 MB config is refused from its size, before it is read', async () => {
    const cwd = tempDir()
    const file = path.join(cwd, 'gwe-int.config.json')
    fs.closeSync(fs.openSync(file, 'w'))
    fs.truncateSync(file, 50 * 1024 * 1024) // sparse: 50 MB by stat, nothing on disk
    const run = await gweInt(['generate'], {cwd})
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain('gwe-int.config.json: config is 50.0 MiB, larger than the 1.0 MiB gwe-int reads; refusing to read it')
  })

  it('a config that never ends (/dev/zero) is refused without reading it', async () => {
    const cwd = tempDir()
    const run = await gweInt(['generate', '--config', '/dev/zero'], {cwd})
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain('/dev/zero: is not a regular file (a device, pipe or socket); give a config file')
  })

  it('a config that is a folder is refused', async () => {
    const cwd = tempDir()
    fs.mkdirSync(path.join(cwd, 'gwe-int.config.json'))
    const run = await gweInt(['generate'], {cwd})
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain('gwe-int.config.json: is a directory, not a config file')
  })

  it.each([
    ['binary', Buffer.concat([Buffer.from('<div>'), Buffer.from([0x00, 0x01, 0x02]), Buffer.from('</div>')]), 'source looks binary (NUL byte at offset 5)'],
    [
      'not UTF-8',
      Buffer.from('<div>\u00e9t\u00e9</div><script>function onAccept() {}</script>\n', 'utf16le'),
      'source is UTF-16 (little-endian) text; save it as UTF-8',
    ],
    ['Latin-1', Buffer.from('<p>caf\xe9</p>\n', 'latin1'), 'source is not valid UTF-8 (at byte 6)'],
  ])('a patch source that is %s is refused naming the file', async (_what, bytes, message) => {
    const cwd = project({'theirs/invite.html': bytes})
    const run = await gweInt(['new', ...GMS, '--invite-source', 'theirs/invite.html'], {cwd})
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain(`theirs/invite.html: ${message}`)
    expectOneCleanLine(run.stderr)
    expect(listFiles(cwd)).toEqual(['theirs/invite.html'])
  })
})

describe('all or nothing', () => {
  it('a file where a folder should be: exit 2 naming the path, nothing written, nothing left behind', async () => {
    const cwd = project({'widgets/engagement-logic': 'a file, not a folder\n'})
    const before = snapshot(cwd)
    const run = await gweInt(['new', ...GMS], {cwd})
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toMatch(/could not write .*widgets\/engagement-logic\/notification-message\.js \(ENOTDIR\); nothing was changed/)
    expect(snapshot(cwd)).toEqual(before)
  })

  it('a rename that fails half-way restores the files already renamed (bytes and mode)', async () => {
    const cwd = tempDir()
    expect((await gweInt(['new', ...GMS], {cwd})).exitCode).toBe(0)
    fs.chmodSync(path.join(cwd, 'widgets/inviteGMS.html'), 0o640)
    const before = snapshot(cwd)
    const child = start(['new', ...GMS.map((a) => (a === 'CHAT-NOW' ? 'CHAT-WAIT' : a.replace(':8443', ':9443')))], cwd, 1000)
    // CHAT-WAIT and the new port change the invitation, the widget and the config: three temp files.
    await waitFor(() => tempsIn(cwd).length === 3)
    // Renames go in path order: indexGPE.html, then inviteGMS.html finds a folder in its way.
    const blocked = path.join(cwd, 'widgets/inviteGMS.html')
    const saved = fs.readFileSync(blocked)
    fs.rmSync(blocked)
    fs.mkdirSync(path.join(blocked, 'in-the-way'), {recursive: true})
    const run = await child
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toMatch(/could not write .*widgets\/inviteGMS\.html \((EISDIR|ENOTEMPTY|EEXIST)\); nothing was changed/)
    expect(tempsIn(cwd)).toEqual([])
    fs.rmSync(blocked, {recursive: true})
    fs.writeFileSync(blocked, saved)
    fs.chmodSync(blocked, 0o640)
    // indexGPE.html was renamed before the failure: it has its old bytes again.
    expect(snapshot(cwd)).toEqual(before)
  })

  it('a temp file that vanishes before its rename: the folder is exactly as before', async () => {
    const cwd = tempDir()
    expect((await gweInt(['new', ...GMS], {cwd})).exitCode).toBe(0)
    const before = snapshot(cwd)
    const child = start(['new', ...GMS.map((a) => a.replace(':8443', ':9443'))], cwd, 1000)
    await waitFor(() => tempsIn(cwd).length === 3)
    const last = tempsIn(cwd).find((f) => f.startsWith('.gwe-int.config.json'))!
    fs.rmSync(path.join(cwd, last))
    const run = await child
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toMatch(/could not write .*gwe-int\.config\.json \(ENOENT\); nothing was changed/)
    expect(snapshot(cwd)).toEqual(before)
  })
})

describe('interrupts', () => {
  it('Ctrl-C (SIGINT) while writing: rolled back, folder as before, exit 130', async () => {
    const cwd = tempDir()
    expect((await gweInt(['new', ...GMS], {cwd})).exitCode).toBe(0)
    const before = snapshot(cwd)
    // Long enough that only the signal can end the pause.
    const child = start(['new', ...GMS.map((a) => a.replace(':8443', ':9443'))], cwd, 600_000)
    await waitFor(() => tempsIn(cwd).length === 3)
    child.kill('SIGINT')
    const run = await child
    expect(run.exitCode).toBe(130)
    expect(run.stderr).toContain('error: interrupted; nothing was written')
    expect(snapshot(cwd)).toEqual(before)
  })

  it('Ctrl-C on a first run: no file, no folder, no config left', async () => {
    const cwd = tempDir()
    const child = start(['new', ...GMS], cwd, 600_000)
    await waitFor(() => tempsIn(cwd).length === 5)
    child.kill('SIGINT')
    const run = await child
    expect(run.exitCode).toBe(130)
    expect(fs.readdirSync(cwd)).toEqual([])
  })

  it('the test hook is inert when not set, and the normal run leaves no temp or backup files', async () => {
    const cwd = tempDir()
    expect((await gweInt(['new', ...GMS], {cwd})).exitCode).toBe(0)
    expect((await gweInt(['new', ...GMS.map((a) => a.replace(':8443', ':9443'))], {cwd})).exitCode).toBe(0)
    expect(tempsIn(cwd)).toEqual([])
    expect(fs.readFileSync(path.join(cwd, 'widgets/inviteGMS.html'), 'utf8')).toContain('https://gms.example.com:9443/')
    expect(os.platform() === 'win32' || (fs.statSync(path.join(cwd, 'widgets/engagement-logic/notify.sh')).mode & 0o111) !== 0).toBe(true)
  })
})

describe('no lost work', () => {
  it('hand-edited files are listed one per line with how to see the difference; nothing is written; --force overwrites', async () => {
    const cwd = tempDir()
    await gweInt(['new', ...GMS], {cwd})
    for (const f of ['widgets/inviteGMS.html', 'widgets/engagement-logic/notify.sh']) fs.appendFileSync(path.join(cwd, f), '# ours\n')
    const before = snapshot(cwd)
    const run = await gweInt(['new', ...GMS.map((a) => a.replace(':8443', ':9443'))], {cwd})
    expect(run.exitCode).toBe(3)
    expect(run.stderr).toContain('refusing to overwrite 2 files')
    expect(run.stderr).toContain('  widgets/engagement-logic/notify.sh: was edited since gwe-int wrote it\n')
    expect(run.stderr).toContain('  widgets/inviteGMS.html: was edited since gwe-int wrote it\n')
    expect(run.stderr).toContain('see the difference with --dry-run --diff; to keep an edit, move it into an override template')
    expect(run.stderr).toContain('; overwrite with --force')
    expect(snapshot(cwd)).toEqual(before)
    const diff = await gweInt(['new', ...GMS.map((a) => a.replace(':8443', ':9443')), '--dry-run', '--diff'], {cwd})
    expect(diff.stdout).toContain('-# ours')
    const forced = await gweInt(['new', ...GMS.map((a) => a.replace(':8443', ':9443')), '--force'], {cwd})
    expect(forced.exitCode).toBe(0)
    expect(fs.readFileSync(path.join(cwd, 'widgets/inviteGMS.html'), 'utf8')).not.toContain('# ours')
  })
})

describe('characters that must not reach a terminal or a file name, and names Windows reserves', () => {
  const entry = (extra: Record<string, string>) => ({name: 'site', media: 'gms-chat', host: 'https://gms.example.com', out: 'widgets', ...extra})
  const writeJson = (cwd: string, integrations: object[]) =>
    fs.writeFileSync(path.join(cwd, 'gwe-int.config.json'), `${JSON.stringify({integrations}, null, 2)}\n`)

  it.each([
    ['an escape sequence in out', {out: 'x\u001b[2J'}, 'integrations[0].out: contains U+001B at position 2'],
    ['a right-to-left override in out', {out: 'widgets/\u202Elmth.exe'}, 'integrations[0].out: contains U+202E at position 9'],
    ['a C1 control in templates', {templates: 'my\u009btemplates'}, 'integrations[0].templates: contains U+009B at position 3'],
    ['a bidi isolate in host', {host: 'https://gms.\u2066example.com'}, 'integrations[0].host: contains U+2066 at position 13'],
    ['an escape sequence in scenario', {scenario: 'CHAT\u001b[31m'}, 'integrations[0].scenario: contains U+001B at position 5'],
    [
      'a line separator in a text',
      {texts: {inviteTitle: 'Hi\u2028there'}} as unknown as Record<string, string>,
      'integrations[0].texts.inviteTitle: contains U+2028 at position 3',
    ],
  ])('%s: refused at parsing, naming the code point; the character is not printed', async (_, extra, message) => {
    const cwd = tempDir()
    writeJson(cwd, [entry(extra)])
    const run = await gweInt(['generate'], {cwd})
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toMatch(new RegExp(`gwe-int\\.config\\.json:\\d+: ${message.replace(/[[\].+]/g, '\\$&')}$`))
    expect(run.stderr).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u2028]/)
    expect(listFiles(cwd)).toEqual(['gwe-int.config.json'])
  })

  it('a flag of `new` with such a character: one line naming the flag and the code point', async () => {
    const cwd = tempDir()
    const run = await gweInt(['new', 'gms-chat', '--host', 'https://gms.example.com', '--out', 'a\u202Eb', '--yes'], {cwd})
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toBe('error: --out: contains U+202E at position 2')
    expect(listFiles(cwd)).toEqual([])
  })

  it('`patch` with such a character in FILE or --out: one line naming it, nothing written', async () => {
    const cwd = tempDir()
    fs.writeFileSync(path.join(cwd, 'invite.html'), '<html><body><script>function startChat() {}</script></body></html>\n')
    const out = await gweInt(['patch', 'invite.html', '--media', 'gms-chat', '--out', 'a\u001bb.html'], {cwd})
    expect([out.exitCode, out.stderr]).toEqual([2, 'error: --out: contains U+001B at position 2'])
    const file = await gweInt(['patch', 'in\u202Evite.html', '--media', 'gms-chat', '--dry-run'], {cwd})
    expect([file.exitCode, file.stderr]).toEqual([2, 'error: FILE: contains U+202E at position 3'])
    expect(listFiles(cwd)).toEqual(['invite.html'])
  })

  it.each([['CON'], ['aux'], ['widgets/NUL/x'], ['com1.d'], ['site/LPT9']])('out "%s": refused as a device name Windows reserves', async (out) => {
    const cwd = tempDir()
    writeJson(cwd, [entry({out})])
    const run = await gweInt(['generate'], {cwd})
    expect(run.exitCode).toBe(2)
    const segment = out.split('/').find((s) => /^(con|aux|nul|com\d|lpt\d)(\..*)?$/i.test(s))
    expect(run.stderr).toContain(`integrations[0].out: names "${segment}", a device name Windows reserves`)
    const made = await gweInt(['new', 'gms-chat', '--integration', 'x', '--host', 'https://gms.example.com', '--out', out, '--yes'], {cwd: tempDir()})
    expect(made.exitCode).toBe(2)
    expect(made.stderr).toContain(`--out: names "${segment}", a device name Windows reserves`)
  })
})

describe("config files in gwe-int's words", () => {
  const config = {integrations: [{name: 'site', media: 'gms-chat', host: 'https://gms.example.com', out: 'widgets'}]}

  it('a JSON config with a UTF-8 byte order mark is read, as a YAML one is', async () => {
    const cwd = tempDir()
    fs.writeFileSync(path.join(cwd, 'gwe-int.config.json'), `\uFEFF${JSON.stringify(config, null, 2)}\n`)
    const run = await gweInt(['generate'], {cwd})
    expect(run.exitCode, String(run.stderr)).toBe(0)
    expect((await gweInt(['generate', '--check'], {cwd})).exitCode).toBe(0)
  })

  it.each([
    ['UTF-16 with a byte order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(config), 'utf16le')]), 'UTF-16 (little-endian)'],
    ['UTF-16 big-endian without one', Buffer.from(JSON.stringify(config), 'utf16le').swap16(), 'UTF-16 (big-endian)'],
    ['UTF-32', Buffer.from([...JSON.stringify(config)].flatMap((c) => [c.charCodeAt(0), 0, 0, 0])), 'UTF-32 (little-endian)'],
  ])('%s: named as such', async (_, bytes, encoding) => {
    const cwd = tempDir()
    fs.writeFileSync(path.join(cwd, 'gwe-int.config.json'), bytes)
    const run = await gweInt(['generate'], {cwd})
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toBe(`error: ${path.join(fs.realpathSync(cwd), 'gwe-int.config.json')}: config is ${encoding} text; save it as UTF-8 and try again`)
  })

  it.each([
    [
      'two YAML documents',
      'integrations: []\n---\nintegrations: []\n',
      'gwe-int.config.yaml:2:1: not valid YAML for a config: the config must be one YAML document (a second starts here)',
    ],
    [
      'an unknown tag',
      'integrations:\n  - name: site\n    media: gms-chat\n    out: !custom widgets\n',
      'gwe-int.config.yaml:4:10: not valid YAML for a config: unknown tag !custom; a config uses no tags',
    ],
  ])('%s: one line at its place, in our words', async (_, text, message) => {
    const cwd = tempDir()
    fs.writeFileSync(path.join(cwd, 'gwe-int.config.yaml'), text)
    const run = await gweInt(['generate'], {cwd})
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toBe(`error: ${path.join(fs.realpathSync(cwd), message)}`)
  })
})
