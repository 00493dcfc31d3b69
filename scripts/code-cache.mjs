#!/usr/bin/env node
// @ts-check
/**
 * Build step, last: records the V8 code cache of the bundle in dist/code-cache/
 * (bin/code-cache.cjs). One process runs the commands people run most through
 * oclif's `run`, in a temporary folder with output muted; each bundle file's cache
 * then holds every function those runs compiled. Nothing here affects behaviour:
 * the cache only spares V8 the parsing and compiling.
 */
import fs from 'node:fs'
import Module, {createRequire} from 'node:module'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('../', import.meta.url))
const dist = path.join(root, 'dist')
fs.rmSync(path.join(dist, 'code-cache'), {recursive: true, force: true})
const {installCodeCache} = createRequire(import.meta.url)('../bin/code-cache.cjs')
// Node >= 22 compiles through its own compile cache (bin/code-cache.cjs) and never reads
// this one; it is recorded for Node 20 only, so a build on Node 20 carries it.
// (@types/node 20 does not declare it.)
if (typeof (/** @type {{enableCompileCache?: unknown}} */ (Module).enableCompileCache) === 'function') {
  process.stdout.write(`code-cache: not recorded (Node ${process.version} uses its own compile cache; a build on Node 20 records the cache Node 20 uses)\n`)
  process.exit(0)
}
const recorder = installCodeCache({distDir: dist, record: true})
if (!recorder) {
  process.stderr.write('code-cache: not recorded (needs Node >= 20.15 and GWE_INT_CODE_CACHE not 0)\n')
  process.exit(0)
}

const HOST = 'https://gms.example.com:8443'
const patchSample = path.join(root, 'test', 'fixtures', 'patch', 'guide-invite', 'input.html')
const RUNS = [
  ['--version'],
  ['--help'],
  ['new', '--help'],
  ['list'],
  ['new', 'gms-chat', '--host', HOST, '--yes'],
  ['new', 'gms-callback', '--host', HOST, '--out', 'callback', '--yes', '--dry-run', '--diff'],
  ['new', 'genesys-widgets', '--yes', '--json'],
  ['generate', '--dry-run'],
  ['generate'],
  ['generate', '--check'],
  // YAML configs (and JSON ones with a problem) load the YAML side on demand (config-yaml.ts).
  ['new', 'gwe-chat', '--config', 'gwe-int.config.yaml', '--yes'],
  ['generate', '--config', 'gwe-int.config.yaml'],
  ...(fs.existsSync(patchSample) ? [['patch', patchSample, '--media', 'gms-chat', '--host', HOST, '--out', 'patched.html']] : []),
  ['schema'],
]

const {run} = createRequire(import.meta.url)(path.join(dist, 'main', 'run.cjs'))
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gwe-int-code-cache-'))
const cwd = process.cwd()
const write = {out: process.stdout.write, err: process.stderr.write}
/** @type {string[]} */
const failures = []
process.chdir(work)
process.stdout.write = () => true
process.stderr.write = () => true
try {
  for (const argv of RUNS) {
    try {
      await run(argv, root)
    } catch (caught) {
      // Commands end by throwing oclif's ExitError; only other errors are a problem.
      const error = /** @type {{oclif?: {exit?: number}, code?: string, message?: string} | undefined} */ (caught)
      if (error?.oclif?.exit === undefined && error?.code !== 'EEXIT') failures.push(`${argv.join(' ')}: ${error?.message}`)
    }
    process.exitCode = undefined
  }
} finally {
  process.stdout.write = write.out
  process.stderr.write = write.err
  process.chdir(cwd)
  fs.rmSync(work, {recursive: true, force: true})
}
if (failures.length > 0) {
  process.stderr.write(`code-cache: training runs failed:\n${failures.join('\n')}\n`)
  process.exit(1)
}
process.stdout.write(`code-cache: ${recorder.save()} files\n`)
