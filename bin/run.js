#!/usr/bin/env node
// The installed CLI: the bundle `npm run build` writes to dist/ (scripts/bundle.mjs),
// compiled through the V8 code cache recorded at build time (code-cache.cjs).
// Everything after this import is CommonJS, which starts faster than ES modules.
import {createRequire} from 'node:module'

const require = createRequire(import.meta.url)
require('./code-cache.cjs').installCodeCache()
await require('../dist/main/run.cjs').execute({dir: import.meta.url})
