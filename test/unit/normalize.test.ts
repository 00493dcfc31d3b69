/**
 * normalize(): the rendered text every generated file is made of, with LF endings, no
 * trailing blanks and exactly one final newline, whichever path it takes (the text as it
 * is, or rebuilt).
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {normalize} from '../../src/core/write/plan.js'
import {runs} from '../helpers/runs.js'

/** The definition, written the plain way. */
const reference = (text: string) => `${text.replace(/\r\n?/g, '\n').trimEnd()}\n`

describe('normalize', () => {
  it.each([
    ['a\n', 'a\n'],
    ['a', 'a\n'],
    ['a \n', 'a\n'],
    ['a\n\n\n', 'a\n'],
    ['a\r\nb\r\n', 'a\nb\n'],
    ['a\rb\r', 'a\nb\n'],
    ['\n', '\n'],
    ['', '\n'],
    ['a\t\u00a0\n', 'a\n'],
    ['a\u2028\n', 'a\n'],
  ])('%j becomes %j', (text, expected) => {
    expect(normalize(text)).toBe(expected)
  })

  it('agrees with the plain definition on any text', () => {
    const chars = fc.constantFrom('a', 'b', ' ', '\t', '\n', '\r', '\u00a0', '\u2028', '\ufeff', 'é')
    fc.assert(
      fc.property(fc.array(chars, {maxLength: 12}), (parts) => {
        const text = parts.join('')
        expect(normalize(text)).toBe(reference(text))
      }),
      runs(500),
    )
  })
})
