/**
 * zlib's CRC-32, for the code cache (code-cache.cjs) and the checksums of generated files
 * (src/shared/crc32.ts, which takes it from here), without loading node:zlib where that can
 * be avoided: node:zlib loads Node's whole stream library with it, ~4 ms of a run on Node 24
 * that otherwise needs none of it. node:zlib's crc32 is a thin check around a native function
 * of zlib's binding; on the Node lines gwe-int is tested on (20, 22, 24) that function is
 * taken from the binding directly, which loads nothing. Anywhere else (another Node, the
 * permission model, --pending-deprecation, under which process.binding prints a deprecation
 * warning) it is node:zlib's own.
 */
'use strict'

/** Where the native function comes from, for a Node version, its flags and environment. */
function crc32Source(node, execArgv, env) {
  const major = Number(node.split('.')[0])
  if (major !== 20 && major !== 22 && major !== 24) return 'zlib'
  const pending = [...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/)].includes('--pending-deprecation') || env.NODE_PENDING_DEPRECATION === '1'
  return pending ? 'zlib' : 'binding'
}

function load() {
  if (crc32Source(process.versions.node, process.execArgv, process.env) === 'binding') {
    try {
      const native = process.binding('zlib').crc32
      // On these lines the binding takes the initial value as a required second argument.
      if (typeof native === 'function') return (data) => native(data, 0)
    } catch {
      // the permission model refuses process.binding
    }
  }
  return require('node:zlib').crc32
}

let implementation

/** CRC-32 of a string's UTF-8 bytes, or of bytes. */
function crc32(data) {
  implementation ??= load()
  return implementation(data)
}

module.exports = {crc32, crc32Source}
