#!/usr/bin/env node
// @ts-check
/**
 * `npm run bench` (after the build): every case of bench/run.mjs on Node 20 and on
 * Node 24 (the pinned versions of .ci/node-versions, installed like CI installs them),
 * then what installing the packed tarball costs a user. Prints each table and writes
 * bench/results.json with all of it.
 *
 *   node bench/matrix.mjs [--nodes 20,24] [--skip-install] [--skip-reliability] [run.mjs options: --runs 9 --dir /dev/shm --only new,version]
 *
 * What is measured is the installed package: `npm pack` of this build, installed into an
 * empty prefix (bench/run.mjs --bin), as a user gets it. Each Node runs bench/run.mjs
 * twice: with its files on a tmpfs (/dev/shm: the tools without the disk) and on the
 * machine's own disk (the OS temp folder, or this checkout's folder when that is a
 * tmpfs too). --dir DIR runs one place only.
 *
 * After each Node's table come the reliability figures on that Node: how fast Ctrl-C ends
 * a write (bench/interrupt.mjs) and the preview server under load (bench/preview-load.mjs).
 *
 * The build records the Node 20 code cache only when it runs on Node 20 (bin/code-cache.cjs),
 * so it is recorded again here with the pinned Node 20: the numbers do not depend on
 * which Node ran the build.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const args = process.argv.slice(2)
/**
 * Takes `--name` (and its value) out of the arguments passed on to bench/run.mjs.
 * @overload
 * @param {string} name
 * @param {true} hasValue
 * @returns {string | undefined}
 */
/**
 * @overload
 * @param {string} name
 * @param {false} hasValue
 * @returns {true | undefined}
 */
/**
 * @param {string} name
 * @param {boolean} hasValue
 * @returns {string | true | undefined}
 */
const take = (name, hasValue) => {
  const k = args.indexOf(`--${name}`)
  if (k < 0) return undefined
  const [, value] = args.splice(k, hasValue ? 2 : 1)
  return hasValue ? value : true
}
const majors = (take('nodes', true) ?? '20,24').split(',').map(Number)
const skipInstall = take('skip-install', false)
const skipReliability = take('skip-reliability', false)
const dirGiven = take('dir', true)
const dirArg = dirGiven ? ['--dir', dirGiven] : []
/** @param {string} dir */
const fsType = (dir) => spawnSync('stat', ['-f', '-c', '%T', dir], {encoding: 'utf8'}).stdout?.trim()
const places = dirGiven
  ? [{place: fsType(dirGiven) === 'tmpfs' ? 'tmpfs' : 'disk', dir: dirGiven}]
  : [
      ...(fs.existsSync('/dev/shm') && fsType('/dev/shm') === 'tmpfs' ? [{place: 'tmpfs', dir: '/dev/shm'}] : []),
      {place: 'disk', dir: fsType(os.tmpdir()) === 'tmpfs' ? ROOT : os.tmpdir()},
    ]

const pins = fs
  .readFileSync(path.join(ROOT, '.ci', 'node-versions'), 'utf8')
  .split('\n')
  .filter((l) => /^\d/.test(l))
  .map((l) => l.trim())
const versions = majors.map((m) => pins.find((v) => Number(v.split('.')[0]) === m) ?? fail(`bench: no Node ${m} pinned in .ci/node-versions`))
const bins = execFileSync('bash', [path.join(ROOT, '.ci', 'install-node'), ...versions], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit']})
  .trim()
  .split('\n')
/** @param {number} k */
const nodeOf = (k) => path.join(bins[k], 'node')

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  process.stderr.write(`${message}\n`)
  process.exit(1)
}

const k20 = majors.indexOf(20)
if (k20 >= 0) execFileSync(nodeOf(k20), [path.join(ROOT, 'scripts', 'code-cache.mjs')], {cwd: ROOT, stdio: 'inherit'})

// The package as a user installs it (after the code cache above, which it contains).
const installed = installPackage()
process.on('exit', () => fs.rmSync(installed.dir, {recursive: true, force: true}))

// A run of some Node lines (--nodes) or without the install keeps the other figures of the last run.
const resultsFile = path.join(ROOT, 'bench', 'results.json')
const previous = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : {}
const out = {nodes: {...previous.nodes}, install: previous.install}
for (const [k, major] of majors.entries()) {
  out.nodes[major] = {}
  for (const {place, dir} of places) {
    const json = path.join(os.tmpdir(), `gwe-int-bench-node${major}-${place}-${process.pid}.json`)
    process.stdout.write(`\n## Node ${versions[k]}, files on ${place === 'tmpfs' ? 'a tmpfs' : 'the disk'} (${dir})\n\n`)
    const run = spawnSync(nodeOf(k), [path.join(ROOT, 'bench', 'run.mjs'), ...args, '--dir', dir, '--bin', installed.bin, '--json-out', json], {
      cwd: ROOT,
      stdio: 'inherit',
    })
    if (run.status !== 0) fail(`bench: bench/run.mjs failed on Node ${versions[k]} (${dir})`)
    out.nodes[major][place] = JSON.parse(fs.readFileSync(json, 'utf8'))
    fs.rmSync(json, {force: true})
  }
  if (!skipReliability) {
    out.nodes[major].interrupt = reliability(
      k,
      'interrupt.mjs',
      dirArg,
      `Ctrl-C during generate of 200 integrations (bench/interrupt.mjs): time from SIGINT to exit; goal < 500 ms`,
    )
    out.nodes[major].preview = reliability(
      k,
      'preview-load.mjs',
      [],
      `preview under load (bench/preview-load.mjs): 2,000 mixed requests, 600 POSTs of 1 MB; goal peak RSS < 200 MB, no resets, the request log answers`,
    )
  }
}

if (!skipInstall) out.install = measureInstall()

fs.writeFileSync(resultsFile, `${JSON.stringify(out, null, 2)}\n`)
process.stdout.write('\n(written to bench/results.json)\n')

/** `npm pack` of this checkout, installed into an empty prefix: the bin bench/run.mjs measures. */
function installPackage() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gwe-int-bench-pkg-'))
  const pack = JSON.parse(
    execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}),
  )
  const prefix = path.join(dir, 'prefix')
  execFileSync('npm', ['install', '--prefix', prefix, path.join(dir, pack[0].filename), '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: dir,
    stdio: 'ignore',
  })
  const bin = path.join(prefix, 'node_modules', 'gwe-int', 'bin', 'run.cjs')
  if (!fs.existsSync(bin)) fail(`bench: npm install of the packed tarball left no ${bin}`)
  return {dir, bin}
}

/**
 * One of the reliability benches on the k-th Node: prints its figures, returns them (with ok).
 * @param {number} k
 * @param {string} script
 * @param {string[]} extra
 * @param {string} title
 */
function reliability(k, script, extra, title) {
  const json = path.join(os.tmpdir(), `gwe-int-bench-${script}-${process.pid}.json`)
  process.stdout.write(`\n${title}\n\n`)
  const run = spawnSync(nodeOf(k), [path.join(ROOT, 'bench', script), ...extra, '--json-out', json], {cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit']})
  if (!fs.existsSync(json)) fail(`bench: bench/${script} failed on Node ${versions[k]}`)
  const result = JSON.parse(fs.readFileSync(json, 'utf8'))
  fs.rmSync(json, {force: true})
  if (script === 'interrupt.mjs') {
    /** @type {[string, {medianMs: number, maxMs: number, outcomes: string[]}][]} */
    const rounds = Object.entries(result)
    for (const [when, r] of rounds) {
      const rolledBack = r.outcomes.filter((o) => o === 'rolled back').length
      process.stdout.write(
        `signal ${when === 'writing' ? 'as the first temp file appears' : 'at a random moment'}: median ${r.medianMs} ms, max ${r.maxMs} ms over ${r.outcomes.length} runs; ${rolledBack} rolled back, ${r.outcomes.length - rolledBack - r.outcomes.filter((o) => o.startsWith('BROKEN')).length} complete, ${r.outcomes.filter((o) => o.startsWith('BROKEN')).length} broken\n`,
      )
    }
    result.ok = run.status === 0 && Object.values(result).every((r) => r.medianMs < 500)
  } else {
    process.stdout.write(
      `peak RSS ${result.rssPeakMB} MB (goal < 200); 1 MB POSTs: ${JSON.stringify(result.posts1MB)}; mixed: ${JSON.stringify(result.mixed)}; connection failures ${result.failures}; request log after each step: ${[result.logAfterMixed, result.logAfterPosts, result.logAfterDeep].join(', ')}; 50 MB POST ${result.post50MB}; malformed %-escape ${result.malformedUrl}; ${result.seconds} s\n`,
    )
    result.ok = run.status === 0
  }
  return result
}

/**
 * `npm pack` of this build, installed from the registry into an empty prefix as a
 * user would, with an empty npm cache and a fresh HOME: packages added, size, time.
 */
function measureInstall() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gwe-int-bench-install-'))
  try {
    const pack = JSON.parse(
      execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    )
    const tarball = path.join(dir, pack[0].filename)
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)))
    fs.mkdirSync(path.join(dir, 'home'))
    Object.assign(env, {HOME: path.join(dir, 'home'), npm_config_cache: path.join(dir, 'cache'), npm_config_update_notifier: 'false'})
    const start = process.hrtime.bigint()
    execFileSync('npm', ['install', '--prefix', path.join(dir, 'prefix'), tarball, '--no-audit', '--no-fund'], {cwd: dir, env, stdio: 'ignore'})
    const ms = Number(process.hrtime.bigint() - start) / 1e6
    const modules = path.join(dir, 'prefix', 'node_modules')
    const packages = Object.keys(JSON.parse(fs.readFileSync(path.join(modules, '.package-lock.json'), 'utf8')).packages).length
    const kib = Number(execFileSync('du', ['-sk', modules], {encoding: 'utf8'}).split(/\s/)[0])
    const result = {
      packages,
      kib,
      mib: Math.round((kib / 1024) * 10) / 10,
      installMs: Math.round(ms),
      tarballKiB: Math.round(pack[0].size / 1024),
      goal: {packages: 15, mib: 10},
    }
    process.stdout.write(`\n## Install (npm pack, then npm install into an empty prefix from the registry, empty npm cache)\n\n`)
    process.stdout.write(
      `packages added: ${packages} (goal <= 15); node_modules: ${result.mib} MB (du -sk ${kib} KiB; goal <= 10 MB); tarball ${result.tarballKiB} KiB; install time ${(ms / 1000).toFixed(1)} s\n`,
    )
    return result
  } finally {
    fs.rmSync(dir, {recursive: true, force: true})
  }
}
