/**
 * stdout and stderr that cannot be written, through the built binary: every command with
 * either stream on a full disk (/dev/full, ENOSPC: a device, written through Node's own
 * stream), on a file opened read-only (EBADF: a file, written by bin/stdio.cjs) or read by
 * a reader that stops after the first line (EPIPE). What is on disk never depends on it: a write completes (or is
 * rolled back) and leaves no temp file; a full stream is exit 74 with one line on the
 * other stream; a reader that stops early is not an error; no stack trace or bundle
 * source reaches the user.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {execa} from 'execa'
import {BIN, type Outcome, ROOT, gweInt, listFiles, runWithStdio, tempDir} from '../helpers/cli.js'

const LEFTOVER = /\.gwe-int-\d+(-[0-9a-z]+)?\.(tmp|bak)$/
/** Whole processes, many per test, on a machine that may be busy: a bound on waiting only. */
const SLOW = 300_000
const HOST = ['--host', 'https://gms.example.com']

/** A project with one gms-chat integration and a page to patch. */
async function project(): Promise<string> {
  const cwd = tempDir('gwe-int-streams-')
  const made = await gweInt(['new', 'gms-chat', '--scenario', 'CHAT-NOW', ...HOST, '--out', 'widgets', '--yes'], {cwd})
  expect(made.exitCode, String(made.stderr)).toBe(0)
  fs.copyFileSync(path.join(ROOT, 'test/fixtures/patch/crlf-invite/input.html'), path.join(cwd, 'invite.html'))
  return cwd
}

/** Every command, as a user types it (the ones that write get a fresh target each time, see `fresh`). */
const COMMANDS: string[][] = [
  ['--version'],
  ['--help'],
  ['list'],
  ['list', '--json'],
  ['schema'],
  ['generate', '--check'],
  ['generate', '--check', '--json'],
  ['generate', '--dry-run'],
  ['generate', '--dry-run', '--json'],
  ['generate', '--force'],
  ['generate', '--force', '--json'],
  ['new', 'gms-chat', '--integration', 'NAME', ...HOST, '--out', 'more/NAME', '--yes'],
  ['new', 'gms-chat', '--integration', 'NAME', ...HOST, '--out', 'more/NAME', '--yes', '--json'],
  ['patch', 'invite.html', '--media', 'gms-chat', ...HOST, '--out', 'NAME.html'],
  ['patch', 'invite.html', '--media', 'gms-chat', ...HOST, '--dry-run'],
  ['templates', 'eject', '--out', 'NAME'],
]

let counter = 0
/** The command with a name of its own where it writes something new. */
const fresh = (args: string[]) => {
  counter += 1
  return args.map((a) => a.replaceAll('NAME', `t${counter}`))
}

/** Runs the built binary with one stream going to the descriptor `open` gives and the other captured. */
function runInto(args: string[], cwd: string, stream: 'stdout' | 'stderr', open: () => number): Promise<Outcome> {
  const fd = open()
  const run = runWithStdio(args, {cwd, [stream]: fd})
  fs.closeSync(fd)
  return run
}

/** No stack frame, no line of bundle source, no line longer than a message. */
function expectNoTrace(text: string): void {
  expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)
  expect(text).not.toMatch(/dist\/(chunks|main|commands)\//)
  for (const line of text.split('\n')) expect(line.length, line.slice(0, 200)).toBeLessThan(1200)
}

/** Where a stream cannot be written, and the reason the error line gives. */
const UNWRITABLE = [
  {target: 'a full disk (/dev/full)', open: () => fs.openSync('/dev/full', 'w'), reason: 'ENOSPC: no space left on the device'},
  {
    target: 'a file opened read-only',
    open: () => {
      const file = path.join(tempDir('gwe-int-read-only-'), 'out.txt')
      fs.writeFileSync(file, '')
      return fs.openSync(file, 'r')
    },
    reason: 'EBADF: the descriptor is closed or not open for writing',
  },
]

describe.each(UNWRITABLE)('a stream on $target', {timeout: SLOW}, ({open, reason}) => {
  it('stdout: every command exits 74 with one line on stderr; what it writes is whole; no temp file', async () => {
    const cwd = await project()
    for (const command of COMMANDS) {
      const args = fresh(command)
      const run = await runInto(args, cwd, 'stdout', open)
      const label = args.join(' ')
      expect(run.exitCode, `${label}: ${run.stderr}`).toBe(74)
      expectNoTrace(run.stderr)
      expect(
        run.stderr.split('\n').filter((l) => l.startsWith('error:')),
        label,
      ).toEqual([`error: could not write to stdout (${reason}); the output is incomplete`])
      expect(
        listFiles(cwd).filter((f) => LEFTOVER.test(f)),
        label,
      ).toEqual([])
    }
    // Every write completed: the project is up to date and every new entry is in the config.
    const check = await gweInt(['generate', '--check'], {cwd})
    expect(check.exitCode, String(check.stdout)).toBe(0)
    const names = (JSON.parse(fs.readFileSync(path.join(cwd, 'gwe-int.config.json'), 'utf8')) as {integrations: {name: string}[]}).integrations.map(
      (e) => e.name,
    )
    expect(names).toHaveLength(3)
  })

  it('stderr: a command that had something to say there exits 74 with one line on stdout (none under --json); the others are unaffected', async () => {
    const cwd = await project()
    for (const command of COMMANDS) {
      const args = fresh(command)
      const label = args.join(' ')
      // What the command says on stderr when it can: warnings, for most that plan integrations.
      const normal = await gweInt(fresh(command), {cwd})
      const run = await runInto(args, cwd, 'stderr', open)
      const json = args.includes('--json')
      if (String(normal.stderr) === '') {
        expect(run.exitCode, label).toBe(normal.exitCode)
        continue
      }
      expect(run.exitCode, `${label}: ${run.stdout}`).toBe(74)
      expectNoTrace(run.stdout)
      const notes = run.stdout.split('\n').filter((l) => l.startsWith('error: could not write'))
      expect(notes, label).toEqual(json ? [] : [`error: could not write to stderr (${reason}); the output is incomplete`])
      if (json) expect(() => JSON.parse(run.stdout), label).not.toThrow()
      expect(
        listFiles(cwd).filter((f) => LEFTOVER.test(f)),
        label,
      ).toEqual([])
    }
    const check = await gweInt(['generate', '--check'], {cwd})
    expect(check.exitCode, String(check.stdout)).toBe(0)
  })
})

describe('a reader that stops after one line (EPIPE)', {timeout: SLOW}, () => {
  /** A config of `count` gms-chat integrations: each prints warnings, so there is plenty to write. */
  function bigProject(count: number): string {
    const cwd = tempDir('gwe-int-epipe-')
    const integrations = Array.from({length: count}, (_, k) => ({
      name: `site-${k}`,
      media: 'gms-chat',
      host: 'https://gms.example.com',
      out: `widgets/site-${k}`,
    }))
    fs.writeFileSync(path.join(cwd, 'gwe-int.config.json'), `${JSON.stringify({integrations}, null, 2)}\n`)
    return cwd
  }

  /** `gwe-int ARGS 2>&1 | head -n 1` (or without 2>&1): the exit code of gwe-int, and what head printed. */
  async function throughHead(args: string[], cwd: string, both: boolean): Promise<{exitCode: number; line: string}> {
    const script = `node "$0" "$@" ${both ? '2>&1 ' : '2>/dev/null '}| head -n 1; exit "\${PIPESTATUS[0]}"`
    const run = await execa('bash', ['-c', script, BIN, ...args], {cwd, reject: false, env: {NO_COLOR: '1'}, stdin: 'ignore'})
    return {exitCode: run.exitCode ?? -1, line: String(run.stdout)}
  }

  it('`generate 2>&1 | head -n 1` writes every file, leaves no temp file and exits 0', async () => {
    const cwd = bigProject(200)
    const run = await throughHead(['generate'], cwd, true)
    // The first warning names its cause once, with the integrations it concerns.
    expect(run.line).toMatch(/^warning: .*: site-0, site-1, .*\(200 integrations\)/)
    expect(run.exitCode).toBe(0)
    expect(listFiles(cwd).filter((f) => LEFTOVER.test(f))).toEqual([])
    const check = await gweInt(['generate', '--check'], {cwd})
    expect(check.exitCode, String(check.stdout).slice(0, 2000)).toBe(0)
  })

  it('every command read through `| head -n 1` keeps its own exit code (0, or 1 for drift)', async () => {
    const cwd = bigProject(60)
    // Drift to report: the check's diff is far longer than a pipe holds.
    const drift = await throughHead(['generate', '--check'], cwd, false)
    expect(drift.exitCode).toBe(1)
    expect(drift.line).toMatch(/^(---|\+\+\+|diff|Index|=)/)
    for (const args of [
      ['generate', '--dry-run'],
      ['generate'],
      ['generate', '--check'],
      ['generate', '--check', '--json'],
      ['schema'],
      ['list'],
      ['--help'],
    ]) {
      for (const both of [false, true]) {
        const run = await throughHead(args, cwd, both)
        expect(run.exitCode, `${args.join(' ')}${both ? ' 2>&1' : ''}`).toBe(0)
        expect(run.line).not.toMatch(/^\s+at /)
      }
    }
    expect(listFiles(cwd).filter((f) => LEFTOVER.test(f))).toEqual([])
  })
})

describe('an error nobody handled (a bug)', () => {
  it.each([['exception'], ['rejection']])('an unhandled %s is one line and exit 70; DEBUG=gwe-int adds the stack', async (kind) => {
    const cwd = await project()
    for (const args of [['list'], ['generate', '--dry-run']]) {
      const run = await gweInt(args, {cwd, env: {GWE_INT_TEST_UNHANDLED: kind}})
      expect(run.exitCode).toBe(70)
      expectNoTrace(String(run.stderr))
      expect(
        String(run.stderr)
          .split('\n')
          .filter((l) => l.startsWith('error:')),
      ).toEqual([
        `error: internal error: test hook: ${kind === 'exception' ? 'an exception nobody catches' : 'a rejection nobody handles'}. Please report it (set DEBUG=gwe-int for the stack).`,
      ])
      const debug = await gweInt(args, {cwd, env: {GWE_INT_TEST_UNHANDLED: kind, DEBUG: 'gwe-int'}})
      expect(debug.exitCode).toBe(70)
      expect(String(debug.stderr)).toMatch(/^\s+at /m)
    }
  })
})
