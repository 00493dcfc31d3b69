#!/usr/bin/env node
// @ts-check
/**
 * How fast Ctrl-C is answered: `generate` of 200 integrations (800 files, every one
 * updated) gets SIGINT as soon as its first temp file appears (the write has begun), and
 * at a random point of its run; the time from the signal to the process's exit is
 * measured, and the folder is checked to be either as before (exit 130) or complete
 * (exit 0). Run after `npm run build`:
 *
 *   node bench/interrupt.mjs [--runs 5] [--dir /dev/shm] [--json-out FILE]
 */
import {spawn, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BIN = path.join(ROOT, 'bin', 'run.cjs')
const args = process.argv.slice(2)
/**
 * The value after `--name`, else `fallback`.
 * @template {string | number | undefined} [T=undefined]
 * @param {string} name
 * @param {T} [fallback]
 * @returns {string | T}
 */
const opt = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : /** @type {T} */ (fallback))
const RUNS = Number(opt('runs', 5))
const work = fs.mkdtempSync(path.join(path.resolve(opt('dir', os.tmpdir())), 'gwe-int-interrupt-'))
const env = {...process.env, NO_COLOR: '1'}

/** @param {string} host */
const config = (host) => ({
  integrations: Array.from({length: 200}, (_, k) => ({name: `site-${k}`, media: 'gms-chat', host, out: `widgets/site-${String(k).padStart(3, '0')}`})),
})
/** @param {string} host */
const write = (host) => fs.writeFileSync(path.join(work, 'gwe-int.config.json'), JSON.stringify(config(host)))
write('https://gms.example.com')
if (spawnSync(process.execPath, [BIN, 'generate', '-q'], {cwd: work, env}).status !== 0) throw new Error('interrupt bench: first generate failed')
const firstDir = path.join(work, 'widgets/site-000')

/** @param {number[]} xs */
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/**
 * How many of the 200 invitations name `host`, and how many temp/backup files are left.
 * @param {string} host
 */
function state(host) {
  let written = 0
  let left = 0
  for (const dir of fs.readdirSync(path.join(work, 'widgets'))) {
    const names = fs.readdirSync(path.join(work, 'widgets', dir))
    left += names.filter((n) => /\.gwe-int-\d+/.test(n)).length
    if (fs.readFileSync(path.join(work, 'widgets', dir, 'inviteGMS.html'), 'utf8').includes(host)) written += 1
  }
  return {written, left}
}

/** @param {string} when */
async function once(when) {
  const host = `https://gms${Math.random().toString(36).slice(2, 8)}.example.com`
  write(host)
  // Watched (inotify), not polled: on a busy machine the child can write and rename every
  // file between two polls, and a poll loop then waits for a temp file that never comes.
  const watcher = when === 'writing' ? fs.watch(firstDir) : undefined
  const child = spawn(process.execPath, [BIN, 'generate', '-q'], {cwd: work, env, stdio: 'ignore'})
  /** @type {{code: number | null, signal: NodeJS.Signals | null, at: number} | undefined} */
  let done
  /** @type {Promise<{code: number | null, signal: NodeJS.Signals | null, at: number}>} */
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve((done = {code, signal, at: performance.now()}))))
  if (watcher) {
    await Promise.race([
      new Promise((/** @type {(value?: unknown) => void} */ resolve) => watcher.on('change', (_event, name) => String(name).endsWith('.tmp') && resolve())),
      exited,
    ])
    watcher.close()
  } else await Promise.race([new Promise((r) => setTimeout(r, 50 + Math.random() * 700)), exited])
  // Finished before the signal could be sent: nothing measured, the round is run again.
  if (done) return undefined
  const sent = performance.now()
  child.kill('SIGINT')
  const {code, signal, at} = await exited
  const {written, left} = state(host)
  const stopped = code === 130 || signal === 'SIGINT'
  const outcome =
    left === 0 && code === 0 && written === 200
      ? 'complete'
      : left === 0 && stopped && written === 0
        ? 'rolled back'
        : `BROKEN (exit ${code ?? signal}, ${written} of 200 written, ${left} left over)`
  return {ms: at - sent, outcome}
}

/** @type {Record<string, {finishedBeforeSignal: number, medianMs: number, maxMs: number, outcomes: string[]}>} */
const result = {}
for (const when of ['writing', 'random']) {
  /** @type {{ms: number, outcome: string}[]} */
  const runs = []
  let late = 0
  while (runs.length < RUNS) {
    const run = await once(when)
    if (run) runs.push(run)
    else if (++late > 3 * RUNS) throw new Error(`interrupt bench: generate kept finishing before the signal (${when})`)
  }
  result[when] = {
    finishedBeforeSignal: late,
    medianMs: Math.round(median(runs.map((r) => r.ms))),
    maxMs: Math.round(Math.max(...runs.map((r) => r.ms))),
    outcomes: runs.map((r) => r.outcome),
  }
}
fs.rmSync(work, {recursive: true, force: true})
console.log(JSON.stringify(result, null, 2))
const jsonOut = opt('json-out')
if (jsonOut) fs.writeFileSync(jsonOut, `${JSON.stringify(result, null, 2)}\n`)
if (Object.values(result).some((r) => r.outcomes.some((o) => o.startsWith('BROKEN')))) process.exitCode = 1
