/**
 * Start-up caches (bin/run.cjs, bin/code-cache.cjs): on Node >= 22 the cache each
 * command's first run leaves in a folder of the user's under the OS temp folder (or the
 * user's cache folder), on Node 20 the cache recorded at build time. Neither may change
 * what a run does, even where the cache folder cannot be created, is damaged or is not
 * the user's own.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {execa} from 'execa'
import {BIN, gweInt, listFiles, ROOT, tempDir} from '../helpers/cli.js'

const NEW = ['new', 'gms-chat', '--host', 'https://gms.example.com', '--yes']

const nodeMajor = async () => Number((await execa('node', ['-p', 'process.versions.node'])).stdout.split('.')[0])

/** Every file below `dir` (absolute paths). */
const filesBelow = (dir: string) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, {recursive: true, encoding: 'utf8'})
        .map((f) => path.join(dir, f))
        .filter((f) => fs.statSync(f).isFile())
    : []

/** The learning folder the runs with TMPDIR=`tmp` use: one per package version, Node version and command. */
const learned = (tmp: string) => filesBelow(path.join(tmp, `gwe-int-code-cache-${process.getuid?.() ?? ''}`.replace(/-$/, '')))

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
    const major = await nodeMajor()
    if (major >= 22) expect(cached.length).toBeGreaterThan(0)
    else expect(cached).toEqual([])
  })

  it("Node >= 22: a command's first run leaves its cache, later runs read it, and a damaged file is written again", async () => {
    const tmp = tempDir()
    const first = tempDir()
    const a = await gweInt(NEW, {cwd: first, env: {TMPDIR: tmp}})
    expect(a.exitCode, String(a.stderr)).toBe(0)
    const files = learned(tmp)
    if ((await nodeMajor()) < 22) {
      // Node 20 reads the cache recorded at build time and writes nothing.
      expect(files).toEqual([])
      return
    }
    // One folder for `new`, holding the command's file and the chunks it loaded.
    expect(files.some((f) => f.endsWith(`${path.sep}new${path.sep}commands${path.sep}new.cjs.bin`))).toBe(true)
    expect(files.every((f) => f.includes(`${path.sep}new${path.sep}`) && f.endsWith('.cjs.bin'))).toBe(true)
    const mtimes = files.map((f) => fs.statSync(f).mtimeMs)
    // Read, not written again.
    const second = tempDir()
    const b = await gweInt(NEW, {cwd: second, env: {TMPDIR: tmp}})
    expect([b.exitCode, b.stdout, b.stderr]).toEqual([0, a.stdout, a.stderr])
    expect(learned(tmp).map((f) => fs.statSync(f).mtimeMs)).toEqual(mtimes)
    // A damaged file (a byte of its data flipped) is not used, and the run writes it again.
    const damaged = files.find((f) => f.endsWith(`commands${path.sep}new.cjs.bin`))!
    const bytes = fs.readFileSync(damaged)
    bytes[bytes.length - 1] ^= 0xff
    fs.writeFileSync(damaged, bytes)
    const third = tempDir()
    const c = await gweInt(NEW, {cwd: third, env: {TMPDIR: tmp}})
    expect([c.exitCode, c.stdout, c.stderr]).toEqual([0, a.stdout, a.stderr])
    expect(fs.readFileSync(damaged).equals(bytes)).toBe(false)
    for (const dir of [second, third]) expect(listFiles(dir)).toEqual(listFiles(first))
  })

  it('the cache recorded at build time is accepted by a Node like the one that recorded it (a run that changed V8 flags would stamp it unusable)', async () => {
    // One process compiles every bundle file with its recorded data, as bin/code-cache.cjs does.
    const script = `
      const fs = require('node:fs'), path = require('node:path'), vm = require('node:vm'), Module = require('node:module')
      const dist = ${JSON.stringify(path.join(ROOT, 'dist'))}, cache = path.join(dist, 'code-cache')
      const files = fs.existsSync(cache) ? fs.readdirSync(cache, {recursive: true, encoding: 'utf8'}).filter((f) => f.endsWith('.cjs.bin')) : []
      const rejected = files.filter((f) => {
        const source = fs.readFileSync(path.join(dist, f.slice(0, -4)), 'utf8')
        const data = fs.readFileSync(path.join(cache, f)).subarray(8)
        return new vm.Script(Module.wrap(source), {cachedData: data, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER}).cachedDataRejected
      })
      process.stdout.write(JSON.stringify({files: files.length, rejected}))`
    const r = await execa('node', ['-e', script], {reject: false})
    expect(r.exitCode, String(r.stderr)).toBe(0)
    const {files, rejected} = JSON.parse(String(r.stdout)) as {files: number; rejected: string[]}
    const major = await nodeMajor()
    // Only a build on Node 20 records it, and only Node 20 reads it.
    if (major === 20 && files > 0) expect(rejected).toEqual([])
    else expect(files === 0 || major !== 20).toBe(true)
  })

  it("Node >= 22: generate's learned cache is read by its next run (generate changes a V8 flag while it runs, and puts it back)", async () => {
    const tmp = tempDir()
    const project = tempDir()
    const made = await gweInt(NEW, {cwd: project, env: {TMPDIR: tmp}})
    expect(made.exitCode, String(made.stderr)).toBe(0)
    const first = await gweInt(['generate'], {cwd: project, env: {TMPDIR: tmp}})
    expect(first.exitCode, String(first.stderr)).toBe(0)
    const files = learned(tmp).filter((f) => f.includes(`${path.sep}generate${path.sep}`))
    if ((await nodeMajor()) < 22) {
      expect(files).toEqual([])
      return
    }
    expect(files.length).toBeGreaterThan(0)
    const mtimes = files.map((f) => fs.statSync(f).mtimeMs)
    const second = await gweInt(['generate'], {cwd: project, env: {TMPDIR: tmp}})
    expect([second.exitCode, second.stderr]).toEqual([0, first.stderr])
    expect(files.map((f) => fs.statSync(f).mtimeMs)).toEqual(mtimes)
  })

  it("Node >= 22: a cache folder others may write to is not used; the user's cache folder is", async () => {
    const tmp = tempDir()
    const shared = path.join(tmp, `gwe-int-code-cache-${process.getuid?.() ?? ''}`.replace(/-$/, ''))
    fs.mkdirSync(shared)
    fs.chmodSync(shared, 0o777)
    const xdg = path.join(tempDir(), 'xdg')
    const r = await gweInt(NEW, {cwd: tempDir(), env: {TMPDIR: tmp, XDG_CACHE_HOME: xdg}})
    expect(r.exitCode, String(r.stderr)).toBe(0)
    expect(filesBelow(shared)).toEqual([])
    const own = filesBelow(path.join(xdg, 'gwe-int'))
    if ((await nodeMajor()) >= 22) expect(own.length).toBeGreaterThan(0)
    else expect(own).toEqual([])
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

  it("the launcher's shortcut for the bundle's own requires resolves each to the file Node's resolver finds", async () => {
    // Every relative require of a .cjs file in dist/, resolved with the launcher's hooks
    // installed and by Node's own resolver, from the file that makes it.
    const script = `
      const Module = require('node:module'), fs = require('node:fs'), path = require('node:path')
      const node = Module._resolveFilename
      require(${JSON.stringify(path.join(ROOT, 'bin/code-cache.cjs'))}).installCodeCache({learnDir: ${JSON.stringify(tempDir())}})
      if (Module._resolveFilename === node) throw new Error('no shortcut installed')
      const dist = ${JSON.stringify(path.join(ROOT, 'dist'))}
      let count = 0
      for (const rel of fs.readdirSync(dist, {recursive: true, encoding: 'utf8'}).filter((f) => f.endsWith('.cjs'))) {
        const filename = path.join(dist, rel)
        const parent = {filename, id: filename, paths: Module._nodeModulePaths(path.dirname(filename))}
        for (const [, request] of fs.readFileSync(filename, 'utf8').matchAll(/require\\("(\\.\\.?\\/[^"]+\\.cjs)"\\)/g)) {
          const ours = Module._resolveFilename(request, parent, false)
          const theirs = node.call(Module, request, parent, false)
          if (ours !== theirs) throw new Error(rel + ': ' + request + ' -> ' + ours + ', Node: ' + theirs)
          count += 1
        }
      }
      console.log(count)`
    const r = await execa('node', ['-e', script], {reject: false, stdin: 'ignore', env: {GWE_INT_CODE_CACHE: '1'}})
    expect(r.exitCode, String(r.stderr)).toBe(0)
    expect(Number(r.stdout)).toBeGreaterThan(100)
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
