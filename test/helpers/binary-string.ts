/**
 * fast-check's `fc.string({unit: 'binary'})` (any code point but lone surrogates), at a
 * fraction of its set-up cost. Building that arbitrary the first time in a process maps
 * each of its 1.1 million characters back to its index (to see which of a few dangerous
 * strings, such as `__proto__`, it can produce): about a second of CPU in each test
 * worker. This unit is the same generator, `nat` over the same indexes mapped to the
 * same characters, with the inverse computed instead of looked up: the same strings
 * for the same seed, the same shrinking (test/helpers/binary-string.test.ts compares them).
 */
import fc from 'fast-check'

/** Code points below the surrogates keep their index; those above follow them. */
const SURROGATES_START = 0xd800
const SURROGATES = 0x800
const LAST_INDEX = 0x10ffff - SURROGATES

const binaryUnit = fc.nat({max: LAST_INDEX}).map(
  (index) => String.fromCodePoint(index < SURROGATES_START ? index : index + SURROGATES),
  (value) => {
    if (typeof value !== 'string' || value.length === 0 || value.length > 2) throw new Error('not one code point')
    const code = value.codePointAt(0)!
    if (String.fromCodePoint(code) !== value || (code >= SURROGATES_START && code < SURROGATES_START + SURROGATES)) throw new Error('not one code point')
    return code < SURROGATES_START ? code : code - SURROGATES
  },
)

/** As `fc.string({unit: 'binary', ...constraints})`. */
export function binaryString(constraints: Omit<fc.StringConstraints, 'unit'> = {}): fc.Arbitrary<string> {
  return fc.string({...constraints, unit: binaryUnit})
}
