/**
 * CRC-32 (zlib's) of a string's UTF-8 bytes, without loading node:zlib where that can be
 * avoided: node:zlib loads Node's whole stream library with it, ~4 ms of a `new` on Node 24
 * that otherwise needs none of it. node:zlib's crc32 is a thin check around a native
 * function of zlib's binding; on the Node lines gwe-int is tested on (20, 22, 24) that
 * function is taken from the binding directly, which loads nothing. Anywhere else
 * (another Node, the permission model, --pending-deprecation, which would print a
 * deprecation warning for process.binding) it is node:zlib's. bin/code-cache.cjs, which runs
 * before the bundle, makes the same choice.
 */

type Crc32 = (data: string) => number

/** Where the native function comes from, for this process's Node, flags and environment. */
export function crc32Source(node: string, execArgv: readonly string[], env: NodeJS.ProcessEnv): 'binding' | 'zlib' {
  const major = Number(node.split('.')[0])
  if (major !== 20 && major !== 22 && major !== 24) return 'zlib'
  const pending = [...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/)].includes('--pending-deprecation') || env.NODE_PENDING_DEPRECATION === '1'
  return pending ? 'zlib' : 'binding'
}

/** zlib's binding takes the initial value as a required second argument on these lines. */
function fromBinding(): Crc32 | undefined {
  try {
    const native = (process as unknown as {binding(name: string): {crc32?: (data: string, value: number) => number}}).binding('zlib').crc32
    return typeof native === 'function' ? (data) => native(data, 0) : undefined
  } catch {
    return undefined // the permission model refuses process.binding
  }
}

let implementation: Crc32 | undefined

export function crc32(data: string): number {
  implementation ??=
    (crc32Source(process.versions.node, process.execArgv, process.env) === 'binding' && fromBinding()) || process.getBuiltinModule('node:zlib').crc32
  return implementation(data)
}
