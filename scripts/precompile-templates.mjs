#!/usr/bin/env node
// @ts-check
/**
 * Build step, after tsc: precompiles templates/ into dist/tsc/render/precompiled.js
 * (replacing the compiled stand-in of src/render/precompiled.ts), so running
 * gwe-int never compiles a built-in template. Fails the build on a template error.
 */
import fs from 'node:fs'
import {fileURLToPath} from 'node:url'

const root = new URL('../', import.meta.url)
const {precompiledModule} = await import(new URL('dist/tsc/render/precompile.js', root).href)
const target = new URL('dist/tsc/render/precompiled.js', root)
try {
  fs.writeFileSync(target, precompiledModule(fileURLToPath(new URL('templates/', root))))
} catch (error) {
  process.stderr.write(`precompile-templates: ${/** @type {Error} */ (error).message}\n`)
  process.exit(1)
}
