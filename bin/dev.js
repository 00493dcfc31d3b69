#!/usr/bin/env node
// Development entry: runs the CLI from src/ (TypeScript compiled as it loads, by tsx),
// with oclif's development settings (full stack traces). Nothing needs building first:
// the commands are found in src/commands, not in the build's manifest, and the
// templates are read from templates/ and compiled as they are used.
// `npm run dev -- <args>` runs it in the folder npm was started from.
import fs from 'node:fs'
import {fileURLToPath} from 'node:url'
import {Plugin} from '@oclif/core/config'
import {register} from 'tsx/esm/api'

register()
if (process.env.npm_lifecycle_event === 'dev' && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD)

const root = fileURLToPath(new URL('../', import.meta.url))
const pjson = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
// oclif finds the commands, hooks and help class where package.json says; here, their sources.
const fromSource = (p) => p.replace(/^\.\/dist\//, './src/').replace(/\.cjs$/, '.ts')
const {oclif} = pjson
oclif.commands = fromSource(oclif.commands)
oclif.helpClass = fromSource(oclif.helpClass)
for (const [name, hook] of Object.entries(oclif.hooks)) oclif.hooks[name] = fromSource(hook)

const plugin = new Plugin({root, pjson, isRoot: true, ignoreManifest: true})
await plugin.load()
const {execute} = await import('../src/cli/main.ts')
await execute({development: true, dir: import.meta.url, root, pjson, plugins: new Map([[plugin.name, plugin]])})
