#!/usr/bin/env node
// @ts-check
/**
 * Build step, after tsc (to dist/tsc) and the template precompiler: bundles the
 * compiled tree into dist/ with rolldown, so start-up reads a handful of files
 * instead of several hundred (@oclif/core alone is 158 CommonJS files, zod and
 * yaml about a hundred each), and removes dist/tsc.
 *
 * - Entry points keep their ids: dist/commands/<id>.cjs for oclif's manifest and
 *   dist/main/run.cjs (@oclif/core's execute) for bin/run.cjs, dist/hooks/<name>.cjs
 *   for oclif's hooks, dist/help/index.cjs for its help class; code shared by
 *   several entries goes to dist/chunks/. Everything sits two folders below the
 *   package root, as in the unbundled tree, so `new URL('../../templates/',
 *   import.meta.url)` still finds the package's folders.
 * - CommonJS output, so bin/run.cjs can compile it through V8's code cache
 *   (bin/code-cache.cjs); rolldown rewrites import.meta.url for it.
 * - Everything the CLI runs is in the bundle, so an install needs no runtime
 *   dependencies. What only some paths need still loads on demand, from files of
 *   its own: inquirer (prompts) and the not-found plugin through import(), which
 *   rolldown splits into lazy chunks; the Handlebars compiler (template overrides)
 *   and diff, which the source loads synchronously with createRequire, as entries
 *   of their own under dist/vendor/ that those calls are pointed at (LAZY below).
 * - `gwe-int autocomplete` is @oclif/plugin-autocomplete's commands, bundled as
 *   commands of gwe-int (dist/commands/autocomplete/): loaded as an oclif plugin it
 *   would need its own copy of @oclif/core and its dependencies in node_modules.
 * - Minified, with function and class names kept (error names, oclif class checks).
 * - ASCII only (charset: 'ascii' escapes the rest): V8 keeps a source with a single
 *   non-ASCII character as two bytes per character, and decoding, hashing and
 *   checksumming such a file at every start cost ~7% of `new` on Node 24. The check
 *   below fails the build on any left.
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
import {createRequire, isBuiltin} from 'node:module'
import {build} from 'rolldown'

const require = createRequire(import.meta.url)

/**
 * Packages the source loads on demand with `createRequire(import.meta.url)(name)`
 * (synchronous callers): each becomes dist/vendor/<name>.cjs, and those calls load it.
 */
const LAZY = ['handlebars', 'diff']
const LAZY_MARK = '__gwe_int_vendor__/'

/** Left out of the bundle: never loaded by the installed CLI. */
const EXTERNAL = [
  /^playwright(-core)?($|\/)/,
  // oclif's development-only TypeScript loaders.
  /^typescript$/,
  /^ts-node($|\/)/,
  /^tsx($|\/)/,
]

/** @type {import('rolldown').Plugin} */
const lazyRequires = {
  name: 'gwe-int:lazy-requires',
  transform(code, id) {
    if (!id.startsWith(from)) return null
    let count = 0
    const out = code.replace(/createRequire\(import\.meta\.url\)\((['"])([^'"]+)\1\)/g, (call, q, name) => {
      if (!LAZY.includes(name)) return call
      count += 1
      return `createRequire(import.meta.url)(${q}${LAZY_MARK}${name}.cjs${q})`
    })
    return count === 0 ? null : {code: out}
  },
  renderChunk(code, chunk) {
    if (!code.includes(LAZY_MARK)) return null
    // Relative to the chunk that calls it: createRequire resolves from the chunk's own file.
    const rel = path.posix.relative(path.posix.dirname(chunk.fileName), 'vendor') || '.'
    return {code: code.replaceAll(LAZY_MARK, `${rel.startsWith('.') ? rel : `./${rel}`}/`), map: null}
  },
}

/**
 * `const name = require(mod)`, loading `mod` on the first use of one of its members.
 * @param {string} name
 * @param {string} mod
 */
const lazyRequire = (name, mod) => `const ${name} = new Proxy({}, {get: (_, key) => require(${JSON.stringify(mod)})[key]});`

/**
 * Edits of dependencies' code for start-up time, each an exact text that must be found
 * (an update that changes it fails the build here rather than silently dropping the
 * edit). Behaviour stays the same; what changes is when the work happens.
 *
 * - oclif's Plugin#load sorts the command list with String#localeCompare, whose first
 *   call loads ICU's collation data: ~9 ms of every start on Node 20, ~12 ms on Node 24.
 *   Command ids are lowercase letters, digits, "-" and ":", which code-unit order sorts
 *   the same way.
 * - Node modules loaded at the top of a file but used only on a rare path, ~1-2.5 ms
 *   each at every start: readline (oclif's flag parser, for `-` read from stdin),
 *   child_process (oclif's shell detection, on Windows only), perf_hooks (oclif's
 *   OCLIF_PERFORMANCE timings).
 * - oclif's spinner reads cli-spinners' table of ~80 animations (~2.5 ms) when it
 *   loads, although gwe-int shows no spinner; it is read when a spinner starts.
 * - oclif asks wsl-utils whether it runs under WSL; wsl-utils answers with is-wsl's
 *   value but loads child_process and PowerShell helpers first. is-wsl is asked directly.
 * - oclif's help renderer (help/index: formatter, wrap-ansi, string-width, the command
 *   and root help) and ejs (its template engine, for help text and a few config
 *   strings) load with oclif's entry point, its flags and its error handler, although
 *   a command that runs never prints help. They load when help is shown or a template
 *   rendered; the two small helpers the entry point calls every run come from
 *   help/util, where help/index takes them from too.
 * - oclif's logger loads the debug package (with supports-color and tty, ~3 ms) at every
 *   start. debug reads DEBUG once, when it loads, and without it every logger is a no-op:
 *   without DEBUG, the logger gets a no-op function and debug never loads.
 * - node:fs/promises loads Node's stream, readline and file-watching modules (~7M
 *   instructions on Node 24). oclif's file helpers, its TypeScript path support and
 *   lilconfig load it at the top; it loads at their first call. oclif reads its
 *   package.json and manifest at every start with fs/promises' readFile: it reads them
 *   with readFileSync (two small files; the function stays async).
 * - Modules a run that succeeds never calls, loaded at the top (~9M instructions of a `new`):
 *   tinyglobby and minimatch (command discovery by glob, which the manifest replaces),
 *   ansis and supports-color (oclif's colours), wrap-ansi (an error's text). They load
 *   at their first use.
 *
 * @type {{file: string, find: string, replace: string, applied?: boolean}[]}
 */
const DEPENDENCY_EDITS = [
  {
    file: '@oclif/core/lib/config/plugin.js',
    find: '.sort((a, b) => a.id.localeCompare(b.id));',
    replace: '.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));',
  },
  {
    file: '@oclif/core/lib/parser/parse.js',
    find: 'const node_readline_1 = require("node:readline");',
    replace: lazyRequire('node_readline_1', 'node:readline'),
  },
  {
    file: '@oclif/core/lib/util/os.js',
    find: 'const node_child_process_1 = require("node:child_process");',
    replace: lazyRequire('node_child_process_1', 'node:child_process'),
  },
  {
    file: '@oclif/core/lib/util/os.js',
    find: "return (await import('wsl-utils')).isWsl ? 'wsl'",
    replace: "return (await import('is-wsl')).default ? 'wsl'",
  },
  {
    file: '@oclif/core/lib/main.js',
    find: 'const help_1 = require("./help");',
    replace:
      'const help_1 = {get getHelpFlagAdditions() { return require("./help/util").getHelpFlagAdditions }, get normalizeArgv() { return require("./help/util").normalizeArgv }, get loadHelpClass() { return require("./help").loadHelpClass }};',
  },
  {
    file: '@oclif/core/lib/flags.js',
    find: 'const help_1 = require("./help");',
    replace: 'const help_1 = {get loadHelpClass() { return require("./help").loadHelpClass }};',
  },
  {
    file: '@oclif/core/lib/errors/handle.js',
    find: 'const index_1 = require("../help/index");',
    replace: 'const index_1 = {get Help() { return require("../help/index").Help }};',
  },
  {
    file: '@oclif/core/lib/config/config.js',
    find: 'const ejs_1 = __importDefault(require("ejs"));',
    replace: 'const ejs_1 = {get default() { return __importDefault(require("ejs")).default }};',
  },
  {
    file: '@oclif/core/lib/help/util.js',
    find: 'const ejs_1 = __importDefault(require("ejs"));',
    replace: 'const ejs_1 = {get default() { return __importDefault(require("ejs")).default }};',
  },
  {
    file: '@oclif/core/lib/logger.js',
    find: 'const debug_1 = __importDefault(require("debug"));',
    replace: 'const debug_1 = {get default() { return process.env.DEBUG ? __importDefault(require("debug")).default : () => function debug() {} }};',
  },
  {
    file: '@oclif/core/lib/performance.js',
    find: 'const node_perf_hooks_1 = require("node:perf_hooks");',
    replace: lazyRequire('node_perf_hooks_1', 'node:perf_hooks'),
  },
  ...['util/fs.js', 'config/ts-path.js', 'util/read-tsconfig.js'].map((file) => ({
    file: `@oclif/core/lib/${file}`,
    find: 'const promises_1 = require("node:fs/promises");',
    replace: lazyRequire('promises_1', 'node:fs/promises'),
  })),
  {
    file: '@oclif/core/lib/util/fs.js',
    find: "const contents = await (0, promises_1.readFile)(path, 'utf8');",
    replace: "const contents = (0, node_fs_1.readFileSync)(path, 'utf8');",
  },
  {
    file: 'lilconfig/src/index.js',
    find: 'const fsReadFileAsync = fs.promises.readFile;',
    replace: 'const fsReadFileAsync = (...args) => fs.promises.readFile(...args);',
  },
  {
    file: '@oclif/core/lib/config/plugin.js',
    find: 'const tinyglobby_1 = require("tinyglobby");',
    replace: lazyRequire('tinyglobby_1', 'tinyglobby'),
  },
  {
    file: '@oclif/core/lib/config/plugin-loader.js',
    find: 'const minimatch_1 = require("minimatch");',
    replace: lazyRequire('minimatch_1', 'minimatch'),
  },
  {
    file: '@oclif/core/lib/ux/theme.js',
    find: 'const ansis_1 = __importDefault(require("ansis"));',
    replace: 'const ansis_1 = {get default() { return __importDefault(require("ansis")).default }};',
  },
  {
    file: '@oclif/core/lib/ux/theme.js',
    find: 'const supports_color_1 = require("./supports-color");',
    replace: lazyRequire('supports_color_1', './supports-color'),
  },
  ...['errors/errors/cli.js', 'errors/errors/pretty-print.js'].map((file) => ({
    file: `@oclif/core/lib/${file}`,
    find: 'const wrap_ansi_1 = __importDefault(require("wrap-ansi"));',
    replace: 'const wrap_ansi_1 = {get default() { return __importDefault(require("wrap-ansi")).default }};',
  })),
  {
    file: '@oclif/core/lib/ux/action/spinner.js',
    find: 'const cli_spinners_1 = __importDefault(require("cli-spinners"));',
    replace: 'const cli_spinners_1 = {get default() { return __importDefault(require("cli-spinners")).default }};',
  },
]

/** @type {import('rolldown').Plugin} */
const dependencyEdits = {
  name: 'gwe-int:dependency-edits',
  transform(code, id) {
    const edits = DEPENDENCY_EDITS.filter((e) => id.split(path.sep).join('/').endsWith(`node_modules/${e.file}`))
    if (edits.length === 0) return null
    let out = code
    for (const edit of edits) {
      if (!out.includes(edit.find))
        throw new Error(`bundle: ${edit.file} no longer contains ${JSON.stringify(edit.find)}; review DEPENDENCY_EDITS in scripts/bundle.mjs`)
      out = out.replace(edit.find, edit.replace)
      edit.applied = true
    }
    return {code: out}
  },
}

/**
 * `import fs from 'node:fs'` becomes `__toESM(require('node:fs'), 1)`, which copies every
 * export of the module onto a new object as a getter bound to its name (~100 for node:fs),
 * once per chunk that imports it: ~1.3 ms and 170 KB at each start. A Node module has no
 * `__esModule`, so the copy only serves reads, which an object with the module as its
 * prototype serves too.
 * @type {import('rolldown').Plugin}
 */
const builtinDefaultImports = {
  name: 'gwe-int:builtin-default-imports',
  renderChunk(code) {
    let count = 0
    const out = code.replace(/^(let ([\w$]+) = require\("([\w:/]+)"\);\n)\2 = require_rolldown_runtime\.[\w$]+\(\2, 1\);$/gm, (line, declaration, name, id) => {
      if (!isBuiltin(id)) return line
      count += 1
      return `${declaration}${name} = { __proto__: ${name}, default: ${name} };`
    })
    return count === 0 ? null : {code: out}
  },
}

/** What `import(x)` becomes in the bundle (the global is set by bin/code-cache.cjs). */
const IMPORT = '(globalThis.__gweIntImport||(s=>import(s)))'

/** @type {import('rolldown').Plugin} */
const importThroughLauncher = {
  name: 'gwe-int:import-through-launcher',
  renderChunk(code) {
    const out = new MagicString(code)
    let count = 0
    /** @param {any} node a node of the chunk's ESTree, or a value of one of its fields */
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
/** @type {Record<string, string>} */
const input = {'main/run': path.join(from, 'cli', 'main.js')}
for (const name of LAZY) input[`vendor/${name}`] = require.resolve(name)
// `gwe-int autocomplete` (with its hidden create and script commands) from the plugin.
const autocomplete = path.join(path.dirname(require.resolve('@oclif/plugin-autocomplete')), 'commands', 'autocomplete')
for (const name of ['index', 'create', 'script']) input[`commands/autocomplete/${name}`] = path.join(autocomplete, `${name}.js`)
for (const dir of ['commands', 'hooks', 'help']) {
  if (!fs.existsSync(path.join(from, dir))) continue
  for (const file of fs.readdirSync(path.join(from, dir), {encoding: 'utf8', recursive: true}).filter((f) => f.endsWith('.js'))) {
    input[`${dir}/${file.slice(0, -3).split(path.sep).join('/')}`] = path.join(from, dir, file)
  }
}

await build({
  input,
  platform: 'node',
  logLevel: 'warn',
  plugins: [lazyRequires, importThroughLauncher, dependencyEdits, builtinDefaultImports],
  external: EXTERNAL,
  output: {dir: out, format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs', minify: true, keepNames: true, charset: 'ascii'},
})
// The preview server's thread (src/preview/thread.ts starts it from this file): one file
// of its own, built apart so that the chunks the commands load stay as they are.
await build({
  input: {'preview/worker': path.join(from, 'preview', 'worker.js')},
  platform: 'node',
  logLevel: 'warn',
  plugins: [lazyRequires, importThroughLauncher, builtinDefaultImports],
  external: EXTERNAL,
  output: {dir: out, format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true, minify: true, keepNames: true, charset: 'ascii'},
})
fs.rmSync(from, {recursive: true, force: true})
const unapplied = DEPENDENCY_EDITS.filter((e) => !e.applied)
if (unapplied.length > 0) {
  process.stderr.write(`bundle: ${unapplied.map((e) => e.file).join(', ')} not bundled; review DEPENDENCY_EDITS in scripts/bundle.mjs\n`)
  process.exit(1)
}

// The installed package has no node_modules of its own: nothing may still load a bare package name.
/** @type {string[]} */
const leftovers = []
for (const file of fs.readdirSync(out, {encoding: 'utf8', recursive: true}).filter((f) => f.endsWith('.cjs'))) {
  const code = fs.readFileSync(path.join(out, file), 'utf8')
  for (const m of code.matchAll(/\brequire\((['"])([^'"./][^'"]*)\1\)/g))
    if (!isBuiltin(m[2]) && !EXTERNAL.some((re) => re.test(m[2]))) leftovers.push(`${file}: require(${m[2]})`)
  if (code.includes(LAZY_MARK)) leftovers.push(`${file}: ${LAZY_MARK}`)
  const wide = code.search(/[^\x00-\x7f]/)
  if (wide !== -1) leftovers.push(`${file}: a non-ASCII character at offset ${wide} (charset: 'ascii' could not escape it)`)
}
if (leftovers.length > 0) {
  process.stderr.write(`bundle: these would load from node_modules, which an install does not have, or are not ASCII:\n${[...new Set(leftovers)].join('\n')}\n`)
  process.exit(1)
}
