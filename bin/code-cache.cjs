/**
 * Compiled code for the bundle in dist/, so that a start does not spend most of its
 * time in V8 parsing and compiling it.
 *
 * Each bundle file is compiled through vm.Script with cached data that holds every
 * function a run compiled, also those V8 compiled lazily while the run went on.
 * (Node's own compile cache, module.enableCompileCache, stores a file's code as it was
 * right after compiling, before it ran: every function a command calls is compiled
 * again at every start, a third of a `new` on Node 24.) The data comes from:
 * - Node 20: the cache `npm run build` recorded in dist/code-cache/ (scripts/code-cache.mjs)
 *   when it ran on Node 20. Nothing is written at run time.
 * - Node >= 22 (bin/run.cjs): a folder of the user's (learningDir below), one per package
 *   version, Node version and command. A command's first run writes the cache of every
 *   file it compiled, when the process exits; later runs read it.
 *
 * Safe by construction: cached data is used only when it was written for exactly this
 * file content and is itself intact (two CRC-32s in its header), and V8 rejects data from
 * another V8 version or flag set. On Node 20 the first rejection uninstalls the hook;
 * in a learning folder a rejected file is written again. Cache files are written to a
 * temp name and renamed, so a concurrent run reads a whole file or none. A folder that
 * is not the user's own, or that others may write to, is not used.
 * While installed, it also resolves the bundle's relative requires of its own chunks
 * (resolveInBundle below), which Node's resolver would stat and realpath at every start.
 * GWE_INT_CODE_CACHE=0 turns every cache off (e.g. to debug: V8 keeps the file name a
 * cache was recorded under, so stack traces of the build's cache name files as
 * gwe-int/dist/..., not their installed path).
 */
'use strict'
// CommonJS, like the bundle: loading it costs no ES module machinery at start-up.
const fs = require('node:fs')
const Module = require('node:module')
const path = require('node:path')
const vm = require('node:vm')
// zlib's CRC-32 without loading node:zlib where it can (crc32.cjs); node:crypto costs ~6 ms.
const {crc32} = require('./crc32.cjs')

const HEADER = 8 // bytes: CRC-32 of the file's source, then CRC-32 of the cached data

/** Cached data with its header. */
function withHeader(sourceCrc, data) {
  const header = Buffer.alloc(HEADER)
  header.writeUInt32LE(sourceCrc, 0)
  header.writeUInt32LE(crc32(data), 4)
  return Buffer.concat([header, data])
}

/** The cached data in `file` when it was written for a source with `sourceCrc` and is intact. */
function readCache(file, sourceCrc) {
  let data
  try {
    data = fs.readFileSync(file)
  } catch {
    return undefined // no cache for this file: compile as usual
  }
  if (data.length <= HEADER || data.readUInt32LE(0) !== sourceCrc) return undefined
  const payload = data.subarray(HEADER)
  return data.readUInt32LE(4) === crc32(payload) ? payload : undefined
}

/** Write to a temp name, then rename: a concurrent run reads the whole file or none. */
function writeAtomically(file, data, {personal}) {
  fs.mkdirSync(path.dirname(file), {recursive: true, mode: personal ? 0o700 : 0o777})
  const temp = `${file}.${process.pid}.tmp`
  try {
    fs.writeFileSync(temp, data, {mode: personal ? 0o600 : 0o666})
    fs.renameSync(temp, file)
  } catch (error) {
    fs.rmSync(temp, {force: true})
    throw error
  }
}

/**
 * The learning folder of this package version, Node version and command, created when
 * missing: under the OS temp folder, or where that cannot be used, the user's cache
 * folder; undefined when neither can. `command` is the first argument when it names a
 * command of the bundle (so that a typo makes no folder).
 */
function learningDir(version, command) {
  const os = require('node:os')
  const commands = path.join(__dirname, '..', 'dist', 'commands')
  const known = /^[a-z][a-z0-9-]*$/.test(command ?? '') && (fs.existsSync(path.join(commands, `${command}.cjs`)) || fs.existsSync(path.join(commands, command)))
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined
  const key = path.join(`${version}-node${process.versions.node}-${process.arch}`, known ? command : 'other')
  const home = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache')
  for (const base of [path.join(os.tmpdir(), `gwe-int-code-cache${uid === undefined ? '' : `-${uid}`}`), path.join(home, 'gwe-int', 'code-cache')]) {
    try {
      fs.mkdirSync(base, {recursive: true, mode: 0o700})
      const stat = fs.lstatSync(base)
      // Cached data is code: only a folder of the user's own that nobody else may write to.
      if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid) || (stat.mode & 0o022) !== 0) continue
      const dir = path.join(base, key)
      fs.mkdirSync(dir, {recursive: true, mode: 0o700})
      return dir
    } catch {
      // not writable: the next place
    }
  }
  return undefined
}

/**
 * Compiles dist/**.cjs through the code cache. With `record`, reads no cache and
 * returns a `save()` that writes the cache of every file compiled so far, including
 * the functions compiled lazily while the process ran (the build's training run).
 * With `learnDir`, reads the cache from that folder and, when the process exits, writes
 * the cache of every file that had none (or had one V8 rejected).
 */
function installCodeCache({distDir = path.join(__dirname, '..', 'dist'), record = false, learnDir} = {}) {
  // Dynamic import() inside vm-compiled code needs Node's default loader (Node >= 20.12).
  const importModuleDynamically = vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER
  if (importModuleDynamically === undefined || process.env.GWE_INT_CODE_CACHE === '0') return undefined
  const dist = path.resolve(distDir) + path.sep
  // import() in code compiled from cached data has no loader on Node 20, so the bundle
  // calls this instead (scripts/bundle.mjs); compiled normally here, it has one.
  globalThis.__gweIntImport = (specifier) => import(specifier)
  // A relative .cjs path from a file of the bundle names a file of the bundle, which has no
  // symlinks or package.json of its own: Node's resolver would stat it and realpath every
  // folder of its path again for each of the ~30 chunks a run loads (~2% of a `new`).
  const resolve = Module._resolveFilename
  Module._resolveFilename = function resolveInBundle(request, parent, isMain, options) {
    if (options === undefined && request.endsWith('.cjs') && (request.startsWith('./') || request.startsWith('../')) && parent?.filename?.startsWith(dist)) {
      const file = path.join(path.dirname(parent.filename), request)
      if (file.startsWith(dist)) return file
    }
    return resolve.call(this, request, parent, isMain, options)
  }
  const original = Module.prototype._compile
  const cacheFileOf = (filename) => path.join(learnDir ?? path.join(dist, 'code-cache'), `${path.relative(dist, filename)}.bin`)
  const compiled = []
  Module.prototype._compile = function compileWithCodeCache(content, filename) {
    if (!filename.startsWith(dist) || !filename.endsWith('.cjs')) return original.call(this, content, filename)
    const sourceCrc = crc32(content)
    const cachedData = record ? undefined : readCache(cacheFileOf(filename), sourceCrc)
    // Recorded under a name relative to the package, so no build path ends up in the cache.
    const name = record ? `gwe-int/${path.relative(path.dirname(dist), filename).split(path.sep).join('/')}` : filename
    const script = new vm.Script(Module.wrap(content), {filename: name, cachedData, importModuleDynamically})
    const rejected = cachedData !== undefined && script.cachedDataRejected
    // Another Node (V8) than the build's: the other files would be rejected too.
    if (rejected && !learnDir) Module.prototype._compile = original
    if (record || (learnDir && (cachedData === undefined || rejected))) compiled.push({script, filename, sourceCrc})
    return script.runInThisContext({displayErrors: true}).call(this.exports, this.exports, requireFor(this), this, filename, path.dirname(filename))
  }
  const save = () => {
    // V8 stamps cached data with the flags in force when it is written, and rejects it in a
    // run started with other flags. generate changes one while it runs (src/cli/heap.ts) and
    // puts it back when it ends; a signal can end the process before that.
    if (compiled.length > 0) require('node:v8').setFlagsFromString('--semi-space-growth-factor=2')
    for (const {script, filename, sourceCrc} of compiled)
      writeAtomically(cacheFileOf(filename), withHeader(sourceCrc, script.createCachedData()), {personal: Boolean(learnDir)})
    return compiled.length
  }
  if (learnDir) {
    process.on('exit', () => {
      try {
        save()
      } catch {
        // A cache that cannot be written only means compiling again next time.
      }
    })
  }
  return {save}
}

exports.installCodeCache = installCodeCache
exports.learningDir = learningDir

/** The `require` Node gives a CommonJS module. */
function requireFor(mod) {
  const require = (id) => mod.require(id)
  require.resolve = (request, options) => Module._resolveFilename(request, mod, false, options)
  require.resolve.paths = (request) => Module._resolveLookupPaths(request, mod)
  require.main = process.mainModule
  require.cache = Module._cache
  require.extensions = Module._extensions
  return require
}
