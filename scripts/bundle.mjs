#!/usr/bin/env node
/**
 * Build step, after tsc (to dist/tsc) and the template precompiler: bundles the
 * compiled tree into dist/ with rolldown, so start-up reads a handful of files
 * instead of several hundred (@oclif/core alone is 158 CommonJS files, zod and
 * yaml about a hundred each), and removes dist/tsc.
 *
 * - Entry points keep their ids: dist/commands/<id>.cjs for oclif's manifest and
 *   dist/main/run.cjs (@oclif/core's execute) for bin/run.cjs, dist/hooks/<name>.cjs
 *   for oclif's hooks; code shared by
 *   several entries goes to dist/chunks/. Everything sits two folders below the
 *   package root, as in the unbundled tree, so `new URL('../../templates/',
 *   import.meta.url)` still finds the package's folders.
 * - CommonJS output, so bin/run.cjs can compile it through V8's code cache
 *   (bin/code-cache.cjs); rolldown rewrites import.meta.url for it.
 * - Dependencies only some paths need stay external and load from node_modules on
 *   demand: the Handlebars compiler (template overrides), diff (createRequire'd
 *   where a diff is printed), inquirer (prompts), playwright.
 * - Minified, with function and class names kept (error names, oclif class checks).
 * - Every dynamic import() (inquirer, oclif loading its ESM plugins) is routed
 *   through a function bin/code-cache.cjs defines: V8 code-cache data loses
 *   vm.Script's dynamic-import hook across processes on Node 20, so an import()
 *   compiled from the cache would fail. Loaded any other way, the chunk falls
 *   back to the native import().
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import MagicString from 'magic-string'
import {build} from 'rolldown'

/** What `import(x)` becomes in the bundle (the global is set by bin/code-cache.cjs). */
const IMPORT = '(globalThis.__gweIntImport||(s=>import(s)))'

const importThroughLauncher = {
  name: 'gwe-int:import-through-launcher',
  renderChunk(code) {
    const out = new MagicString(code)
    let count = 0
    const visit = (node) => {
      if (Array.isArray(node)) return node.forEach(visit)
      if (!node || typeof node !== 'object') return
      if (node.type === 'ImportExpression') {
        if (node.options) throw new Error(`bundle: import() with options is not supported (${code.slice(node.start, node.end)})`)
        out.overwrite(node.start, node.start + 'import'.length, IMPORT)
        count += 1
      }
      for (const key in node) if (key !== 'type' && key !== 'start' && key !== 'end') visit(node[key])
    }
    visit(this.parse(code))
    return count === 0 ? null : {code: out.toString(), map: out.generateMap({hires: true})}
  },
}

const root = fileURLToPath(new URL('../', import.meta.url))
const from = path.join(root, 'dist', 'tsc')
const out = path.join(root, 'dist')

// Entries: oclif's entry point, every command and every hook (package.json oclif.hooks).
const input = {'main/run': path.join(from, 'main.js')}
for (const dir of ['commands', 'hooks']) {
  if (!fs.existsSync(path.join(from, dir))) continue
  for (const file of fs.readdirSync(path.join(from, dir), {recursive: true}).filter((f) => f.endsWith('.js'))) {
    input[`${dir}/${file.slice(0, -3).split(path.sep).join('/')}`] = path.join(from, dir, file)
  }
}

await build({
  input,
  platform: 'node',
  logLevel: 'warn',
  plugins: [importThroughLauncher],
  external: [
    /^handlebars$/,
    /^diff$/,
    /^@inquirer\//,
    /^@oclif\/plugin-/,
    /^playwright(-core)?($|\/)/,
    // oclif's development-only TypeScript loaders, never used by the installed CLI.
    /^typescript$/,
    /^ts-node($|\/)/,
    /^tsx($|\/)/,
  ],
  output: {dir: out, format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs', minify: true, keepNames: true},
})
fs.rmSync(from, {recursive: true, force: true})
