/**
 * What a run loads of Node's own modules, through the built binary. Output that is not a
 * terminal is written without Node's stream library (bin/stdio.cjs), and the checksums
 * of generated files and of the code cache take zlib's CRC-32 without node:zlib
 * (bin/crc32.cjs): a `new` into a file or a pipe loads neither, nor node:net or
 * node:tty. And that output is the same bytes whichever kind of descriptor it goes to.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ROOT, runWithStdio, tempDir} from '../helpers/cli.js'

const RECORDER = path.join(ROOT, 'test', 'helpers', 'record-modules.cjs')
const NEW = ['new', 'gms-chat', '--host', 'https://gms.example.com', '--out', 'widgets', '--yes']
/** Node's stream library and what needs it: each costs a run milliseconds to load. */
const HEAVY = ['stream', 'internal/streams/readable', 'internal/streams/writable', 'net', 'tty', 'zlib', 'internal/fs/sync_write_stream']

/**
 * Runs the built binary with stdout to `stdout` ('pipe' or a descriptor) and stderr to a pipe,
 * without vitest's NODE_ENV=test, under which oclif registers a TypeScript loader for the checkout's src/.
 */
const run = (args: string[], cwd: string, stdout: 'pipe' | number, env: Record<string, string> = {}) =>
  runWithStdio(args, {cwd, stdout, env: {NODE_ENV: undefined, ...env}})

describe('start-up', () => {
  it('`new` with its output in a file or a pipe loads no stream library, node:net, node:tty or node:zlib', async () => {
    for (const target of ['file', 'pipe'] as const) {
      const cwd = tempDir('gwe-int-start-up-')
      const list = path.join(cwd, 'modules.txt')
      const fd = target === 'file' ? fs.openSync(path.join(cwd, 'out.txt'), 'w') : 'pipe'
      const made = await run(NEW, cwd, fd, {NODE_OPTIONS: `--require ${RECORDER}`, GWE_INT_TEST_MODULES: list})
      if (typeof fd === 'number') fs.closeSync(fd)
      expect(made.exitCode, made.stderr).toBe(0)
      const loaded = fs.readFileSync(list, 'utf8').split('\n')
      // Recorded: the launcher's own modules are in the list.
      expect(loaded, target).toContain('vm')
      expect(
        loaded.filter((m) => HEAVY.includes(m)),
        target,
      ).toEqual([])
      expect(fs.existsSync(path.join(cwd, 'widgets', 'inviteGMS.html'))).toBe(true)
    }
  })

  it('under --pending-deprecation takes node:zlib instead, prints no deprecation warning and writes the same files', async () => {
    const plain = tempDir('gwe-int-start-up-')
    const pending = tempDir('gwe-int-start-up-')
    const list = path.join(pending, 'modules.txt')
    expect((await run(NEW, plain, 'pipe')).exitCode).toBe(0)
    const warned = await run(NEW, pending, 'pipe', {NODE_OPTIONS: `--pending-deprecation --require ${RECORDER}`, GWE_INT_TEST_MODULES: list})
    expect(warned.exitCode, warned.stderr).toBe(0)
    expect(warned.stderr).not.toMatch(/DeprecationWarning|DEP0111/)
    expect(fs.readFileSync(list, 'utf8').split('\n')).toContain('zlib')
    for (const file of ['inviteGMS.html', 'indexGPE.html', 'engagement-logic/notify.sh'])
      expect(fs.readFileSync(path.join(pending, 'widgets', file), 'utf8'), file).toBe(fs.readFileSync(path.join(plain, 'widgets', file), 'utf8'))
  })

  it('prints the same bytes, all of them, whether its output is a file or a pipe', async () => {
    const cwd = tempDir('gwe-int-output-kinds-')
    const dry = [...NEW, '--dry-run']
    const piped = await run(dry, cwd, 'pipe')
    const file = path.join(cwd, 'out.txt')
    const fd = fs.openSync(file, 'w')
    const filed = await run(dry, cwd, fd)
    fs.closeSync(fd)
    expect(piped.exitCode).toBe(0)
    expect(filed.exitCode).toBe(0)
    // The whole report, to its last line.
    expect(piped.stdout).toMatch(/inviteGMS\.html[\s\S]*\ndry run: 5 created, 0 updated, 0 unchanged; nothing written\n$/)
    expect(fs.readFileSync(file, 'utf8')).toBe(piped.stdout)
    expect(filed.stderr).toBe(piped.stderr)
    expect(piped.stderr).toMatch(/^warning: /)
  })
})
