#!/usr/bin/env node
// @ts-check
/**
 * Build step, after tsc: writes the scripts of src/preview/browser/ into the compiled
 * dist/tsc/preview/browser-scripts.js (its INLINED table), so that the bundle carries
 * them and the installed CLI reads no file for them.
 */
import fs from 'node:fs'

const root = new URL('../', import.meta.url)
const target = new URL('dist/tsc/preview/browser-scripts.js', root)
const folder = new URL('src/preview/browser/', root)
const EMPTY = 'const INLINED = undefined;'

const code = fs.readFileSync(target, 'utf8')
if (code.split(EMPTY).length !== 2) {
  process.stderr.write(`inline-browser-scripts: ${EMPTY} not found once in dist/tsc/preview/browser-scripts.js\n`)
  process.exit(1)
}
/** @type {Record<string, string>} */
const scripts = {}
for (const name of fs
  .readdirSync(folder)
  .filter((f) => f.endsWith('.js'))
  .sort())
  scripts[name] = fs.readFileSync(new URL(name, folder), 'utf8')
fs.writeFileSync(target, code.replace(EMPTY, `const INLINED = ${JSON.stringify(scripts)};`))
