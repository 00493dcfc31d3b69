#!/usr/bin/env node
// Development entry: rebuilds nothing, runs the compiled CLI with oclif's
// development settings (full stack traces, no manifest cache). Run `npm run build` first.
import {execute} from '@oclif/core'

await execute({development: true, dir: import.meta.url})
