#!/usr/bin/env node
// The installed CLI: the bundle `npm run build` writes to dist/ (scripts/bundle.mjs),
// compiled through the V8 code cache recorded at build time (code-cache.cjs).
// Everything after this import is CommonJS, which starts faster than ES modules.
import {createRequire} from 'node:module'

const require = createRequire(import.meta.url)
require('./code-cache.cjs').installCodeCache()
// Loading, oclif checks Node against the engines of its own package.json, which the
// bundle does not contain: the check finds nothing and only costs time (semver, ~3 ms).
const skip = process.env.OCLIF_DISABLE_ENGINE_WARNING === undefined
if (skip) process.env.OCLIF_DISABLE_ENGINE_WARNING = '1'
const {execute} = require('../dist/main/run.cjs')
if (skip) delete process.env.OCLIF_DISABLE_ENGINE_WARNING
await execute({dir: import.meta.url})
