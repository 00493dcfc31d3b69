#!/usr/bin/env node
// The installed CLI: the bundle `npm run build` writes to dist/ (scripts/bundle.mjs),
// compiled through Node's compile cache or the V8 code cache recorded at build time
// (code-cache.cjs).
// CommonJS from the first line: an ES module entry would start Node's ES module
// loader first, ~4 ms of every run (issue 8: start-up).
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
// Most of a cold start is V8 compiling the bundle: Node >= 22 keeps the compiled code
// itself (module.enableCompileCache), Node 20 uses the cache recorded at build time.
// The check is here, not in code-cache.cjs, so that Node >= 22 loads none of what
// the recorded cache needs (node:zlib alone brings in node:stream).
const {enableCompileCache} = require('node:module')
if (typeof enableCompileCache === 'function') {
  if (process.env.GWE_INT_CODE_CACHE !== '0') {
    try {
      enableCompileCache()
    } catch {
      // A folder that cannot be written only means no cache (Node reports it in the
      // returned status rather than throwing; this is for anything else).
    }
  }
} else {
  require('./code-cache.cjs').installCodeCache()
}
// Loading, oclif checks Node against the engines of its own package.json, which the
// bundle does not contain: the check finds nothing and only costs time (semver, ~3 ms).
const skip = process.env.OCLIF_DISABLE_ENGINE_WARNING === undefined
if (skip) process.env.OCLIF_DISABLE_ENGINE_WARNING = '1'
const {execute} = require('../dist/main/run.cjs')
if (skip) delete process.env.OCLIF_DISABLE_ENGINE_WARNING
execute({dir: __filename})
