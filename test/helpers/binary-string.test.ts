/**
 * test/helpers/binary-string.ts stands in for fast-check's own 'binary' unit: it must
 * give the same strings for the same seed, and accept and refuse the same values when
 * shrinking a value given from outside (fast-check's dangerous strings among them).
 * A check of a test helper against the library it copies, not of gwe-int: only a change
 * to that helper or to fast-check can alter its outcome, so it runs with the full suite
 * (`npm test`), not in the edit loop (`npm run test:fast` selects test/unit and test/golden).
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {binaryString} from './binary-string.js'

describe('binaryString', () => {
  it('generates what fc.string({unit: "binary"}) generates, from the same random start', () => {
    for (const maxLength of [12, 30, 60]) {
      for (const seed of [1, 42, 20261204]) {
        const theirs = fc.sample(fc.string({unit: 'binary', maxLength}), {seed, numRuns: 300})
        expect(fc.sample(binaryString({maxLength}), {seed, numRuns: 300})).toEqual(theirs)
      }
    }
  })

  it('can shrink the same values without context', () => {
    const theirs = fc.string({unit: 'binary', maxLength: 30})
    const mine = binaryString({maxLength: 30})
    const values = [
      '',
      'a',
      '__proto__',
      'constructor',
      '\u{10FFFF}',
      '\u{FFFF}\u{E000}',
      '\uD800',
      'a\uDFFFb',
      '\uD83D\uDE00',
      'x'.repeat(31),
      ...fc.sample(fc.string({unit: 'grapheme', maxLength: 8}), {seed: 7, numRuns: 200}),
    ]
    for (const value of values) expect(mine.canShrinkWithoutContext(value), JSON.stringify(value)).toBe(theirs.canShrinkWithoutContext(value))
    expect(mine.canShrinkWithoutContext(42)).toBe(false)
    // And shrink them the same way.
    const firstShrinks = (arb: fc.Arbitrary<string>, value: string) => [...arb.shrink(value, undefined).take(30)].map((v) => v.value)
    for (const value of ['__proto__', 'h\u00e9llo \u{1F600}', '\u{10FFFF}z']) expect(firstShrinks(mine, value)).toEqual(firstShrinks(theirs, value))
  })
})
