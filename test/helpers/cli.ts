/** Runs the built CLI (bin/run.cjs) with execa, in a temp folder, with no terminal. */
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
