#!/usr/bin/env node
// @ts-check
/**
 * `npm run bench`: whole-process timings of gwe-int, each case side by side with
 * its baseline (bare `node -e 0`, the plain Handlebars script in this folder, or for
 * `patch` the same command with its fast scan turned off), runs interleaved, one
 * warm-up then the median of N (default 5). Prints a table of medians and ratios and
 * writes bench/results.json. Not part of `npm test`.
 *
 *   node bench/run.mjs [--runs 5] [--only new,generate,patch] [--json-out FILE] [--dir /dev/shm]
 *                      [--bin PREFIX/node_modules/gwe-int/bin/run.cjs] [--sizes 50,200,800]
 *
 * --only patch selects every patch case (patch-2k, patch-50k, patch-200k, patch-widget-200k);
 * --only io every size of generate against the I/O floor (io-50, io, io-800).
 *
 * --bin: the gwe-int to measure; bench/matrix.mjs passes the package it packed and
 * installed into an empty prefix (what a user runs). Default: this checkout's bin/run.cjs.
 *
 * --sizes: the numbers of integrations `generate` is measured at against the I/O floor
 * (200 is the case the goals name); the report gives the cost per integration (the
 * least-squares slope) and how far from linear the cost is.
 *
 * Runs on the Node that runs it; `npm run bench` (bench/matrix.mjs) runs it on each
 * benchmarked Node line.
 *
 * --dir: where the bench writes its fixtures and outputs (default: the OS temp
 * folder). On a shared VM disk, writeback and TRIM from other work make the
 * file-writing cases (generate, new, patch) noisy; a tmpfs such as /dev/shm
 * measures the tools rather than the disk.
 *
 * Peak memory (max RSS) comes from /usr/bin/time -f %M when installed (Debian
 * package "time"), else from process.resourceUsage().maxRSS reported by a
 * preloaded hook (bench/rss-hook.mjs) in the measured process itself.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {baselineJobs, bigConfig, loadSupport} from './fixtures.mjs'
import {patchPages} from './patch-pages.mjs'

/**
 * @typedef {{ratio?: number, ms?: number, peakMiB?: number}} Goal
 * @typedef {{label: string, argv: string[], cwd: () => string, env?: Record<string, string>}} Side what one side of a case runs, and where
 * @typedef {{ms: number, kib: number, cpuMs: number}} Sample
 * @typedef {ReturnType<typeof patchPages>[number]} Page
 * @typedef {Side & {id: string, goal: Goal, base: Side, pairs?: number, integrations?: number, page?: Page, unavailable?: undefined}} RunnableCase
 * @typedef {{id: string, label: string, goal: Goal, unavailable: string, integrations?: undefined, page?: undefined}} UnavailableCase
 * @typedef {RunnableCase | UnavailableCase} Case
 * @typedef {{id: string, case: string, available: false, note: string, goal: Goal}} UnavailableResult
 * @typedef {{
 *   id: string, case: string, integrations?: number, available: true, medianMs: number, baseline: string, baselineMedianMs: number,
 *   ratio: number, pairedRatio: number, cpuMs: number, baselineCpuMs: number, cpuRatio: number, peakMiB: number, baselinePeakMiB: number,
 *   goal: Goal, ok: boolean, samplesMs: number[], baselineSamplesMs: number[]
 * }} AvailableResult
 * @typedef {AvailableResult | UnavailableResult} Result
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const args = process.argv.slice(2)
/**
 * The value after `--name`, else `fallback`.
 * @template {string | number | undefined} [T=undefined]
 * @param {string} name
 * @param {T} [fallback]
 * @returns {string | T}
 */
const opt = (name, fallback) => {
  const k = args.indexOf(`--${name}`)
  return k >= 0 ? args[k + 1] : /** @type {T} */ (fallback)
}
const BIN = path.resolve(opt('bin', path.join(ROOT, 'bin', 'run.cjs')))
const BASELINE = path.join(ROOT, 'bench', 'baseline-generate.mjs')
const IO_FLOOR = path.join(ROOT, 'bench', 'baseline-io.mjs')
// Goals differ by Node line (bench/README.md): Node >= 22 starts through its own
// compile cache, whose first run fills it; the warm-up round below is that first run.
const MAJOR = Number(process.versions.node.split('.')[0])
const RSS_HOOK = path.join(ROOT, 'bench', 'rss-hook.mjs')
const TIME = '/usr/bin/time'
const RUNS = Number(opt('runs', 5))
// Start-up cases run this many pairs per round: a process of ~40-100 ms is swayed by
// millisecond hiccups of a shared machine, and they cost little to repeat.
const SHORT_PAIRS = 3
const SIZES = [...new Set([200, ...opt('sizes', '50,200,800').split(',').map(Number)])].sort((a, b) => a - b)
const PEAK_MIB = 100
const ONLY = opt('only')?.split(',')
const JSON_OUT = path.resolve(opt('json-out', path.join(ROOT, 'bench', `results-node${MAJOR}.json`)))
const useTime = fs.existsSync(TIME) && spawnSync(TIME, ['-f', '%M', 'true'], {stdio: 'ignore'}).status === 0
const memoryMethod = useTime ? '/usr/bin/time -f %M' : 'process.resourceUsage().maxRSS (preloaded hook)'

const work = fs.mkdtempSync(path.join(path.resolve(opt('dir', os.tmpdir())), 'gwe-int-bench-'))
const memFile = path.join(work, 'maxrss')
/** @type {NodeJS.ProcessEnv} */
const env = {...process.env, NO_COLOR: '1', GWE_INT_BENCH_RSS: memFile}
delete env.DEBUG

/**
 * One whole-process run: wall time in ms (spawn to exit) and peak RSS in KiB.
 * @param {string[]} argv
 * @param {string} cwd
 * @param {number} [expectExit]
 * @param {Record<string, string>} [extraEnv]
 * @returns {Sample}
 */
function sample(argv, cwd, expectExit = 0, extraEnv = undefined) {
  fs.rmSync(memFile, {force: true})
  const [file, fileArgs] = useTime ? [TIME, ['-f', '%M %U %S', '-o', memFile, process.execPath, ...argv]] : [process.execPath, ['--import', RSS_HOOK, ...argv]]
  const start = process.hrtime.bigint()
  const run = spawnSync(file, fileArgs, {cwd, env: extraEnv ? {...env, ...extraEnv} : env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024})
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  if (run.status !== expectExit) throw new Error(`bench: node ${argv.join(' ')} (in ${cwd}) exited ${run.status}, expected ${expectExit}\n${run.stderr}`)
  // /usr/bin/time: "maxrss-KiB user-s sys-s"; the hook: "maxrss-KiB cpu-ms".
  const fields = /** @type {string} */ (fs.readFileSync(memFile, 'utf8').trim().split('\n').pop()).split(' ').map(Number)
  const cpuMs = useTime ? (fields[1] + fields[2]) * 1000 : fields[1]
  return {ms, kib: fields[0], cpuMs}
}

/** @param {string} name */
const fresh = (name) => {
  const dir = path.join(work, name)
  fs.rmSync(dir, {recursive: true, force: true})
  fs.mkdirSync(dir, {recursive: true})
  return dir
}

// ---- fixtures (untimed) ----
const support = await loadSupport(ROOT, work)
const config = bigConfig(ROOT, 200)
const genDir = fresh('generate-cli')
fs.writeFileSync(path.join(genDir, 'gwe-int.config.json'), `${JSON.stringify(config, null, 2)}\n`)
const baseDir = fresh('generate-baseline')
const jobsFile = path.join(baseDir, 'jobs.json')
const jobs = baselineJobs(ROOT, config, 'run "gwe-int generate"')
fs.writeFileSync(jobsFile, JSON.stringify(jobs))
const checkDir = fresh('check')
fs.copyFileSync(path.join(genDir, 'gwe-int.config.json'), path.join(checkDir, 'gwe-int.config.json'))
sample([BIN, 'generate'], checkDir)
// The I/O floor writes exactly the bytes gwe-int wrote (same paths, same modes), at each size.
const ioCases = new Map(
  SIZES.map((n) => {
    const cliDir = n === 200 ? genDir : fresh(`generate-cli-${n}`)
    if (n !== 200) fs.writeFileSync(path.join(cliDir, 'gwe-int.config.json'), `${JSON.stringify(bigConfig(ROOT, n), null, 2)}\n`)
    const refDir = n === 200 ? checkDir : fresh(`generate-ref-${n}`)
    if (n !== 200) {
      fs.copyFileSync(path.join(cliDir, 'gwe-int.config.json'), path.join(refDir, 'gwe-int.config.json'))
      sample([BIN, 'generate'], refDir)
    }
    const ioDir = fresh(`generate-io-${n}`)
    const ioFiles = path.join(ioDir, 'files.json')
    const widgets = path.join(refDir, 'widgets')
    const files = fs
      .readdirSync(widgets, {encoding: 'utf8', recursive: true})
      .map((rel) => path.join(widgets, rel))
      .filter((f) => fs.statSync(f).isFile())
    fs.writeFileSync(
      ioFiles,
      JSON.stringify(files.map((f) => ({file: path.relative(refDir, f), content: fs.readFileSync(f, 'utf8'), mode: fs.statSync(f).mode & 0o777}))),
    )
    if (n !== 200) fs.rmSync(refDir, {recursive: true, force: true})
    return [n, {cliDir, ioDir, ioFiles, files: files.length}]
  }),
)
// patch: realistic pages (bench/patch-pages.mjs), each patched with the fast scan
// (src/patch/fast-scan/) and without it (GWE_INT_PATCH_SCAN=exact: parse5's tree
// builder on the whole page). The fast scan stays only while it saves at least 20%
// of the whole command at 200 KB (goal <= 0.8x there); elsewhere the figures inform.
const pageDir = fresh('patch')
const pages = patchPages(ROOT)
for (const p of pages) fs.writeFileSync(path.join(pageDir, `${p.id}.html`), p.content)
/** @type {Record<string, Goal>} */
const PATCH_CASES = {'invite-2k': {}, 'invite-50k': {}, 'invite-200k': {ratio: 0.8}, 'widget-200k': {}}
const EXACT_SCAN = {GWE_INT_PATCH_SCAN: 'exact'}
/**
 * @param {Page} p
 * @param {string} out
 */
const patchArgv = (p, out) => [
  BIN,
  'patch',
  `${p.id}.html`,
  '--media',
  'gms-chat',
  ...(p.kind === 'invite' ? ['--scenario', 'CHAT-NOW', '--host', 'https://gms.example.com:8443'] : []),
  '--out',
  out,
]
const patchCwd = () => removed(path.join(pageDir, 'out.html'), {force: true}, pageDir)

/**
 * Removes `target` (what the previous round wrote) and answers `dir`: a case's cwd.
 * @param {string} target
 * @param {fs.RmOptions} opts
 * @param {string} dir
 */
const removed = (target, opts, dir) => {
  fs.rmSync(target, opts)
  return dir
}

/** @type {Side} */
const bare = {label: 'node -e 0', argv: ['-e', '0'], cwd: () => work}
/** @type {Side} */
const generateCli = {
  label: 'gwe-int generate',
  argv: [BIN, 'generate'],
  cwd: () => removed(path.join(genDir, 'widgets'), {recursive: true, force: true}, genDir),
}
const patchAvailable = spawnSync(process.execPath, [BIN, 'patch', '--help'], {stdio: 'ignore', env}).status === 0

/** @type {Case[]} */
const CASES = [
  {
    id: 'new',
    label: 'new gms-chat --yes',
    goal: {ratio: MAJOR >= 22 ? 2.5 : 2},
    argv: [BIN, 'new', 'gms-chat', '--host', 'https://gms.example.com:8443', '--yes'],
    cwd: () => fresh('new'),
    base: bare,
    pairs: SHORT_PAIRS,
  },
  {id: 'version', label: '--version', goal: {ratio: 2}, argv: [BIN, '--version'], cwd: () => work, base: bare, pairs: SHORT_PAIRS},
  {id: 'help', label: '--help', goal: {ratio: 2}, argv: [BIN, '--help'], cwd: () => work, base: bare, pairs: SHORT_PAIRS},
  {
    id: 'generate',
    ...generateCli,
    label: `generate (${config.integrations.length} integrations, ${jobs.jobs.length} files)`,
    goal: {ratio: 1.2, ms: 1000, peakMiB: PEAK_MIB},
    base: {
      label: 'plain Handlebars script',
      argv: [BASELINE, jobsFile, baseDir, support],
      cwd: () => removed(path.join(baseDir, 'widgets'), {recursive: true, force: true}, baseDir),
    },
  },
  ...SIZES.map((n) => {
    const {cliDir, ioDir, ioFiles, files} = /** @type {{cliDir: string, ioDir: string, ioFiles: string, files: number}} */ (ioCases.get(n))
    return {
      id: n === 200 ? 'io' : `io-${n}`,
      integrations: n,
      label: `generate (${n} integrations, ${files} files) vs the I/O floor`,
      // The goals name 200 integrations; the other sizes give the slope (see below).
      goal: n === 200 ? {ratio: 2, peakMiB: PEAK_MIB} : {},
      argv: [BIN, 'generate'],
      cwd: () => removed(path.join(cliDir, 'widgets'), {recursive: true, force: true}, cliDir),
      base: {
        label: 'plain node:fs script, same bytes',
        argv: [IO_FLOOR, ioFiles, ioDir],
        cwd: () => removed(path.join(ioDir, 'widgets'), {recursive: true, force: true}, ioDir),
      },
    }
  }),
  {
    id: 'check',
    label: 'generate --check (nothing changed)',
    goal: {ratio: 1, peakMiB: PEAK_MIB},
    argv: [BIN, 'generate', '--check'],
    cwd: () => checkDir,
    base: generateCli,
  },
  ...pages
    .filter((p) => p.id in PATCH_CASES)
    .map((p) => {
      const id = `patch-${p.id.replace(/^invite-/, '')}`
      const label = `patch ${p.kind === 'invite' ? 'invite.html' : 'GMS widget'}, ${(p.bytes / 1024).toFixed(0)} KB page`
      if (!patchAvailable) return {id, label, goal: PATCH_CASES[p.id], unavailable: '`gwe-int patch --help` failed: the command is not available in this build'}
      return {
        id,
        label,
        goal: PATCH_CASES[p.id],
        page: p,
        argv: patchArgv(p, 'out.html'),
        cwd: patchCwd,
        base: {label: 'same, GWE_INT_PATCH_SCAN=exact', argv: patchArgv(p, 'out.html'), cwd: patchCwd, env: EXACT_SCAN},
      }
    }),
].filter((c) => !ONLY || ONLY.some((o) => c.id === o || c.id.startsWith(`${o}-`)))

// ---- interleaved runs: round 0 is the warm-up; every other pair runs the baseline first ----
/** @type {Map<string, {subject: Sample[], base: Sample[]}>} */
const samples = new Map(CASES.map((c) => [c.id, {subject: [], base: []}]))
/** @param {string} id */
const samplesOf = (id) => /** @type {{subject: Sample[], base: Sample[]}} */ (samples.get(id))
for (let round = 0; round <= RUNS; round += 1) {
  for (const c of CASES) {
    if (c.unavailable !== undefined) continue
    const pairs = round === 0 ? 1 : (c.pairs ?? 1)
    for (let k = 0; k < pairs; k += 1) {
      /** @type {['subject' | 'base', Side][]} */
      const pair = [
        ['subject', c],
        ['base', c.base],
      ]
      if ((round * pairs + k) % 2 === 1) pair.reverse()
      for (const [side, what] of pair) {
        const s = sample(what.argv, what.cwd(), 0, what.env)
        if (round > 0) samplesOf(c.id)[side].push(s)
      }
    }
  }
  process.stderr.write(round === 0 ? 'warm-up done\n' : `run ${round}/${RUNS}\n`)
}

// The baseline must do the same work: its files must equal gwe-int's byte for byte.
let sameOutput
if (CASES.some((c) => c.id === 'generate')) {
  fs.rmSync(path.join(genDir, 'widgets'), {recursive: true, force: true})
  fs.rmSync(path.join(baseDir, 'widgets'), {recursive: true, force: true})
  sample(generateCli.argv, genDir)
  sample([BASELINE, jobsFile, baseDir, support], baseDir)
  sameOutput = sameTree(path.join(genDir, 'widgets'), path.join(baseDir, 'widgets'))
}
// Both ways of reading a page must give the same patched file, byte for byte.
const patchSame = CASES.filter((c) => c.page && !c.unavailable).map((c) => {
  const page = /** @type {Page} */ (c.page)
  sample(patchArgv(page, 'fast.html'), pageDir)
  sample(patchArgv(page, 'exact.html'), pageDir, 0, EXACT_SCAN)
  const same = fs.readFileSync(path.join(pageDir, 'fast.html')).equals(fs.readFileSync(path.join(pageDir, 'exact.html')))
  fs.rmSync(path.join(pageDir, 'fast.html'))
  fs.rmSync(path.join(pageDir, 'exact.html'))
  return {id: c.id, same}
})

/** @param {number[]} xs */
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
/**
 * A case without a goal (the 50 and 800 sizes, which only give the slope) is not judged.
 * @param {Goal} goal
 */
const hasGoal = (goal) => Object.keys(goal).length > 0
/** @type {Result[]} */
const results = CASES.map((c) => {
  if (c.unavailable !== undefined) return {id: c.id, case: c.label, available: false, note: c.unavailable, goal: c.goal}
  const {subject, base} = samplesOf(c.id)
  const ms = median(subject.map((s) => s.ms))
  const baseMs = median(base.map((s) => s.ms))
  const peakMiB = Math.max(...subject.map((s) => s.kib)) / 1024
  const ratio = ms / baseMs
  // Each pair runs both sides back to back: the median of the per-pair ratios is less
  // swayed by a slow spell that hits some pairs (shared VMs) than the ratio of medians.
  const pairedRatio = median(subject.map((s, k) => s.ms / base[k].ms))
  const cpuMs = median(subject.map((s) => s.cpuMs))
  const baseCpuMs = median(base.map((s) => s.cpuMs))
  // Ratio goals are judged on the paired ratio: side by side, pair by pair (see above).
  const ok =
    !hasGoal(c.goal) ||
    ((c.goal.ratio === undefined || pairedRatio <= c.goal.ratio) && (c.goal.ms === undefined || ms <= c.goal.ms) && peakMiB <= (c.goal.peakMiB ?? 120))
  return {
    id: c.id,
    case: c.label,
    integrations: c.integrations,
    available: true,
    medianMs: round1(ms),
    baseline: c.base.label,
    baselineMedianMs: round1(baseMs),
    ratio: round2(ratio),
    pairedRatio: round2(pairedRatio),
    cpuMs: round1(cpuMs),
    baselineCpuMs: round1(baseCpuMs),
    cpuRatio: round2(cpuMs / baseCpuMs),
    peakMiB: round1(peakMiB),
    baselinePeakMiB: round1(Math.max(...base.map((s) => s.kib)) / 1024),
    goal: c.goal,
    ok,
    samplesMs: subject.map((s) => round1(s.ms)),
    baselineSamplesMs: base.map((s) => round1(s.ms)),
  }
})

/**
 * generate's cost against the number of integrations: the least-squares line through
 * the medians (ms = fixed + slope x n), the I/O floor's line the same way, and the
 * marginal cost per integration between consecutive sizes (equal when linear).
 */
const scaling = (() => {
  const points = results.filter(/** @returns {r is AvailableResult & {integrations: number}} */ (r) => r.available && r.integrations !== undefined)
  if (points.length < 2) return undefined
  /** @param {number[]} ys */
  const linearFit = (ys) => {
    const xs = points.map((p) => p.integrations)
    const mx = xs.reduce((a, b) => a + b) / xs.length
    const my = ys.reduce((a, b) => a + b) / ys.length
    const slope = xs.reduce((a, x, k) => a + (x - mx) * (ys[k] - my), 0) / xs.reduce((a, x) => a + (x - mx) ** 2, 0)
    const fixed = my - slope * mx
    const ssTot = ys.reduce((a, y) => a + (y - my) ** 2, 0)
    const ssRes = ys.reduce((a, y, k) => a + (y - fixed - slope * xs[k]) ** 2, 0)
    return {slopeMsPerIntegration: round2(slope), fixedMs: round1(fixed), r2: ssTot === 0 ? 1 : Math.round((1 - ssRes / ssTot) * 10000) / 10000}
  }
  const marginal = points.slice(1).map((p, k) => ({
    from: points[k].integrations,
    to: p.integrations,
    msPerIntegration: round2((p.medianMs - points[k].medianMs) / (p.integrations - points[k].integrations)),
  }))
  return {
    sizes: points.map((p) => p.integrations),
    medianMs: points.map((p) => p.medianMs),
    peakMiB: points.map((p) => p.peakMiB),
    gweInt: linearFit(points.map((p) => p.medianMs)),
    ioFloor: linearFit(points.map((p) => p.baselineMedianMs)),
    marginal,
  }
})()

/** @param {number} x */
function round1(x) {
  return Math.round(x * 10) / 10
}
/** @param {number} x */
function round2(x) {
  return Math.round(x * 100) / 100
}

/**
 * @param {string} a
 * @param {string} b
 */
function sameTree(a, b) {
  /** @type {(dir: string, rel?: string) => string[]} */
  const list = (dir, rel = '') =>
    fs
      .readdirSync(path.join(dir, rel), {withFileTypes: true})
      .flatMap((e) => (e.isDirectory() ? list(dir, path.join(rel, e.name)) : [path.join(rel, e.name)]))
      .sort()
  const fa = list(a)
  const fb = list(b)
  return fa.length === fb.length && fa.every((f, k) => f === fb[k] && fs.readFileSync(path.join(a, f)).equals(fs.readFileSync(path.join(b, f))))
}

// ---- report ----
/** @param {Goal} g */
const goalText = (g) =>
  [g.ratio !== undefined ? `<= ${g.ratio.toFixed(1)}x` : '', g.ms !== undefined ? `< ${g.ms} ms` : '', g.peakMiB !== undefined ? `<= ${g.peakMiB} MiB` : '']
    .filter(Boolean)
    .join(', ') || '-'
const rows = [['case', 'gwe-int', 'baseline', 'baseline median', 'ratio', 'goal', 'paired ratio', 'cpu ratio', 'peak MiB', 'ok']]
for (const r of results) {
  if (!r.available) rows.push([r.case, 'n/a', '-', '-', '-', goalText(r.goal), '-', '-', '-', 'not available'])
  else
    rows.push([
      r.case,
      `${Math.round(r.medianMs)} ms`,
      r.baseline,
      `${Math.round(r.baselineMedianMs)} ms`,
      `${r.ratio.toFixed(2)}x`,
      goalText(r.goal),
      `${r.pairedRatio.toFixed(2)}x`,
      `${r.cpuRatio.toFixed(2)}x`,
      r.peakMiB.toFixed(1),
      hasGoal(r.goal) ? (r.ok ? 'yes' : 'NO') : '-',
    ])
}
const widths = rows[0].map((_, k) => Math.max(...rows.map((r) => r[k].length)))
/** @param {string[]} r */
const line = (r) => `| ${r.map((cell, k) => cell.padEnd(widths[k])).join(' | ')} |`
const table = [line(rows[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n')
const cpu = os.cpus()[0]?.model ?? 'unknown cpu'
const notes = [
  `Median of ${RUNS} runs after one warm-up (${RUNS * SHORT_PAIRS} for new, --version and --help, ${SHORT_PAIRS} pairs per run), interleaved with the baseline; Node ${process.version}, ${os.cpus().length} x ${cpu}; files written under ${path.dirname(work)}.`,
  `Times are wall-clock medians (spawn to exit); "ratio" is median over median; "paired ratio" (judged against the goal) is the median of each pair's gwe-int/baseline, which a slow spell of a shared machine sways less; "cpu ratio" compares user+sys CPU time.`,
  `Peak memory: max RSS of the gwe-int process, from ${memoryMethod}; goal <= ${PEAK_MIB} MiB for generate, <= 120 MiB for the other cases with a goal; the 50 and 800 sizes only give the slope (ok: -).`,
  `gwe-int measured: ${BIN}.`,
  ...(scaling === undefined
    ? []
    : [
        `generate scaling (${scaling.sizes.join(', ')} integrations: ${scaling.medianMs.map((m) => `${Math.round(m)} ms`).join(', ')}; peak ${scaling.peakMiB.join(', ')} MiB): ${scaling.gweInt.slopeMsPerIntegration} ms per integration + ${scaling.gweInt.fixedMs} ms (R² ${scaling.gweInt.r2}); the I/O floor ${scaling.ioFloor.slopeMsPerIntegration} ms per integration + ${scaling.ioFloor.fixedMs} ms; marginal cost ${scaling.marginal.map((m) => `${m.from}->${m.to}: ${m.msPerIntegration} ms`).join(', ')}.`,
      ]),
  ...(sameOutput === undefined
    ? []
    : [`generate: the plain script's ${jobs.jobs.length} files are ${sameOutput ? 'byte-identical to' : 'DIFFERENT from'} gwe-int's.`]),
  ...(patchSame.length === 0
    ? []
    : [
        `patch: the pages come from bench/patch-pages.mjs (the invitation fixture, and the invitation and the GMS widget inside a CMS page); the patched files with and without the fast scan are ${
          patchSame.every((p) => p.same)
            ? 'byte-identical'
            : `DIFFERENT (${patchSame
                .filter((p) => !p.same)
                .map((p) => p.id)
                .join(', ')})`
        }.`,
      ]),
  ...results.filter((r) => !r.available).map((r) => `${r.case}: ${r.note}.`),
]
process.stdout.write(`${table}\n\n${notes.join('\n')}\n`)
fs.writeFileSync(
  JSON_OUT,
  `${JSON.stringify({node: process.version, cpus: os.cpus().length, cpu, runs: RUNS, dir: path.dirname(work), bin: BIN, memory: memoryMethod, sameOutput, patchSame, scaling, results}, null, 2)}\n`,
)
process.stdout.write(`(written to ${path.relative(process.cwd(), JSON_OUT) || JSON_OUT})\n`)
fs.rmSync(work, {recursive: true, force: true})
