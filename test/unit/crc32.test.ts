/**
 * The CRC-32 of checksums (bin/crc32.cjs, through src/shared/crc32.ts): zlib's, whichever way
 * this Node provides it, and taken from zlib's binding only where that is known to be safe and silent.
 */
import {createRequire} from 'node:module'
import zlib from 'node:zlib'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {crc32} from '../../src/shared/crc32.js'
import {runs} from '../helpers/runs.js'

const {crc32Source} = createRequire(import.meta.url)('../../bin/crc32.cjs') as {
  crc32Source: (node: string, execArgv: readonly string[], env: Record<string, string | undefined>) => 'binding' | 'zlib'
}

describe('crc32', () => {
  it("is zlib's CRC-32 of the UTF-8 bytes: the standard check value, and any text", () => {
    expect(crc32('123456789')).toBe(0xcbf43926)
    expect(crc32('')).toBe(0)
    fc.assert(
      fc.property(fc.string({unit: 'binary', maxLength: 300}), (text) => {
        expect(crc32(text)).toBe(zlib.crc32(text))
      }),
      runs(300),
    )
  })

  it('takes the binding on Node 20, 22 and 24 only, and never where process.binding would warn', () => {
    for (const node of ['20.19.0', '22.12.0', '24.0.0']) expect(crc32Source(node, [], {}), node).toBe('binding')
    for (const node of ['21.7.3', '23.11.0', '25.0.0', '26.1.0']) expect(crc32Source(node, [], {}), node).toBe('zlib')
    expect(crc32Source('24.0.0', ['--pending-deprecation'], {})).toBe('zlib')
    expect(crc32Source('24.0.0', [], {NODE_OPTIONS: '--max-old-space-size=200 --pending-deprecation'})).toBe('zlib')
    expect(crc32Source('24.0.0', [], {NODE_PENDING_DEPRECATION: '1'})).toBe('zlib')
    expect(crc32Source('24.0.0', ['--no-deprecation'], {NODE_OPTIONS: '--max-old-space-size=200'})).toBe('binding')
  })
})
