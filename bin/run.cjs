#!/usr/bin/env node
// The installed CLI: the bundle `npm run build` writes to dist/ (scripts/bundle.mjs),
// compiled through the V8 code cache recorded at build time (code-cache.cjs).
// CommonJS from the first line: an ES module entry would start Node's ES module
// loader first, ~4 ms of every run (issue 8: start-up).
'use strict'
require('./code-cache.cjs').installCodeCache()
// Loading, oclif checks Node against the engines of its own package.json, which the
// bundle does not contain: the check finds nothing and only costs time (semver, ~3 ms).
const skip = process.env.OCLIF_DISABLE_ENGINE_WARNING === undefined
if (skip) process.env.OCLIF_DISABLE_ENGINE_WARNING = '1'
const {execute} = require('../dist/main/run.cjs')
if (skip) delete process.env.OCLIF_DISABLE_ENGINE_WARNING
execute({dir: __filename})
