/** Runs the built CLI (bin/run.cjs) with execa, in a temp folder, with no terminal. */
import {execa} from 'execa'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
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

export function tempDir(prefix = 'gwe-int-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

/** Every file below `dir`, relative, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, {withFileTypes: true})) {
      const p = path.join(d, e.name)
      if (e.isDirectory()) walk(p)
      else out.push(path.relative(dir, p).split(path.sep).join('/'))
    }
  }
  if (fs.existsSync(dir)) walk(dir)
  return out.sort()
}
