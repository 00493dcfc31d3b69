/**
 * apply() in process: the all-or-nothing write, its rollback (exact bytes and mode of
 * the files it replaced, even ones that are not UTF-8), the abort path (exit 130), and
 * the disk helpers assess() relies on (readExisting, realResolve).
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it, vi} from 'vitest'
import {apply} from '../../src/core/write/apply.js'
import {assess, type AssessedFile} from '../../src/core/write/assess.js'
import {checkTargets, readExisting, realResolve, realResolver} from '../../src/core/write/disk.js'
import {GweIntError} from '../../src/shared/errors.js'
import type {PlannedFile} from '../../src/core/write/plan.js'
import {listFiles, tempDir} from '../helpers/files.js'

const planned = (dir: string, rel: string, content: string, executable = false): PlannedFile => ({
  path: path.join(dir, rel),
  content,
  integration: 'x',
  artifact: 'invite',
  executable,
})
const mode = (file: string) => fs.statSync(file).mode & 0o777

describe('apply', () => {
  it('writes every file, executable ones 0755, and leaves no temp or backup files', async () => {
    const dir = tempDir()
    fs.writeFileSync(path.join(dir, 'old.html'), 'old\n')
    const files = assess(
      [planned(dir, 'a/b/new.html', 'new\n'), planned(dir, 'old.html', 'replaced\n'), planned(dir, 'run.sh', '#!/bin/sh\n', true)],
      readExisting,
      {force: true},
    )
    const result = await apply(files, {signal: new AbortController().signal})
    expect(result.written).toHaveLength(3)
    expect(listFiles(dir)).toEqual(['a/b/new.html', 'old.html', 'run.sh'])
    expect(fs.readFileSync(path.join(dir, 'old.html'), 'utf8')).toBe('replaced\n')
    expect(mode(path.join(dir, 'run.sh')) & 0o111).not.toBe(0)
  })

  it('a failing rename puts back the exact bytes and mode of the files it replaced and removes what it created', async () => {
    const dir = tempDir()
    const latin1 = Buffer.from('caf\xe9 \xff\n', 'latin1') // not UTF-8: a text round trip would mangle it
    fs.writeFileSync(path.join(dir, 'a.html'), latin1)
    fs.chmodSync(path.join(dir, 'a.html'), 0o600)
    fs.mkdirSync(path.join(dir, 'z.html/in-the-way'), {recursive: true})
    const files: AssessedFile[] = [
      ...assess([planned(dir, 'a.html', 'A\n'), planned(dir, 'new/b.html', 'B\n')], readExisting, {force: true}),
      // As if assessed before the folder appeared: the rename is what fails.
      {...planned(dir, 'z.html', 'Z\n'), status: 'created'},
    ]
    const error = await apply(files, {signal: new AbortController().signal}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GweIntError)
    expect((error as GweIntError).exit).toBe(2)
    expect((error as Error).message).toBe(`could not write ${path.join(dir, 'z.html')} (EISDIR); nothing was changed`)
    expect(fs.readFileSync(path.join(dir, 'a.html')).equals(latin1)).toBe(true)
    expect(mode(path.join(dir, 'a.html'))).toBe(0o600)
    expect(fs.existsSync(path.join(dir, 'new'))).toBe(false)
    expect(listFiles(dir)).toEqual(['a.html'])
    expect(fs.readdirSync(path.join(dir, 'z.html'))).toEqual(['in-the-way'])
  })

  it('an abort before the renames rolls back and throws the interrupted error (exit 130)', async () => {
    const dir = tempDir()
    fs.writeFileSync(path.join(dir, 'a.html'), 'before\n')
    const controller = new AbortController()
    controller.abort()
    const files = assess([planned(dir, 'a.html', 'after\n'), planned(dir, 'sub/b.html', 'B\n')], readExisting, {force: true})
    const error = await apply(files, {signal: controller.signal}).catch((e: unknown) => e)
    expect((error as GweIntError).exit).toBe(130)
    expect((error as Error).message).toBe('interrupted; nothing was written')
    expect(listFiles(dir)).toEqual(['a.html'])
    expect(fs.readFileSync(path.join(dir, 'a.html'), 'utf8')).toBe('before\n')
  })
})

describe('readExisting', () => {
  it('tells files, folders, special files and nothing apart, and a file in the way of a folder is "nothing" (apply names it)', () => {
    const dir = tempDir()
    fs.writeFileSync(path.join(dir, 'f'), 'text')
    fs.mkdirSync(path.join(dir, 'd'))
    expect(readExisting(path.join(dir, 'f'))).toEqual({kind: 'file', text: 'text'})
    expect(readExisting(path.join(dir, 'd'))).toEqual({kind: 'dir'})
    expect(readExisting(path.join(dir, 'none'))).toEqual({kind: 'none'})
    expect(readExisting(path.join(dir, 'f', 'below'))).toEqual({kind: 'none'})
    expect(readExisting('/dev/null')).toEqual({kind: 'other', reason: 'is not a regular file (a device, pipe or socket)'})
    expect(assess([planned('/dev', 'null', 'x')], readExisting, {force: true})[0]).toMatchObject({
      status: 'conflict',
      reason: 'is not a regular file (a device, pipe or socket)',
    })
  })
})

describe('realResolve and checkTargets', () => {
  it('follows links in the existing part of a path, dangling ones included, and keeps the rest', () => {
    const dir = fs.realpathSync(tempDir())
    const outside = fs.realpathSync(tempDir())
    fs.mkdirSync(path.join(dir, 'real'))
    fs.symlinkSync('real', path.join(dir, 'rel-link'))
    fs.symlinkSync(outside, path.join(dir, 'abs-link'))
    fs.symlinkSync(path.join(outside, 'gone', 'x'), path.join(dir, 'dangling'))
    fs.symlinkSync('loop', path.join(dir, 'loop'))
    expect(realResolve(path.join(dir, 'rel-link', 'a', 'b.html'))).toBe(path.join(dir, 'real', 'a', 'b.html'))
    expect(realResolve(path.join(dir, 'abs-link', 'c.html'))).toBe(path.join(outside, 'c.html'))
    expect(realResolve(path.join(dir, 'dangling'))).toBe(path.join(outside, 'gone', 'x'))
    expect(() => realResolve(path.join(dir, 'loop', 'x'))).toThrow(/too many levels of symbolic links/)
    const root = path.join(dir)
    expect(() => checkTargets([planned(dir, 'rel-link/ok.html', '')], () => root, realResolve)).not.toThrow()
    expect(() => checkTargets([planned(dir, 'abs-link/c.html', '')], () => root, realResolve)).toThrow(
      `is reached through a symlink that leads to ${path.join(outside, 'c.html')}`,
    )
    expect(() => checkTargets([planned(dir, 'dangling', '')], () => root, realResolve)).toThrow(/outside the output folder/)
  })

  it('realResolver (memoized, one per operation) gives what realResolve gives, in any order of asking', () => {
    const dir = fs.realpathSync(tempDir())
    const outside = fs.realpathSync(tempDir())
    fs.mkdirSync(path.join(dir, 'real', 'sub'), {recursive: true})
    fs.writeFileSync(path.join(dir, 'real', 'file.txt'), 'x')
    fs.symlinkSync('real', path.join(dir, 'rel-link'))
    fs.symlinkSync('rel-link/sub', path.join(dir, 'chain'))
    fs.symlinkSync(outside, path.join(dir, 'abs-link'))
    fs.symlinkSync(path.join(outside, 'gone', 'x'), path.join(dir, 'dangling'))
    const paths = [
      'real/sub/a.html',
      'rel-link/sub/b.html',
      'chain/c.html',
      'chain',
      'abs-link/d/e.html',
      'dangling',
      'dangling/below',
      'missing/deeper/f.html',
      'missing/g.html',
      'real/file.txt',
      'real/file.txt/under',
      'rel-link/../real/h.html',
      'real',
    ].map((p) => path.join(dir, p))
    const expected = paths.map((p) => realResolve(p))
    const forward = realResolver()
    expect(paths.map((p) => forward(p))).toEqual(expected)
    const backward = realResolver()
    expect([...paths].reverse().map((p) => backward(p))).toEqual([...expected].reverse())
    expect(() => realResolver()(path.join(dir, 'rel-link', 'loop-free'))).not.toThrow()
    fs.symlinkSync('loop', path.join(dir, 'loop'))
    expect(() => realResolver()(path.join(dir, 'loop', 'x'))).toThrow(/too many levels of symbolic links/)
  })
})

describe('apply: durable, collision-free, every order of interruption', () => {
  it('a stale temp file with this very PID (a container reusing PIDs) does not make the write fail, and is swept', async () => {
    const dir = tempDir()
    const stale = path.join(dir, `.a.html.gwe-int-${process.pid}.tmp`)
    fs.writeFileSync(stale, 'from a killed run\n')
    const result = await apply(assess([planned(dir, 'a.html', 'A\n')], readExisting, {force: true}), {signal: new AbortController().signal})
    expect(result.swept).toEqual([stale])
    expect(listFiles(dir)).toEqual(['a.html'])
  })

  it('a disk error (ENOSPC) exits 74, names the path and the cause, and changes nothing', async () => {
    const dir = tempDir()
    fs.writeFileSync(path.join(dir, 'a.html'), 'before\n')
    const files = assess([planned(dir, 'a.html', 'after\n'), planned(dir, 'b.html', 'B\n')], readExisting, {force: true})
    const full = Object.assign(new Error('no space left on device'), {code: 'ENOSPC'})
    const spy = vi.spyOn(fs, 'writeFileSync').mockImplementationOnce(() => {
      throw full
    })
    try {
      const error = (await apply(files, {signal: new AbortController().signal}).catch((e: unknown) => e)) as GweIntError
      expect(error.exit).toBe(74)
      expect(error.message).toBe(`could not write ${path.join(dir, 'a.html')} (ENOSPC: no space left on the device); nothing was changed`)
    } finally {
      spy.mockRestore()
    }
    expect(listFiles(dir)).toEqual(['a.html'])
    expect(fs.readFileSync(path.join(dir, 'a.html'), 'utf8')).toBe('before\n')
  })

  it('flushes every temp file before renaming it, and the folders after', async () => {
    const dir = tempDir()
    // Spies that call through: only the order of the calls is looked at.
    const sync = vi.spyOn(fs, 'fsync')
    const rename = vi.spyOn(fs, 'renameSync')
    try {
      await apply(assess([planned(dir, 'a.html', 'A\n'), planned(dir, 'sub/b.html', 'B\n')], readExisting, {force: true}), {
        signal: new AbortController().signal,
      })
      const renames = rename.mock.invocationCallOrder
      const syncs = sync.mock.invocationCallOrder
      expect(renames).toHaveLength(2)
      // Two files before any rename, then their two folders (dir/sub was created: its parent once) after.
      expect(syncs.filter((n) => n < Math.min(...renames))).toHaveLength(2)
      expect(syncs.filter((n) => n > Math.max(...renames))).toHaveLength(2)
    } finally {
      sync.mockRestore()
      rename.mockRestore()
    }
    expect(listFiles(dir)).toEqual(['a.html', 'sub/b.html'])
  })

  it('renames backup artifacts (patch --in-place FILE.bak) before the files they back up', async () => {
    const dir = tempDir()
    fs.writeFileSync(path.join(dir, 'page.html'), 'original\n')
    const files = assess([planned(dir, 'page.html', 'patched\n'), {...planned(dir, 'page.html.bak', 'original\n'), artifact: 'backup'}], readExisting, {
      force: true,
    })
    const watch = vi.spyOn(fs, 'renameSync')
    try {
      await apply(files, {signal: new AbortController().signal})
      expect(watch.mock.calls.map((call) => path.basename(String(call[1])))).toEqual(['page.html.bak', 'page.html'])
    } finally {
      watch.mockRestore()
    }
    expect(fs.readFileSync(path.join(dir, 'page.html.bak'), 'utf8')).toBe('original\n')
    expect(fs.readFileSync(path.join(dir, 'page.html'), 'utf8')).toBe('patched\n')
  })

  it('a plan entry with status "deleted" is removed, and put back (same bytes) when the write fails', async () => {
    const dir = tempDir()
    fs.writeFileSync(path.join(dir, 'old.html'), 'old\n')
    const removed = await apply([{...planned(dir, 'old.html', ''), status: 'deleted'}], {signal: new AbortController().signal})
    expect(removed.deleted).toEqual([path.join(dir, 'old.html')])
    expect(listFiles(dir)).toEqual([])

    fs.writeFileSync(path.join(dir, 'old.html'), 'old again\n')
    fs.mkdirSync(path.join(dir, 'z.html/in-the-way'), {recursive: true})
    const failing: AssessedFile[] = [
      {...planned(dir, 'old.html', ''), status: 'deleted'},
      {...planned(dir, 'z.html', 'Z\n'), status: 'created'},
    ]
    const error = (await apply(failing, {signal: new AbortController().signal}).catch((e: unknown) => e)) as GweIntError
    expect(error.exit).toBe(2)
    expect(error.message).toBe(`could not write ${path.join(dir, 'z.html')} (EISDIR); nothing was changed`)
    expect(fs.readFileSync(path.join(dir, 'old.html'), 'utf8')).toBe('old again\n')
    expect(listFiles(dir)).toEqual(['old.html'])
  })
})
