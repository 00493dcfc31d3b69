/** Runs the built CLI (bin/run.cjs) with execa, in a temp folder, with no terminal. */
import {spawn} from 'node:child_process'
import {execa} from 'execa'
import path from 'node:path'
import {ROOT} from './files.js'

export {listFiles, ROOT, tempDir} from './files.js'
export const BIN = path.join(ROOT, 'bin', 'run.cjs')

/** What a test may set; output stays text (one string each for stdout and stderr). */
export interface RunOptions {
  cwd: string
  env?: Record<string, string | undefined>
  /** A bound on waiting for a process that might hang, not a timing assertion. */
  timeout?: number
  /** false: the child gets `env` alone, not this process's environment (no proxy or CA settings of the machine). */
  extendEnv?: boolean
}

export async function gweInt(args: string[], opts: RunOptions) {
  return execa('node', [BIN, ...args], {reject: false, stdin: 'ignore', ...opts, env: {NO_COLOR: '1', ...opts.env}})
}

/** What a run printed on the streams that were pipes ('' for one given a descriptor), and its exit code. */
export interface Outcome {
  exitCode: number | null
  stdout: string
  stderr: string
}

/**
 * Runs the built binary with stdout and stderr each a pipe (collected) or a descriptor of the
 * test's (a file, /dev/full). The child has its own copy of a descriptor once this returns,
 * so the caller may close its own.
 */
export function runWithStdio(
  args: string[],
  opts: {cwd: string; env?: Record<string, string | undefined>; stdout?: 'pipe' | number; stderr?: 'pipe' | number},
): Promise<Outcome> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: opts.cwd,
    env: {...process.env, NO_COLOR: '1', ...opts.env},
    stdio: ['ignore', opts.stdout ?? 'pipe', opts.stderr ?? 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve) => child.on('close', (exitCode) => resolve({exitCode, stdout, stderr})))
}
