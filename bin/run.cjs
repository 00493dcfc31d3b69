#!/usr/bin/env node
// The installed CLI: the bundle `npm run build` writes to dist/ (scripts/bundle.mjs),
// compiled through Node's compile cache or the V8 code cache recorded at build time
// (code-cache.cjs).
// CommonJS from the first line: an ES module entry would start Node's ES module
// loader first, ~4 ms of every run.
'use strict'
// Before anything else loads: on another Node, one line and exit 2 (invalid input), not
// a stack trace from deep inside a dependency. Plain old syntax, so that even a very old
// Node parses this far. Keep in step with "engines" in package.json and the README.
var supported = 'Node.js 20 (20.19 or later), 22 (22.12 or later) or 24 and later'
var v = process.versions.node.split('.').map(Number)
if (!((v[0] === 20 && v[1] >= 19) || (v[0] === 22 && v[1] >= 12) || v[0] >= 24)) {
  process.stderr.write('error: gwe-int runs on ' + supported + '; this is Node.js ' + process.version + '\n')
  process.exit(2)
}
// stdout and stderr that are not a terminal are written without Node's stream library (stdio.cjs).
require('./stdio.cjs').installPlainOutput()
// The package's own package.json: for --version below, and handed to oclif, which would
// otherwise search for it and read it again (asynchronously, a few ms of every start).
const root = require('node:path').join(__dirname, '..')
const pjson = JSON.parse(require('node:fs').readFileSync(require('node:path').join(root, 'package.json'), 'utf8'))
// `gwe-int --version` is answered here, before oclif and the bundle load (a third of
// the run's time on Node 24): the line oclif prints for it (Config#userAgent), built the
// same way. Only where the platform is certain: oclif calls WSL "wsl" (is-wsl), so
// wherever that check might say yes, oclif answers as before.
if (process.argv[2] === '--version' && !mightBeWsl()) {
  const {name, version} = pjson
  const arch = process.arch === 'ia32' ? 'x86' : process.arch
  // A stdout that cannot be written (full disk, closed) is exit 74 and one line, as for every
  // command (src/cli/streams.ts); a reader that stopped early (EPIPE) is not an error.
  process.stdout.on('error', function (error) {
    if (error.code === 'EPIPE') return
    process.exitCode = 74
    process.stderr.on('error', function () {})
    var words = {ENOSPC: 'no space left on the device', EBADF: 'the descriptor is closed or not open for writing', EIO: 'input/output error'}[error.code]
    process.stderr.write('error: could not write to stdout (' + error.code + (words ? ': ' + words : '') + '); the output is incomplete\n')
  })
  process.stdout.write(name + '/' + version + ' ' + process.platform + '-' + arch + ' node-' + process.version + '\n')
  return
}
function mightBeWsl() {
  if (process.platform !== 'linux') return false
  const fs = require('node:fs')
  let kernel = require('node:os').release()
  try {
    kernel += fs.readFileSync('/proc/version', 'utf8')
  } catch {
    // no /proc: is-wsl reads on to the paths below
  }
  return kernel.toLowerCase().includes('microsoft') || fs.existsSync('/proc/sys/fs/binfmt_misc/WSLInterop') || fs.existsSync('/run/WSL')
}
// Most of a cold start is V8 compiling the bundle, so it runs from V8's cached code
// (code-cache.cjs): on Node 20 the cache recorded at build time; on Node >= 22 the cache
// each command's first run leaves in a folder of the user's. Where no such folder can
// be made, Node's own compile cache (module.enableCompileCache), which keeps less (the
// code of each file before it ran), in its default folder or the user's cache folder.
const {enableCompileCache, constants} = require('node:module')
if (process.env.GWE_INT_CODE_CACHE !== '0') {
  const codeCache = require('./code-cache.cjs')
  if (typeof enableCompileCache !== 'function') codeCache.installCodeCache()
  else {
    const learnDir = codeCache.learningDir(pjson.version, process.argv[2])
    if (!learnDir || !codeCache.installCodeCache({learnDir})) {
      try {
        if (enableCompileCache().status === constants.compileCacheStatus.FAILED) {
          const path = require('node:path')
          const home = process.env.XDG_CACHE_HOME || path.join(require('node:os').homedir(), '.cache')
          enableCompileCache(path.join(home, 'gwe-int', 'compile-cache'))
        }
      } catch {
        // A folder that cannot be written only means no cache (Node reports it in the
        // returned status rather than throwing; this is for anything else).
      }
    }
  }
}
// Loading, oclif checks Node against the engines of its own package.json, which the
// bundle does not contain: the check finds nothing and only costs time (semver, ~3 ms).
const skip = process.env.OCLIF_DISABLE_ENGINE_WARNING === undefined
if (skip) process.env.OCLIF_DISABLE_ENGINE_WARNING = '1'
const {execute, exitWhenIdle} = require('../dist/main/run.cjs')
if (skip) delete process.env.OCLIF_DISABLE_ENGINE_WARNING
// The package.json read above, so that oclif does not look for it again.
execute({dir: __filename, root, pjson}).then(exitWhenIdle)
