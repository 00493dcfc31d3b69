/**
 * Nothing lost, nothing left behind, through the built binary: parallel runs sharing one
 * config, the config's lock, files that are pipes, output read through a slow pipe,
 * SIGTERM/SIGHUP/SIGINT/SIGKILL at several points of a write (held there by the test
 * hooks GWE_INT_TEST_PAUSE_BEFORE_RENAME and GWE_INT_TEST_PAUSE_AT), leftovers of killed
 * runs, `patch --in-place` interrupted, and a checkout with CRLF line endings.
 */
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {execa} from 'execa'
import {BIN, ROOT, gweInt, listFiles, tempDir} from '../helpers/cli.js'

const GMS = ['gms-chat', '--scenario', 'CHAT-NOW', '--host', 'https://gms.example.com:8443', '--out', 'widgets', '--yes']
const LEFTOVER = /\.gwe-int-\d+(-[0-9a-z]+)?\.(tmp|bak)$/
/** A guard against a hang (a FIFO opened for reading blocks forever), not a timing assertion. */
const HANG_GUARD = {timeout: 60_000}
/** Whole processes, several per test, on a machine that may be busy: a bound on waiting only. */
const SLOW = 180_000

const leftoversIn = (dir: string) => listFiles(dir).filter((f) => LEFTOVER.test(f))

/** Every file below `dir` with its bytes (base64), for "as it was" comparisons. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((f) => [f, fs.readFileSync(path.join(dir, f)).toString('base64')]))
}

/** Waits (polling the disk) until `ready` holds; a bound on waiting, not a timing assertion. */
async function waitFor(ready: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms
  while (!ready()) {
    if (Date.now() > end) throw new Error('waited too long')
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** The built binary as a child the test can signal, with test hooks in `env`. */
const start = (args: string[], cwd: string, env: Record<string, string>) =>
  execa('node', [BIN, ...args], {cwd, reject: false, stdin: 'ignore', env: {NO_COLOR: '1', ...env}})

function configOf(dir: string, name = 'gwe-int.config.json'): {integrations: {name: string}[]} {
  return JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as {integrations: {name: string}[]}
}

function writeConfig(dir: string, count: number): void {
  const integrations = Array.from({length: count}, (_, k) => ({
    name: `site-${k}`,
    media: 'gms-chat',
    host: 'https://gms.example.com',
    out: `widgets/site-${k}`,
  }))
  fs.writeFileSync(path.join(dir, 'gwe-int.config.json'), `${JSON.stringify({integrations}, null, 2)}\n`)
}

describe('parallel runs sharing one config', {timeout: SLOW}, () => {
  it('six `new` runs at once each record their entry, and the result is up to date', async () => {
    const cwd = tempDir()
    const names = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6']
    const runs = await Promise.all(names.map((n) => gweInt(['new', ...GMS.slice(0, -3), '--integration', n, '--out', `widgets/${n}`, '--yes'], {cwd})))
    for (const run of runs) expect(run.exitCode, String(run.stderr)).toBe(0)
    expect(
      configOf(cwd)
        .integrations.map((e) => e.name)
        .sort(),
    ).toEqual(names)
    const check = await gweInt(['generate', '--check'], {cwd})
    expect(check.exitCode, String(check.stdout)).toBe(0)
    expect(fs.existsSync(path.join(cwd, 'gwe-int.config.json.lock'))).toBe(false)
    expect(leftoversIn(cwd)).toEqual([])
  })

  it('a lock held by a live run makes another wait, then exit 74 naming the lock and how to clear it; nothing written', async () => {
    const cwd = tempDir()
    expect((await gweInt(['new', ...GMS], {cwd})).exitCode).toBe(0)
    const lock = path.join(cwd, 'gwe-int.config.json.lock')
    fs.mkdirSync(lock)
    // A live holder touches its lock every few seconds; without that, a run slow to start
    // on a busy machine would rightly take the lock over as stale.
    const touch = setInterval(() => fs.utimesSync(lock, new Date(), new Date()), 1000)
    const before = snapshot(cwd)
    const run = await gweInt(['new', ...GMS.slice(0, -3), '--integration', 'other', '--out', 'other', '--yes'], {
      cwd,
      env: {GWE_INT_LOCK_WAIT_MS: '1500'},
    }).finally(() => clearInterval(touch))
    expect(run.exitCode).toBe(74)
    expect(run.stderr).toContain(`${path.join(fs.realpathSync(cwd), 'gwe-int.config.json')}: another gwe-int run has held its lock`)
    expect(run.stderr).toContain(`remove the folder ${fs.realpathSync(cwd)}/gwe-int.config.json.lock and try again`)
    expect(snapshot(cwd)).toEqual(before)
  })

  it('a lock left by a killed run (not refreshed for a minute) is taken over', async () => {
    const cwd = tempDir()
    expect((await gweInt(['new', ...GMS], {cwd})).exitCode).toBe(0)
    const lock = path.join(cwd, 'gwe-int.config.json.lock')
    fs.mkdirSync(lock)
    const old = new Date(Date.now() - 60_000)
    fs.utimesSync(lock, old, old)
    const run = await gweInt(['new', ...GMS.slice(0, -3), '--integration', 'other', '--out', 'other', '--yes'], {cwd, env: {GWE_INT_LOCK_WAIT_MS: '1500'}})
    expect(run.exitCode, String(run.stderr)).toBe(0)
    expect(configOf(cwd).integrations.map((e) => e.name)).toEqual(['gms-chat', 'other'])
    expect(fs.existsSync(lock)).toBe(false)
  })
})

describe('only regular files are read', {timeout: SLOW}, () => {
  const fifo = (file: string) => execFileSync('mkfifo', [file])

  it('a FIFO as the config: exit 2 naming it, without waiting for a writer', async () => {
    const cwd = tempDir()
    fifo(path.join(cwd, 'gwe-int.config.json'))
    const run = await gweInt(['generate'], {cwd, ...HANG_GUARD})
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain('gwe-int.config.json: is not a regular file (a device, pipe or socket); give a config file')
  })

  it('a FIFO as --invite-source, and as the file to patch: exit 2 naming it', async () => {
    const cwd = tempDir()
    fifo(path.join(cwd, 'invite.html'))
    const made = await gweInt(['new', ...GMS, '--invite-source', 'invite.html'], {cwd, ...HANG_GUARD})
    expect(made.exitCode).toBe(2)
    expect(made.stderr).toContain('invite.html: is not a regular file (a device, pipe or socket); give a source file')
    const patched = await gweInt(['patch', 'invite.html', '--media', 'gms-chat', '--in-place'], {cwd, ...HANG_GUARD})
    expect(patched.exitCode).toBe(2)
    expect(patched.stderr).toContain('invite.html: is not a regular file (a device, pipe or socket); give a source file')
    expect(listFiles(cwd)).toEqual(['invite.html'])
  })

  it('a FIFO where a generated file goes is a conflict naming it, not a hang', async () => {
    const cwd = tempDir()
    expect((await gweInt(['new', ...GMS], {cwd})).exitCode).toBe(0)
    fs.rmSync(path.join(cwd, 'widgets/inviteGMS.html'))
    fifo(path.join(cwd, 'widgets/inviteGMS.html'))
    const run = await gweInt(['generate'], {cwd, ...HANG_GUARD})
    expect(run.exitCode).toBe(3)
    expect(run.stderr).toContain('widgets/inviteGMS.html: is not a regular file (a device, pipe or socket)')
  })
})

describe('output through a slow pipe', {timeout: SLOW}, () => {
  it('a reader that starts after 11 s still gets the whole diff and a complete --json document, with the real exit code', async () => {
    const cwd = tempDir()
    writeConfig(cwd, 60) // 240 missing files: a diff of about 1.5 MB, far more than a pipe holds
    const direct = await gweInt(['generate', '--check'], {cwd})
    expect(direct.exitCode).toBe(1)
    const script = (extra: string) => `node ${JSON.stringify(BIN)} generate --check ${extra} | (sleep 11; cat); exit \${PIPESTATUS[0]}`
    const [text, json] = await Promise.all([
      execa('bash', ['-c', script('')], {cwd, reject: false, env: {NO_COLOR: '1'}}),
      execa('bash', ['-c', script('--json')], {cwd, reject: false, env: {NO_COLOR: '1'}}),
    ])
    expect(text.exitCode).toBe(1)
    expect(text.stdout).toBe(direct.stdout)
    expect(String(text.stderr)).not.toContain('timed out')
    expect(json.exitCode).toBe(1)
    const doc = JSON.parse(String(json.stdout)) as {check: boolean; files: unknown[]}
    expect(doc.check).toBe(false)
    expect(doc.files).toHaveLength(240)
  })
})

describe('signals while writing', {timeout: SLOW}, () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
    ['SIGINT', 130],
  ] as const)('%s before the renames: rolled back, folder as before, exit %i', async (signal, code) => {
    const cwd = tempDir()
    expect((await gweInt(['new', ...GMS], {cwd})).exitCode).toBe(0)
    const before = snapshot(cwd)
    const child = start(['new', ...GMS.map((a) => a.replace(':8443', ':9443'))], cwd, {GWE_INT_TEST_PAUSE_BEFORE_RENAME: '600000'})
    await waitFor(() => leftoversIn(cwd).length === 3)
    child.kill(signal)
    const run = await child
    expect(run.exitCode).toBe(code)
    expect(run.stderr).toMatch(/error: interrupted( \(SIG[A-Z]+\))?; nothing was written/)
    expect(snapshot(cwd)).toEqual(before)
  })

  it('a signal after the last file is in place: exit 0, every file written, and a note saying so', async () => {
    const cwd = tempDir()
    const child = start(['new', ...GMS], cwd, {GWE_INT_TEST_PAUSE_AT: 'after-write:600000'})
    await waitFor(() => fs.existsSync(path.join(cwd, 'gwe-int.config.json')) && leftoversIn(cwd).length === 0)
    child.kill('SIGINT')
    const run = await child
    expect(run.exitCode, String(run.stderr)).toBe(0)
    expect(run.stderr).toContain('note: SIGINT received after the write had finished; all 5 files were written')
    expect(run.stdout).toContain('5 created, 0 updated, 0 unchanged')
    expect((await gweInt(['generate', '--check'], {cwd})).exitCode).toBe(0)
  })

  it('SIGINT as soon as a large generate starts writing: either rolled back or complete, never half', async () => {
    const cwd = tempDir()
    writeConfig(cwd, 40)
    const child = start(['generate'], cwd, {})
    await waitFor(() => fs.existsSync(path.join(cwd, 'widgets')))
    child.kill('SIGINT')
    const run = await child
    expect(leftoversIn(cwd)).toEqual([])
    if (run.exitCode === 130) expect(listFiles(cwd)).toEqual(['gwe-int.config.json'])
    else {
      expect(run.exitCode, String(run.stderr)).toBe(0)
      expect((await gweInt(['generate', '--check'], {cwd})).exitCode).toBe(0)
    }
  })

  it('SIGKILL leaves temp files; --check reports them (exit 1), the next generate removes them', async () => {
    const cwd = tempDir()
    writeConfig(cwd, 2)
    expect((await gweInt(['generate'], {cwd})).exitCode).toBe(0)
    fs.writeFileSync(
      path.join(cwd, 'gwe-int.config.json'),
      fs.readFileSync(path.join(cwd, 'gwe-int.config.json'), 'utf8').replaceAll('gms.example.com', 'gms2.example.com'),
    )
    const plan = JSON.parse(String((await gweInt(['generate', '--dry-run', '--json'], {cwd})).stdout)) as {files: {status: string}[]}
    const changing = plan.files.filter((f) => f.status === 'updated').length
    expect(changing).toBeGreaterThan(0)
    const child = start(['generate'], cwd, {GWE_INT_TEST_PAUSE_BEFORE_RENAME: '600000'})
    await waitFor(() => leftoversIn(cwd).length === changing)
    child.kill('SIGKILL')
    await child
    const left = leftoversIn(cwd)
    expect(left).toHaveLength(changing)
    const check = await gweInt(['generate', '--check'], {cwd})
    expect(check.exitCode).toBe(1)
    for (const f of left) expect(check.stdout).toContain(`leftover: ${f} (a temp/backup file of a killed run; "gwe-int generate" removes it)`)
    expect(check.stderr).toContain(`${changing} leftover temp/backup files`)
    const json = await gweInt(['generate', '--check', '--json'], {cwd})
    expect((JSON.parse(String(json.stdout)) as {leftovers: string[]}).leftovers).toEqual(left)
    const run = await gweInt(['generate'], {cwd})
    expect(run.exitCode, String(run.stderr)).toBe(0)
    expect(run.stdout).toContain(`removed ${changing} leftover temp/backup files of an interrupted run`)
    expect(leftoversIn(cwd)).toEqual([])
    expect((await gweInt(['generate', '--check'], {cwd})).exitCode).toBe(0)
  })

  it('a temp file of a live process (another run writing now) is not touched', async () => {
    const cwd = tempDir()
    writeConfig(cwd, 1)
    fs.mkdirSync(path.join(cwd, 'widgets/site-0'), {recursive: true})
    const live = path.join(cwd, `widgets/site-0/.inviteGMS.html.gwe-int-${process.pid}-live.tmp`)
    fs.writeFileSync(live, 'being written\n')
    expect((await gweInt(['generate'], {cwd})).exitCode).toBe(0)
    expect(fs.existsSync(live)).toBe(true)
    expect((await gweInt(['generate', '--check'], {cwd})).exitCode).toBe(0)
  })
})

describe('patch --in-place keeps the original in FILE.bak whatever the interruption', {timeout: SLOW}, () => {
  const FIXTURE = path.join(ROOT, 'test/fixtures/patch/crlf-invite/input.html')
  const args = ['patch', 'invite.html', '--media', 'gms-chat', '--host', 'https://gms.example.com', '--in-place']

  it.each([
    ['before any rename', {GWE_INT_TEST_PAUSE_BEFORE_RENAME: '600000'}, 2],
    ['after FILE.bak is in place', {GWE_INT_TEST_PAUSE_AT: 'after-backups:600000'}, 1],
    ['after both are in place', {GWE_INT_TEST_PAUSE_AT: 'after-write:600000'}, 0],
  ])('SIGKILL %s: the original is in invite.html or invite.html.bak, and a rerun finishes the job', async (_when, env, temps) => {
    const cwd = tempDir()
    fs.copyFileSync(FIXTURE, path.join(cwd, 'invite.html'))
    const original = fs.readFileSync(FIXTURE)
    const child = start(args, cwd, env)
    const ready = (): boolean => {
      const left = leftoversIn(cwd).filter((f) => f.endsWith('.tmp')).length
      if (temps === 2) return left === 2
      if (temps === 1) return left === 1 && fs.existsSync(path.join(cwd, 'invite.html.bak'))
      return left === 0 && fs.existsSync(path.join(cwd, 'invite.html.bak')) && !fs.readFileSync(path.join(cwd, 'invite.html')).equals(original)
    }
    await waitFor(ready)
    child.kill('SIGKILL')
    await child
    const page = fs.readFileSync(path.join(cwd, 'invite.html'))
    const bak = path.join(cwd, 'invite.html.bak')
    expect(page.equals(original) || (fs.existsSync(bak) && fs.readFileSync(bak).equals(original))).toBe(true)
    const rerun = await gweInt(args, {cwd})
    expect(rerun.exitCode, String(rerun.stderr)).toBe(0)
    expect(fs.readFileSync(bak).equals(original)).toBe(true)
    expect(fs.readFileSync(path.join(cwd, 'invite.html')).equals(original)).toBe(false)
  })
})

describe('a checkout with CRLF line endings (git core.autocrlf=true)', {timeout: SLOW}, () => {
  it('new, git add, a CRLF checkout: --check is up to date, generate changes nothing, an update keeps CRLF', async () => {
    const cwd = tempDir()
    expect((await gweInt(['new', ...GMS], {cwd})).exitCode).toBe(0)
    const git = (...a: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...a], {cwd, stdio: 'pipe'})
    git('init', '-q')
    git('config', 'core.autocrlf', 'true')
    git('add', '.')
    git('commit', '-q', '-m', 'generated')
    // What a Windows checkout gets: every text file with CRLF.
    for (const f of listFiles(cwd).filter((f) => !f.startsWith('.git/'))) fs.rmSync(path.join(cwd, f))
    git('checkout', '--', '.')
    const invite = path.join(cwd, 'widgets/inviteGMS.html')
    expect(fs.readFileSync(invite, 'utf8')).toContain('\r\n')
    const check = await gweInt(['generate', '--check'], {cwd})
    expect(check.exitCode, String(check.stdout)).toBe(0)
    const run = await gweInt(['generate'], {cwd})
    expect(run.exitCode, String(run.stderr)).toBe(0)
    expect(run.stdout).toContain('0 created, 0 updated, 4 unchanged')
    const update = await gweInt(['new', ...GMS.map((a) => a.replace(':8443', ':9443'))], {cwd})
    expect(update.exitCode, String(update.stderr)).toBe(0)
    const text = fs.readFileSync(invite, 'utf8')
    expect(text).toContain('https://gms.example.com:9443')
    expect(text.split('\n').length - 1).toBe(text.split('\r\n').length - 1)
    expect(git('status', '--porcelain').toString()).toMatch(/inviteGMS\.html/)
    expect((await gweInt(['generate', '--check'], {cwd})).exitCode).toBe(0)
  })
})

describe("the config's lock at its edges", {timeout: SLOW}, () => {
  const lockOf = (cwd: string) => path.join(cwd, 'gwe-int.config.json.lock')

  it('`new` on a 200-entry config, signalled as the lock appears and at varied delays: never a lock left, the config whole', {timeout: 400_000}, async () => {
    // The window once seen: ~1.5 % of runs signalled 120-260 ms after start. Half the runs are
    // signalled the moment the lock folder appears (watched), which is that window itself.
    const iterations = 96
    const budget = Date.now() + 240_000
    const signals = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const
    const problems: string[] = []
    let next = 0
    let done = 0
    const worker = async () => {
      while (next < iterations && Date.now() < budget) {
        const k = next++
        const cwd = tempDir()
        writeConfig(cwd, 200)
        const signal = signals[k % 3]
        const child = start(['new', ...GMS.slice(0, -3), '--integration', 'extra', '--out', 'widgets/extra', '--yes'], cwd, {})
        let watcher: fs.FSWatcher | undefined
        let timer: NodeJS.Timeout | undefined
        if (k % 2 === 0) {
          watcher = fs.watch(cwd, (_event, name) => {
            if (name !== 'gwe-int.config.json.lock') return
            watcher?.close()
            child.kill(signal)
          })
        } else timer = setTimeout(() => child.kill(signal), 10 + ((k * 53) % 500))
        await child
        watcher?.close()
        clearTimeout(timer)
        const how = `run ${k}, ${signal} ${k % 2 === 0 ? 'as the lock appeared' : `after ${10 + ((k * 53) % 500)} ms`}`
        if (fs.existsSync(lockOf(cwd))) problems.push(`${how}: the lock was left behind`)
        const names = configOf(cwd).integrations.map((e) => e.name)
        if (names.length !== 200 && !(names.length === 201 && names[200] === 'extra')) problems.push(`${how}: the config has ${names.length} entries`)
        if (leftoversIn(cwd).length > 0) problems.push(`${how}: temp files left`)
        fs.rmSync(cwd, {recursive: true, force: true})
        done += 1
      }
    }
    await Promise.all([worker(), worker(), worker(), worker()])
    expect(problems).toEqual([])
    expect(done).toBeGreaterThanOrEqual(40)
  })

  it('no generated file can be in the lock folder: --out naming it is exit 2, and later runs work', async () => {
    const cwd = tempDir()
    expect((await gweInt(['new', ...GMS], {cwd})).exitCode).toBe(0)
    const before = snapshot(cwd)
    const run = await gweInt(['new', ...GMS.slice(0, -3), '--integration', 'other', '--out', 'gwe-int.config.json.lock', '--yes'], {cwd})
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain(
      `is inside the config's lock folder ${fs.realpathSync(cwd)}/gwe-int.config.json.lock; choose another "out" folder or file name`,
    )
    expect(snapshot(cwd)).toEqual(before)
    expect(fs.existsSync(lockOf(cwd))).toBe(false)
    // The same "out" in the config itself.
    const config = JSON.parse(fs.readFileSync(path.join(cwd, 'gwe-int.config.json'), 'utf8'))
    config.integrations.push({name: 'other', media: 'gms-chat', host: 'https://gms.example.com', out: 'gwe-int.config.json.lock/x'})
    fs.writeFileSync(path.join(cwd, 'gwe-int.config.json'), JSON.stringify(config))
    const generate = await gweInt(['generate'], {cwd})
    expect(generate.exitCode).toBe(2)
    expect(generate.stderr).toContain("is inside the config's lock folder")
    expect(fs.existsSync(lockOf(cwd))).toBe(false)
  })

  it('a file at the lock path, or a stale lock folder holding something, is exit 74 naming the lock; nothing written', async () => {
    const cwd = tempDir()
    expect((await gweInt(['new', ...GMS], {cwd})).exitCode).toBe(0)
    fs.writeFileSync(lockOf(cwd), '')
    const before = snapshot(cwd)
    const file = await gweInt(['new', ...GMS.slice(0, -3), '--integration', 'other', '--out', 'other', '--yes'], {cwd})
    expect(file.exitCode).toBe(74)
    expect(file.stderr).toBe(
      `error: ${lockOf(fs.realpathSync(cwd))}: cannot take the config's lock: a file is in its place, not the folder gwe-int makes; remove it and try again`,
    )
    expect(snapshot(cwd)).toEqual(before)
    fs.rmSync(lockOf(cwd))
    fs.mkdirSync(path.join(lockOf(cwd), 'something'), {recursive: true})
    const old = new Date(Date.now() - 60_000)
    fs.utimesSync(lockOf(cwd), old, old)
    const full = await gweInt(['generate', '--force'], {cwd})
    expect(full.exitCode).toBe(74)
    expect(full.stderr).toContain(`${lockOf(fs.realpathSync(cwd))}: cannot take the config's lock (ENOTEMPTY)`)
  })

  it('a malformed GWE_INT_LOCK_WAIT_MS is one line and exit 2, without waiting for the lock', async () => {
    const cwd = tempDir()
    expect((await gweInt(['new', ...GMS], {cwd})).exitCode).toBe(0)
    fs.mkdirSync(lockOf(cwd))
    const touch = setInterval(() => fs.utimesSync(lockOf(cwd), new Date(), new Date()), 1000)
    try {
      for (const value of ['abc', '-1', '1e3', '10 s']) {
        const run = await gweInt(['generate', '--force'], {cwd, env: {GWE_INT_LOCK_WAIT_MS: value}, ...HANG_GUARD})
        expect(run.exitCode).toBe(2)
        expect(run.stderr).toBe(`error: GWE_INT_LOCK_WAIT_MS: ${JSON.stringify(value)} is not a number of milliseconds; give a whole number such as 60000`)
      }
    } finally {
      clearInterval(touch)
    }
  })

  it('`generate --check` while `generate` writes waits for it, then checks what it wrote', async () => {
    const cwd = tempDir()
    writeConfig(cwd, 4)
    // Held after its temp files are written, before any rename: a check now would see every file missing.
    const writer = start(['generate'], cwd, {GWE_INT_TEST_PAUSE_BEFORE_RENAME: '3000'})
    await waitFor(() => leftoversIn(cwd).length > 0)
    const check = await gweInt(['generate', '--check'], {cwd})
    expect((await writer).exitCode).toBe(0)
    expect(check.exitCode, String(check.stdout).slice(0, 500)).toBe(0)
    expect(check.stdout).toBe('all 16 files up to date')
  })
})
