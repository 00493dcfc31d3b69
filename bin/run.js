#!/usr/bin/env node
// The CLI is bin/run.cjs (package.json "bin"). This file is kept for whatever still starts
// gwe-int as bin/run.js: scripts written before the rename, and npx caches whose link was
// made then (npx keeps a local package's bin link across bin changes).
import {createRequire} from 'node:module'

createRequire(import.meta.url)('./run.cjs')
