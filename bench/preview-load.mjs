#!/usr/bin/env node
// @ts-check
/**
 * `gwe-int preview` under load, on the loopback address only: 2,000 mixed requests at
 * concurrency 50 (pages, GMS calls, the request log), then 600 POSTs of 1 MB to the GMS
 * stand-in, then a 50 MB POST (must get 413), a JSON body nested 5,000 deep, a
 * malformed %-escape (must get 400), and the request log page after each step (must
 * answer 200). Prints the server's resident memory: sampled during the run, and its
 * peak (VmHWM, Linux). Run after `npm run build`:
 *
 *   node bench/preview-load.mjs [--json-out FILE]
 */
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import {fileURLToPath} from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BIN = path.join(ROOT, 'bin', 'run.cjs')
const args = process.argv.slice(2)
const jsonOut = args.includes('--json-out') ? args[args.indexOf('--json-out') + 1] : undefined

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gwe-int-preview-load-'))
fs.writeFileSync(path.join(dir, 'gwe-int.config.json'), JSON.stringify({integrations: [{name: 'chat', media: 'gms-chat', host: 'https://gms.example.com'}]}))
const child = spawn(process.execPath, [BIN, 'preview', '--json'], {cwd: dir, stdio: ['ignore', 'pipe', 'inherit'], env: {...process.env, NO_COLOR: '1'}})
/** @type {string} */
const first = await new Promise((resolve, reject) => {
  readline.createInterface({input: child.stdout}).once('line', resolve)
  child.once('exit', (code) => reject(new Error(`preview exited ${code}`)))
})
const origin = JSON.parse(first).url.replace(/\/$/, '')
if (!origin.startsWith('http://127.0.0.1:')) throw new Error(`preview-load: refusing to load ${origin}; only 127.0.0.1`)

/**
 * A `kB` field of the preview's /proc status, in MB.
 * @param {string} field
 */
const status = (field) =>
  Number(
    /** @type {RegExpExecArray} */ (
      /(\d+) kB/.exec(
        fs
          .readFileSync(`/proc/${child.pid}/status`, 'utf8')
          .split('\n')
          .find((l) => l.startsWith(field)) ?? '0 kB',
      )
    )[1],
  ) / 1024
let maxSampled = 0
const sampler = setInterval(() => {
  maxSampled = Math.max(maxSampled, status('VmRSS:'))
}, 50)

const gms = `${origin}/i/chat/gms/genesys/1/service/request-chat`
/** @param {string | number} [extra] */
const form = (extra = '') => ({method: 'POST', headers: {'content-type': 'application/x-www-form-urlencoded'}, body: `_verbose=true&firstName=Load${extra}`})
/** @type {string[]} */
const failures = []
/**
 * `total` requests, `concurrency` at a time; the count of each status answered.
 * @param {number} total
 * @param {number} concurrency
 * @param {(k: number) => [string, RequestInit?]} make the k-th request
 */
async function run(total, concurrency, make) {
  let next = 0
  /** @type {Record<number, number>} */
  const codes = {}
  await Promise.all(
    Array.from({length: concurrency}, async () => {
      while (next < total) {
        const k = next++
        const [url, init] = make(k)
        try {
          const res = await fetch(url, init)
          await res.arrayBuffer()
          codes[res.status] = (codes[res.status] ?? 0) + 1
        } catch (caught) {
          const error = /** @type {Error & {cause?: {code?: string}}} */ (caught)
          failures.push(`${url}: ${error.cause?.code ?? error.message}`)
        }
      }
    }),
  )
  return codes
}
const logPage = async () => (await fetch(`${origin}/__gwe-int/requests`)).status

/** @type {Record<string, any>} */
const result = {}
const t0 = Date.now()
result.mixed = await run(2000, 50, (k) =>
  k % 4 === 0 ? [`${origin}/i/chat/`] : k % 4 === 3 ? [`${origin}/__gwe-int/requests?integration=chat`] : [gms, form(k)],
)
result.logAfterMixed = await logPage()
const mb = 'x'.repeat(1_000_000 - 40)
result.posts1MB = await run(600, 50, () => [gms, form(`&blob=${mb}`)])
result.logAfterPosts = await logPage()
const big = await fetch(gms, {method: 'POST', headers: {'content-type': 'application/x-www-form-urlencoded'}, body: Buffer.alloc(50 * 1024 * 1024, 97)}).then(
  (r) => r.status,
  (e) => e.cause?.code ?? e.message,
)
result.post50MB = big
const deep = `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`
result.deepJson = (await fetch(gms, {method: 'POST', headers: {'content-type': 'application/json'}, body: deep})).status
result.logAfterDeep = await logPage()
result.malformedUrl = (await fetch(`${origin}/i/chat/gms/genesys/1/service/%E0%A4%A`, {method: 'POST'})).status
result.seconds = (Date.now() - t0) / 1000
clearInterval(sampler)
result.rssMaxSampledMB = Math.round(maxSampled)
result.rssPeakMB = Math.round(status('VmHWM:'))
result.failures = failures.length
if (failures.length) result.firstFailures = failures.slice(0, 3)
child.kill('SIGINT')
await new Promise((resolve) => child.once('exit', resolve))
fs.rmSync(dir, {recursive: true, force: true})
console.log(JSON.stringify(result, null, 2))
if (jsonOut) fs.writeFileSync(jsonOut, `${JSON.stringify(result, null, 2)}\n`)
const ok =
  result.rssPeakMB < 200 &&
  result.post50MB === 413 &&
  result.malformedUrl === 400 &&
  [result.logAfterMixed, result.logAfterPosts, result.logAfterDeep].every((s) => s === 200) &&
  failures.length === 0
if (!ok) process.exitCode = 1
