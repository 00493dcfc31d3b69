#!/usr/bin/env node
// Development entry: rebuilds nothing, runs the bundle in dist/ with oclif's
// development settings (full stack traces, no manifest cache). Run `npm run build` first.
import {createRequire} from 'node:module'

const {execute} = createRequire(import.meta.url)('../dist/main/run.cjs')
await execute({development: true, dir: import.meta.url})
