import {describe, expect, it} from 'vitest'
import {editDistance, suggestCommand} from '../../src/shared/suggest.js'

const IDS = ['autocomplete', 'generate', 'list', 'new', 'patch', 'preview', 'schema', 'templates:eject']

describe('suggestCommand ("did you mean …?")', () => {
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('nwe', 'new')).toBe(1)
    expect(editDistance('generat', 'generate')).toBe(1)
    expect(editDistance('list', 'list')).toBe(0)
    expect(editDistance('', 'abc')).toBe(3)
  })

  it('splits the command words from their arguments', () => {
    expect(suggestCommand('nwe:gms-chat', IDS)).toEqual({typed: 'nwe', id: 'new', rest: ['gms-chat']})
    expect(suggestCommand('genrate', IDS)).toEqual({typed: 'genrate', id: 'generate', rest: []})
    expect(suggestCommand('templtes:eject', IDS)).toEqual({typed: 'templtes:eject', id: 'templates:eject', rest: []})
    expect(suggestCommand('pacth:invite.html', IDS)).toEqual({typed: 'pacth', id: 'patch', rest: ['invite.html']})
  })

  it('suggests nothing when nothing is close', () => {
    expect(suggestCommand('frobnicate', IDS).id).toBeUndefined()
    expect(suggestCommand('xyz:abc', IDS).id).toBeUndefined()
  })
})
