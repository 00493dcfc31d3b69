import {describe, expect, it} from 'vitest'
import en from '../../src/locales/en.js'
import {LOCALES, messagesFor} from '../../src/locales/index.js'

describe('locales', () => {
  it.each(Object.keys(LOCALES))('%s has exactly the keys of en, each a non-empty string', (code) => {
    const messages = LOCALES[code].messages
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort())
    for (const [key, value] of Object.entries(messages)) expect(value.trim(), key).not.toBe('')
  })

  it('texts override single strings and keep the rest', () => {
    const t = messagesFor('en', {widgetTitle: 'Talk to us'})
    expect(t.widgetTitle).toBe('Talk to us')
    expect(t.errorGeneric).toBe(en.errorGeneric)
  })
})
