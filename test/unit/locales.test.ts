import {describe, expect, it} from 'vitest'
import {buildContext} from '../../src/core/integration/template-context.js'
import {formatIssues, integrationSchema, resolveIntegration} from '../../src/core/integration/integration.js'
import {closestCode} from '../../src/core/integration/visitor-text.js'
import en from '../../src/locales/en.js'
import {LOCALES, messagesFor} from '../../src/locales/index.js'
import {loadTemplates} from '../../src/render/templates.js'

const errorsOf = (entry: object): string[] => {
  const result = integrationSchema.safeParse(entry)
  return result.success ? [] : formatIssues(result.error)
}

describe('locales', () => {
  it('ships en, fr, de, es and nl', () => {
    expect(Object.keys(LOCALES)).toEqual(['en', 'fr', 'de', 'es', 'nl'])
  })

  it.each(Object.keys(LOCALES))('%s has exactly the keys of en, each a non-empty string', (code) => {
    const messages = LOCALES[code].messages
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort())
    for (const [key, value] of Object.entries(messages)) expect(value.trim(), key).not.toBe('')
  })

  it.each(Object.keys(LOCALES).filter((c) => c !== 'en'))('%s is translated: most strings differ from English, none holds markup', (code) => {
    const messages = LOCALES[code].messages as Record<string, string>
    const same = Object.keys(en).filter((k) => messages[k] === (en as Record<string, string>)[k])
    // Short strings can coincide across languages ("Chat", "OK"); whole sentences cannot.
    expect(
      same.filter((k) => messages[k].split(' ').length > 2),
      `${code}: strings left in English`,
    ).toEqual([])
    expect(same.length).toBeLessThan(Object.keys(en).length / 5)
    for (const [key, value] of Object.entries(messages)) expect(value, key).not.toMatch(/<[a-z/!]/i)
  })

  it('texts override single strings and keep the rest', () => {
    const t = messagesFor('en', {widgetTitle: 'Talk to us'})
    expect(t.widgetTitle).toBe('Talk to us')
    expect(t.errorGeneric).toBe(en.errorGeneric)
  })

  it('threads locale and texts from the config entry into the template context', () => {
    const context = buildContext(resolveIntegration(integrationSchema.parse({name: 'x', media: 'gms-callback', locale: 'de', texts: {inviteAccept: 'Gern!'}})))
    expect(context.locale).toEqual({code: 'de', dir: 'ltr'})
    expect(context.t.inviteAccept).toBe('Gern!')
    expect(context.t.inviteDecline).toBe(LOCALES.de.messages.inviteDecline)
  })
})

describe('locale, texts, accent and logo in the config', () => {
  it.each([
    [
      {locale: 'fre'},
      'locale: unknown locale "fre" (did you mean fr?); gwe-int ships en (English), fr (français), de (Deutsch), es (español), nl (Nederlands)',
    ],
    [{locale: 'de-AT'}, 'locale: unknown locale "de-AT" (did you mean de?)'],
    [{locale: 'pt'}, 'locale: unknown locale "pt"; gwe-int ships en'],
    [{texts: {inviteAcept: 'OK'}}, `texts: unknown text key "inviteAcept" (did you mean inviteAccept?); valid keys: ${Object.keys(en).join(', ')}`],
    [{texts: {inviteAccept: '<b>Yes</b>'}}, 'texts.inviteAccept: must be plain text, not HTML'],
    [{texts: {inviteAccept: 'Tom &amp; Jerry'}}, 'texts.inviteAccept: must be plain text, not HTML'],
    [{texts: {inviteAccept: 'x'.repeat(301)}}, 'texts.inviteAccept: is 301 characters; at most 300'],
    [{texts: {inviteAccept: '  '}}, 'texts.inviteAccept: must not be empty'],
    [{texts: {inviteAccept: 'a\nb'}}, 'texts.inviteAccept: must be one line of text'],
    [{accent: 'red; background: url(x)'}, 'accent: "red; background: url(x)" is not a CSS colour'],
    [{accent: 'var(--brand)'}, 'accent: "var(--brand)" is not a CSS colour'],
    [{logoUrl: 'javascript:alert(1)'}, 'logoUrl: must use http or https, not javascript'],
    [{logoUrl: 'logo.png'}, 'logoUrl: must be an http(s) URL such as https://www.example.com/logo.svg'],
    [{logoUrl: `https://www.example.com/${'a'.repeat(2048)}`}, 'logoUrl: is 2072 characters; at most 2048'],
  ])('%j: %s', (extra, message) => {
    const errors = errorsOf({name: 'x', media: 'gms-chat', ...extra})
    expect(errors.length).toBe(1)
    expect(errors[0]).toContain(message)
  })

  it('accepts plain text with quotes, ampersands and angle brackets that are not markup', () => {
    expect(
      errorsOf({
        name: 'x',
        media: 'gms-chat',
        locale: 'es',
        accent: '#0B5CAD',
        logoUrl: 'https://cdn.example.com/logo.svg?v=2',
        texts: {inviteAccept: 'Sí & "ya" < 5 min'},
      }),
    ).toEqual([])
  })

  it('renders texts as text: what looks like markup in a message stays text', () => {
    const context = buildContext(resolveIntegration(integrationSchema.parse({name: 'x', media: 'gms-chat', texts: {inviteAccept: 'Yes > no & "quick" < 5'}})))
    const html = loadTemplates().render('invite/invite.html', context)
    expect(html).toContain('id="gwe-int-invite-accept">Yes &gt; no &amp; "quick" &lt; 5</button>')
  })

  it('suggests the closest of a list', () => {
    expect(closestCode('NL', ['en', 'nl'])).toBe('nl')
    expect(closestCode('widgetTitel', ['widgetTitle', 'errorGeneric'])).toBe('widgetTitle')
    expect(closestCode('zz', ['en', 'nl'])).toBeUndefined()
  })
})
