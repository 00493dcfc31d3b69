/**
 * Compiled code for the bundle in dist/, so that a start does not spend most of its
 * time in V8 parsing and compiling it.
 *
 * Node >= 22 has a compile cache of its own (module.enableCompileCache, turned on
 * by bin/run.cjs): the first run stores V8's code for every file it loads, keyed by
 * file content and V8 version, under the OS temp folder (or NODE_COMPILE_CACHE);
 * later runs reuse it. This file is for Node 20 only.
 *
 * Node 20 has none, so there bin/run.cjs routes the bundle's CommonJS files through
 * vm.Script with the cached data that `npm run build` recorded (scripts/code-cache.mjs)
 * in dist/code-cache/ when it ran on Node 20.
 *
 * Safe by construction: a cache file is used only when it was recorded for exactly
 * this file content (CRC-32 header), and V8 itself rejects data from another V8
 * version or flag set; on the first rejection the hook uninstalls itself and
 * everything compiles as usual. GWE_INT_CODE_CACHE=0 turns it off (e.g. to debug:
 * V8 keeps the file name a cache was recorded under, so stack traces of cached code
 * name files as gwe-int/dist/..., not their installed path). Nothing is ever written
 * at run time by this path.
 */
'use strict'
// CommonJS, like the bundle: loading it costs no ES module machinery at start-up.
const fs = require('node:fs')
const Module = require('node:module')
const path = require('node:path')
const vm = require('node:vm')
// zlib.crc32 (Node >= 20.15) is native and cheap to load; node:crypto costs ~6 ms at start-up.
const {crc32} = require('node:zlib')

const DIGEST = 4 // bytes of the CRC-32 header

/** Where the cached data of a bundle file lives. */
const cacheFileOf = (dist, filename) => path.join(dist, 'code-cache', `${path.relative(dist, filename)}.bin`)

/**
 * Compiles dist/**.cjs through the code cache. With `record`, reads no cache and
 * returns a `save()` that writes the cache of every file compiled so far, including
 * the functions compiled lazily while the process ran (the build's training run).
 */
function installCodeCache({distDir = path.join(__dirname, '..', 'dist'), record = false} = {}) {
  // Dynamic import() inside vm-compiled code needs Node's default loader (Node >= 20.12).
  const importModuleDynamically = vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER
  if (importModuleDynamically === undefined || typeof crc32 !== 'function' || process.env.GWE_INT_CODE_CACHE === '0') return undefined
  const dist = path.resolve(distDir) + path.sep
  // import() in code compiled from cached data has no loader on Node 20, so the bundle
  // calls this instead (scripts/bundle.mjs); compiled normally here, it has one.
  globalThis.__gweIntImport = (specifier) => import(specifier)
  const original = Module.prototype._compile
  const compiled = []
  Module.prototype._compile = function compileWithCodeCache(content, filename) {
    if (!filename.startsWith(dist) || !filename.endsWith('.cjs')) return original.call(this, content, filename)
    const digest = Buffer.alloc(DIGEST)
    digest.writeUInt32LE(crc32(content))
    let cachedData
    if (!record) {
      try {
        const data = fs.readFileSync(cacheFileOf(dist, filename))
        if (data.subarray(0, DIGEST).equals(digest)) cachedData = data.subarray(DIGEST)
      } catch {
        // no cache for this file: compile as usual
      }
    }
    // Recorded under a name relative to the package, so no build path ends up in the cache.
    const name = record ? `gwe-int/${path.relative(path.dirname(dist), filename).split(path.sep).join('/')}` : filename
    const script = new vm.Script(Module.wrap(content), {filename: name, cachedData, importModuleDynamically})
    // Another Node (V8) than the build's: the other files would be rejected too.
    if (cachedData && script.cachedDataRejected) Module.prototype._compile = original
    if (record) compiled.push({script, filename, digest})
    return script.runInThisContext({displayErrors: true}).call(this.exports, this.exports, requireFor(this), this, filename, path.dirname(filename))
  }
  return {
    save() {
      for (const {script, filename, digest} of compiled) {
        const file = cacheFileOf(dist, filename)
        fs.mkdirSync(path.dirname(file), {recursive: true})
        fs.writeFileSync(file, Buffer.concat([digest, script.createCachedData()]))
      }
      return compiled.length
    },
  }
}

exports.installCodeCache = installCodeCache

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
