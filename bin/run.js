#!/usr/bin/env node
// The installed CLI: the bundle npm run build writes to dist/ (scripts/bundle.mjs).
import {createRequire} from 'node:module'

const {execute} = createRequire(import.meta.url)('../dist/main/run.cjs')
await execute({dir: import.meta.url})
