/**
 * Start-up caches (bin/run.cjs, bin/code-cache.cjs): on Node >= 22 Node's compile cache
 * under the OS temp folder, on Node 20 the cache recorded at build time. Neither may
 * change what a run does, even where the cache folder cannot be created.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {execa} from 'execa'
import {BIN, gweInt, listFiles, ROOT, tempDir} from '../helpers/cli.js'

const NEW = ['new', 'gms-chat', '--host', 'https://gms.example.com', '--yes']

describe('start-up caches', () => {
  it('a temp folder where no cache can be made: same output, same files', async () => {
    const usual = tempDir()
    const blocked = tempDir()
    const a = await gweInt(NEW, {cwd: usual})
    // A path below a regular file: no folder can be created there, not even by root.
    const file = path.join(blocked, 'not-a-folder')
    fs.writeFileSync(file, '')
    const b = await gweInt(NEW, {cwd: blocked, env: {TMPDIR: path.join(file, 'tmp')}})
    expect(a.exitCode, String(a.stderr)).toBe(0)
    expect(b.exitCode, String(b.stderr)).toBe(0)
    expect(b.stdout).toBe(a.stdout)
    expect(b.stderr).toBe(a.stderr)
    expect(listFiles(blocked).filter((f) => f !== 'not-a-folder')).toEqual(listFiles(usual))
    for (const f of listFiles(usual)) expect(fs.readFileSync(path.join(blocked, f), 'utf8'), f).toBe(fs.readFileSync(path.join(usual, f), 'utf8'))
  })

  it("a temp folder where no cache can be made: Node >= 22 keeps its cache in the user's cache folder instead", async () => {
    const dir = tempDir()
    const file = path.join(dir, 'not-a-folder')
    fs.writeFileSync(file, '')
    const cache = path.join(dir, 'xdg-cache')
    const r = await gweInt(NEW, {cwd: dir, env: {TMPDIR: path.join(file, 'tmp'), XDG_CACHE_HOME: cache}})
    expect(r.exitCode, String(r.stderr)).toBe(0)
    // Node 20 has no compile cache: it uses the cache recorded at build time and writes nothing.
    const cached = fs.existsSync(cache)
      ? fs.readdirSync(cache, {recursive: true, encoding: 'utf8'}).filter((f) => fs.statSync(path.join(cache, f)).isFile())
      : []
    const major = Number((await execa('node', ['-p', 'process.versions.node'])).stdout.split('.')[0])
    if (major >= 22) expect(cached.length).toBeGreaterThan(0)
    else expect(cached).toEqual([])
  })

  it('GWE_INT_CODE_CACHE=0 (no cache at all) gives the same run', async () => {
    const usual = tempDir()
    const plain = tempDir()
    const a = await gweInt(NEW, {cwd: usual})
    const b = await gweInt(NEW, {cwd: plain, env: {GWE_INT_CODE_CACHE: '0'}})
    expect(b.exitCode, String(b.stderr)).toBe(0)
    expect([b.stdout, b.stderr]).toEqual([a.stdout, a.stderr])
    expect(listFiles(plain)).toEqual(listFiles(usual))
  })

  it('--version, answered by bin/run.cjs before oclif loads, prints what oclif prints for it', async () => {
    const cwd = tempDir()
    const fast = await gweInt(['--version'], {cwd})
    // oclif's own answer: its run() in the bundle, without bin/run.cjs in front of it.
    const script = `require(${JSON.stringify(path.join(ROOT, 'dist/main/run.cjs'))}).execute({dir: ${JSON.stringify(BIN)}, args: ['--version']})`
    const oclif = await execa('node', ['-e', script], {cwd, reject: false, stdin: 'ignore'})
    expect(oclif.exitCode, String(oclif.stderr)).toBe(0)
    expect(String(oclif.stdout)).toMatch(/^gwe-int\/\d+\.\d+\.\d+ \S+ node-v\d+/)
    expect([fast.exitCode, String(fast.stdout), String(fast.stderr)]).toEqual([0, String(oclif.stdout), ''])
  })
})
