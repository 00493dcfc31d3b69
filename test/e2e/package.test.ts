/**
 * The npm package as users get it: `npm pack` (of the current build), installed
 * from the registry into an empty prefix the way a user installs it (an empty npm
 * cache, a fresh $HOME, none of the npm settings of the run that started the tests),
 * then run from folders that have nothing to do with the source tree: every command
 * once, including the parts that load on demand (prompts, diff, the Handlebars
 * compiler, the not-found suggestion, autocomplete). Needs `npm run build` first,
 * like every e2e test, and the npm registry.
 */
import {execa} from 'execa'
import fs from 'node:fs'
import Module from 'node:module'
import os from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {MEDIA} from '../../src/catalog/media.js'
import {startPreview} from '../helpers/browser.js'
import {listFiles, ROOT, tempDir} from '../helpers/cli.js'
import {KEY, ptySession} from '../helpers/pty.js'

/** What installing the package may add to an empty prefix (CONTRIBUTING.md, Dependencies). */
const MAX_PACKAGES = 15
const MAX_KIB = 10 * 1024

let tarball: string
let packed: string[]
let prefix: string
let bin: string
let home: string
let installedPackages: string[]
let installedKib: number

/** The environment of a user's shell: none of the npm_* settings `npm test` passes down, its own HOME. */
function userEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !/^npm_/i.test(k)) env[k] = v
  return {...env, HOME: home, ...extra}
}

/** The installed gwe-int, run from a fresh folder outside the source tree, without a terminal. */
async function installed(args: string[], opts: {cwd?: string; env?: Record<string, string>} = {}) {
  const cwd = opts.cwd ?? tempDir('gwe-int-user-')
  const run = await execa(bin, args, {cwd, reject: false, stdin: 'ignore', extendEnv: false, env: {PATH: process.env.PATH ?? '', HOME: home, ...opts.env}})
  return {...run, cwd, stdout: String(run.stdout), stderr: String(run.stderr)}
}

beforeAll(async () => {
  expect(fs.existsSync(path.join(ROOT, 'dist/main/run.cjs')), 'run "npm run build" first').toBe(true)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gwe-int-pack-'))
  // --ignore-scripts: pack the build under test instead of rebuilding dist/ under the other tests.
  const pack = await execa('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {cwd: ROOT})
  const [info] = JSON.parse(String(pack.stdout)) as {filename: string; files: {path: string}[]}[]
  tarball = path.join(dir, info.filename)
  packed = info.files.map((f) => f.path).sort()
  prefix = path.join(dir, 'prefix')
  home = path.join(dir, 'home')
  fs.mkdirSync(home)
  // From the registry, with an npm cache of its own: nothing this machine cached or configured counts.
  const env = userEnv({npm_config_cache: path.join(dir, 'npm-cache'), npm_config_update_notifier: 'false'})
  const install = await execa('npm', ['install', '--prefix', prefix, tarball, '--no-audit', '--no-fund'], {cwd: dir, extendEnv: false, env, reject: false})
  expect(install.exitCode, `npm install of the packed tarball failed:\n${install.stderr}`).toBe(0)
  bin = path.join(prefix, 'node_modules', '.bin', 'gwe-int')
  const lock = JSON.parse(fs.readFileSync(path.join(prefix, 'node_modules', '.package-lock.json'), 'utf8')) as {packages: Record<string, unknown>}
  installedPackages = Object.keys(lock.packages)
    .map((p) => p.replace(/^.*node_modules\//, ''))
    .sort()
  installedKib = Number(String((await execa('du', ['-sk', path.join(prefix, 'node_modules')])).stdout).split(/\s/)[0])
}, 240_000)

describe('npm pack', () => {
  it('contains what a user needs and nothing else', () => {
    for (const f of [
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'bin/run.cjs',
      'bin/code-cache.cjs',
      'bin/crc32.cjs',
      'bin/stdio.cjs',
      'oclif.manifest.json',
      'schema/gwe-int.schema.json',
      'schema/gwe-int-doctor.schema.json',
      'dist/commands/doctor.cjs',
      'docs/genesys.md',
      'dist/main/run.cjs',
      'dist/commands/new.cjs',
      'dist/commands/templates/eject.cjs',
      'dist/hooks/not-found.cjs',
      'dist/vendor/handlebars.cjs',
      'dist/vendor/diff.cjs',
      'dist/commands/autocomplete/index.cjs',
      'templates/invite/invite.html.hbs',
    ]) {
      expect(packed, f).toContain(f)
    }
    // The recorded code cache serves Node 20 only, so only a build on Node 20 records it (bin/code-cache.cjs).
    const recorded = packed.filter((f) => f.startsWith('dist/code-cache/'))
    if (typeof (Module as {enableCompileCache?: unknown}).enableCompileCache === 'function') expect(recorded).toEqual([])
    else expect(recorded.length).toBeGreaterThan(0)
    const allowed =
      /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|SECURITY\.md|oclif\.manifest\.json|bin\/run\.c?js|bin\/(code-cache|crc32|stdio)\.cjs|dist\/.+\.cjs|dist\/code-cache\/.+\.cjs\.bin|schema\/gwe-int(-doctor)?\.schema\.json|docs\/genesys\.md|templates\/.+\.hbs)$/
    expect(
      packed.filter((f) => !allowed.test(f)),
      'unexpected files in the package',
    ).toEqual([])
    expect(packed.filter((f) => /(^|\/)(src|test|bench|scripts)\/|\.ts$|\.map$/.test(f))).toEqual([])
    expect(packed.filter((f) => f.startsWith('templates/'))).toEqual(listFiles(path.join(ROOT, 'templates')).map((f) => `templates/${f}`))
  })

  it('declares what npm and users need', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(prefix, 'node_modules/gwe-int/package.json'), 'utf8'))
    expect(pkg).toMatchObject({
      name: 'gwe-int',
      version: '0.1.0',
      type: 'module',
      license: 'MIT',
      bin: {'gwe-int': './bin/run.cjs'},
      engines: {node: '^20.19.0 || ^22.12.0 || >=24.0.0'},
    })
    expect(pkg.repository.url).toMatch(/^git\+https:\/\/github\.com\//)
    expect(pkg.description.length).toBeGreaterThan(20)
  })

  it(`adds at most ${MAX_PACKAGES} packages and ${MAX_KIB / 1024} MB to an empty prefix (du -sk of node_modules)`, () => {
    expect(installedPackages).toContain('gwe-int')
    expect(installedPackages.length, installedPackages.join(', ')).toBeLessThanOrEqual(MAX_PACKAGES)
    expect(installedKib).toBeGreaterThan(0)
    expect(installedKib).toBeLessThanOrEqual(MAX_KIB)
  })

  it('installs as a real copy, not a link into the source tree, with no build path inside', () => {
    const installedRoot = fs.realpathSync(path.join(prefix, 'node_modules/gwe-int'))
    expect(installedRoot.startsWith(fs.realpathSync(prefix))).toBe(true)
    for (const f of listFiles(installedRoot)) expect(fs.readFileSync(path.join(installedRoot, f)).includes(ROOT.replace(/\/$/, '')), f).toBe(false)
  })
})

describe('the installed gwe-int', () => {
  it('--version', async () => {
    const run = await installed(['--version'])
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toBe(`gwe-int/0.1.0 ${process.platform}-${process.arch} node-${process.version}`)
  })

  it('bin/run.js (the executable before it became bin/run.cjs) still runs the same CLI', async () => {
    const shim = path.join(prefix, 'node_modules/gwe-int/bin/run.js')
    const run = await execa(process.execPath, [shim, '--version'], {cwd: home, reject: false})
    expect(run.exitCode, String(run.stderr)).toBe(0)
    expect(run.stdout).toBe(`gwe-int/0.1.0 ${process.platform}-${process.arch} node-${process.version}`)
  })

  it('--help lists every command, with the templates topic', async () => {
    const run = await installed(['--help'])
    expect(run.exitCode).toBe(0)
    for (const line of [
      /^ {2}autocomplete +\S/m,
      /^ {2}generate +\S/m,
      /^ {2}list +\S/m,
      /^ {2}new +\S/m,
      /^ {2}patch +\S/m,
      /^ {2}preview +\S/m,
      /^ {2}schema +\S/m,
      /^ {2}templates +Customize the templates/m,
    ]) {
      expect(run.stdout).toMatch(line)
    }
    expect((await installed(['templates', '--help'])).stdout).toMatch(/^ {2}templates eject +Copy the built-in templates/m)
  })

  it('every command has a description and examples; new --help lists the media kinds and scenarios', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(prefix, 'node_modules/gwe-int/oclif.manifest.json'), 'utf8'))
    // The hidden ones (autocomplete's create and script) are run by autocomplete itself.
    const ids = Object.keys(manifest.commands).filter((id) => !manifest.commands[id].hidden)
    expect(ids).toEqual(expect.arrayContaining(['generate', 'list', 'new', 'patch', 'preview', 'schema', 'templates:eject']))
    for (const id of ids) {
      const run = await installed([...id.split(':'), '--help'], {env: {COLUMNS: '200'}})
      expect(run.exitCode, id).toBe(0)
      expect(run.stdout, id).toMatch(/^DESCRIPTION\n {2}\S/m)
      expect(run.stdout, id).toMatch(/^EXAMPLES\n {2}\S/m)
    }
    const help = (await installed(['new', '--help'], {env: {COLUMNS: '200'}})).stdout
    for (const m of MEDIA) {
      expect(help, m.id).toContain(m.id)
      for (const s of m.scenarios) expect(help, `${m.id} ${s}`).toContain(s)
    }
  })

  it('new gms-chat --yes from another folder: files, a tree of what was written, warnings on stderr, no colour in a pipe', async () => {
    // No NO_COLOR here: output to a pipe must be plain anyway.
    const run = await installed(['new', 'gms-chat', '--yes'])
    expect(run.exitCode, run.stderr).toBe(0)
    expect(listFiles(run.cwd)).toEqual([
      'gwe-int.config.json',
      'widgets/gms-chat/engagement-logic/notification-message.js',
      'widgets/gms-chat/engagement-logic/notify.sh',
      'widgets/gms-chat/indexGPE.html',
      'widgets/gms-chat/inviteGMS.html',
    ])
    expect(run.stdout).toContain('gms-chat → widgets/gms-chat/\n  created    engagement-logic/notification-message.js\n')
    expect(run.stdout).toContain('5 created, 0 updated, 0 unchanged\n\nNext steps:\n')
    expect(run.stderr).toContain('warning: gms-chat: --host https://gms.example.com is a placeholder')
    expect(`${run.stdout}${run.stderr}`).not.toContain('\u001B[')
    const config = JSON.parse(fs.readFileSync(path.join(run.cwd, 'gwe-int.config.json'), 'utf8'))
    expect(config.$schema).toBe('./node_modules/gwe-int/schema/gwe-int.schema.json')
  })

  it('--quiet prints only warnings and errors; --json prints only JSON', async () => {
    const quiet = await installed(['new', 'gms-chat', '--yes', '--quiet'])
    expect(quiet.exitCode).toBe(0)
    expect(quiet.stdout).toBe('')
    expect(quiet.stderr).toContain('warning: gms-chat: --host https://gms.example.com is a placeholder')
    const json = await installed(['new', 'gms-chat', '--host', 'https://gms.example.com', '--yes', '--json'])
    expect(JSON.parse(json.stdout).files.map((f: {status: string}) => f.status)).toEqual(['created', 'created', 'created', 'created'])
  })

  it('ships the JSON Schema that "gwe-int schema" prints', async () => {
    const run = await installed(['schema'])
    expect(run.exitCode).toBe(0)
    expect(`${run.stdout}\n`).toBe(fs.readFileSync(path.join(prefix, 'node_modules/gwe-int/schema/gwe-int.schema.json'), 'utf8'))
    expect(JSON.parse(run.stdout).title).toBe('gwe-int config')
  })

  it('gwe-int nwe gms-chat: did you mean "new"? (exit 2 without a terminal)', async () => {
    const run = await installed(['nwe', 'gms-chat'])
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toBe('error: "nwe" is not a gwe-int command; did you mean "new"? Run "gwe-int --help" for the list')
    expect(listFiles(run.cwd)).toEqual([])
  })

  it('gwe-int autocomplete prints the shell set-up and writes completions that know every command', async () => {
    const run = await installed(['autocomplete', 'bash'])
    expect(run.exitCode, run.stderr).toBe(0)
    expect(run.stdout).toContain('gwe-int autocomplete script bash')
    const script = await installed(['autocomplete', 'script', 'bash'])
    expect(script.exitCode, script.stderr).toBe(0)
    expect(script.stdout).toContain('GWE_INT_AC_BASH_SETUP_PATH')
    // The completions go to the user's cache folder (oclif's cacheDir, under $HOME here).
    const completions = fs.readFileSync(path.join(home, '.cache', 'gwe-int', 'autocomplete', 'functions', 'bash', 'gwe-int.bash'), 'utf8')
    for (const id of ['generate', 'list', 'new', 'patch', 'preview', 'schema', 'templates:eject']) expect(completions, id).toContain(id)
  })

  it('generate and generate --check: up to date, then a unified diff and exit 1 for a file edited by hand', async () => {
    const made = await installed(['new', 'gms-chat', '--host', 'https://gms.example.com', '--yes'])
    expect(made.exitCode, made.stderr).toBe(0)
    const cwd = made.cwd
    const again = await installed(['generate'], {cwd})
    expect(again.exitCode, again.stderr).toBe(0)
    expect((await installed(['generate', '--check'], {cwd})).stdout).toBe('all 4 files up to date')
    fs.writeFileSync(path.join(cwd, 'widgets/gms-chat/indexGPE.html'), 'edited\n')
    const check = await installed(['generate', '--check'], {cwd})
    expect(check.exitCode).toBe(1)
    expect(check.stdout).toContain('--- a/widgets/gms-chat/indexGPE.html')
    expect(check.stdout).toMatch(/^-edited$/m)
    expect(check.stderr).toContain('1 of 4 files out of date')
  })

  it('list --json describes every medium', async () => {
    const run = await installed(['list', '--json'])
    expect(run.exitCode, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout).media.map((m: {id: string}) => m.id)).toEqual(MEDIA.map((m) => m.id))
  })

  it('templates eject, then new --templates renders the edited copy', async () => {
    const cwd = tempDir('gwe-int-user-')
    const eject = await installed(['templates', 'eject', '--out', 'brand'], {cwd})
    expect(eject.exitCode, eject.stderr).toBe(0)
    const invite = path.join(cwd, 'brand/invite/invite.html.hbs')
    expect(fs.readFileSync(invite, 'utf8')).toBe(fs.readFileSync(path.join(ROOT, 'templates/invite/invite.html.hbs'), 'utf8'))
    fs.appendFileSync(invite, '<p>Brand footer</p>\n')
    const made = await installed(['new', 'gms-chat', '--host', 'https://gms.example.com', '--templates', 'brand', '--yes'], {cwd})
    expect(made.exitCode, made.stderr).toBe(0)
    expect(fs.readFileSync(path.join(cwd, 'widgets/gms-chat/inviteGMS.html'), 'utf8')).toContain('<p>Brand footer</p>')
    // A broken override is refused with file and line, through the same compiler.
    fs.writeFileSync(invite, '{{#if x}}\n')
    const broken = await installed(['generate'], {cwd})
    expect(broken.exitCode).toBe(2)
    expect(broken.stderr).toMatch(/invite\.html\.hbs:\d+: not a valid Handlebars template/)
  })

  it("patch edits a team's own invite.html", async () => {
    const cwd = tempDir('gwe-int-user-')
    fs.copyFileSync(path.join(ROOT, 'test/fixtures/patch/guide-invite/input.html'), path.join(cwd, 'invite.html'))
    const run = await installed(
      ['patch', 'invite.html', '--media', 'gms-chat', '--scenario', 'CHAT-NOW', '--host', 'https://gms.example.com', '--out', 'inviteGMS.html', '--json'],
      {cwd},
    )
    expect(run.exitCode, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout).changes).toContain('added function startGms')
    expect(fs.readFileSync(path.join(cwd, 'inviteGMS.html'), 'utf8')).toContain('startGms("CHAT-NOW")')
  })

  it('new in a terminal asks its questions (prompts) and writes what was answered', async () => {
    const cwd = tempDir('gwe-int-user-')
    const s = ptySession(['new', 'gms-chat', '--host', 'https://gms.example.com', '--service', 'chat'], cwd, {command: [bin], env: {HOME: home}})
    await s.waitFor('Which scenario?')
    await s.type(KEY.enter)
    await s.waitFor('Which GWE version?')
    await s.type(KEY.enter)
    await s.waitFor('Output folder?')
    await s.type(`web${KEY.enter}`)
    await s.waitFor('GWE server URL')
    await s.type(`https://gwe.example.com:9443${KEY.enter}`)
    const result = await s.child
    expect(result.exitCode, s.plain()).toBe(0)
    expect(listFiles(path.join(cwd, 'web'))).toContain('indexGPE.html')
  })

  it('a mistyped command in a terminal offers the closest one', async () => {
    const cwd = tempDir('gwe-int-user-')
    const s = ptySession(['lsit', '--json'], cwd, {command: [bin], env: {HOME: home}})
    await s.waitFor('list')
    await s.type(KEY.enter)
    const result = await s.child
    expect(result.exitCode, s.plain()).toBe(0)
    expect(s.plain()).toContain('"media"')
  })

  it('preview serves the integrations of the config', async () => {
    const made = await installed(['new', 'gms-chat', '--host', 'https://gms.example.com', '--yes'])
    expect(made.exitCode, made.stderr).toBe(0)
    const preview = await startPreview(made.cwd, ['--port', '0'], {HOME: home}, [bin])
    try {
      const page = await fetch(preview.url)
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('gms-chat')
      expect(await preview.requests('gms-chat')).toEqual([])
    } finally {
      expect((await preview.stop()).exitCode).toBe(0)
    }
  })
})
