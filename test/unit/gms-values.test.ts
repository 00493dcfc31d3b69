/**
 * The GMS widget's readers (templates/gms-widget/partials/gms-values.js.hbs), run as the
 * page runs them: the partial's own text, evaluated. The values are the shapes the public
 * pages and the Genesys samples show (docs/genesys.md), plus what a browser must refuse.
 */
import fs from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'

const SOURCE = fs.readFileSync(fileURLToPath(new URL('../../templates/gms-widget/partials/gms-values.js.hbs', import.meta.url)), 'utf8')

interface Values {
  gmsUrl(url: unknown, base: string): string | null
  dialledNumber(text: string): string
  telTarget(value: unknown): {href: string; number: string; extension: string} | null
  expiresAt(value: unknown, now: number): number
  queuePosition(value: unknown): number | null
  etaMinutes(value: unknown): number
  splitName(name: string): {first: string; last: string}
  freshTranscript(list: unknown[] | undefined, position: unknown, after: unknown): unknown[]
  gmsError(data: unknown): string
}

const v = new Function(
  `${SOURCE}\nreturn {gmsUrl, dialledNumber, telTarget, expiresAt, queuePosition, etaMinutes, splitName, freshTranscript, gmsError};`,
)() as Values

describe('the partial is plain JavaScript', () => {
  it('has no template expressions, so the page and this test run the same text', () => {
    expect(SOURCE).not.toContain('{{')
  })
})

describe('gmsUrl: URLs in GMS answers are followed on the generated host', () => {
  const BASE = 'https://gms.example.com:8443'
  it('keeps the path and query of an absolute URL with an internal origin (load balancer)', () => {
    expect(v.gmsUrl('http://gms-node-2:8080/genesys/1/service/abc/ixn/chat?x=1', BASE)).toBe(`${BASE}/genesys/1/service/abc/ixn/chat?x=1`)
  })
  it('resolves a path (the documented request-chat shape)', () => {
    expect(v.gmsUrl('/genesys/1/service/abc/ixn/chat', BASE)).toBe(`${BASE}/genesys/1/service/abc/ixn/chat`)
  })
  it('keeps a base with a path prefix, and an absolute URL on that base', () => {
    const base = 'http://127.0.0.1:4000/i/x/gms'
    expect(v.gmsUrl(`${base}/genesys/1/service/abc/menu/dial`, base)).toBe(`${base}/genesys/1/service/abc/menu/dial`)
    expect(v.gmsUrl('https://lb.internal/genesys/1/service/abc', `${base}/`)).toBe(`${base}/genesys/1/service/abc`)
  })
  it('refuses other schemes, paths outside /genesys/, and dot segments leaving it', () => {
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,x',
      'http://gms-node-2:8080/admin/x',
      '/genesys/../admin',
      '/genesys',
      'ftp://x/genesys/1',
      '',
      null,
      undefined,
    ])
      expect(v.gmsUrl(bad, BASE), String(bad)).toBeNull()
  })
  it('never changes the host, even for a protocol-relative URL', () => {
    expect(v.gmsUrl('//evil.example/genesys/1/service/x', BASE)).toBe(`${BASE}/genesys/1/service/x`)
  })
})

describe('dialledNumber: + and digits', () => {
  it('drops spaces, brackets, dots and dashes', () => {
    expect(v.dialledNumber('+44 (20) 7946-0000')).toBe('+442079460000')
    expect(v.dialledNumber(' 020.7946.0000 ')).toBe('02079460000')
  })
  it('refuses letters, a + inside, and too few or too many digits', () => {
    for (const bad of ['+44 20 CALL ME', '44+20794600', '12', '+1 234', '1'.repeat(21), '']) expect(v.dialledNumber(bad), bad).toBe('')
  })
})

describe('telTarget: _tel_url as a tel: link', () => {
  it('reads the sample shape and visual separators', () => {
    expect(v.telTarget('tel:+15555550100')).toEqual({href: 'tel:+15555550100', number: '+15555550100', extension: ''})
    expect(v.telTarget('tel:+1-555-555-0100')).toEqual({href: 'tel:+15555550100', number: '+1-555-555-0100', extension: ''})
  })
  it('accepts pauses (, and ;) and an extension (;ext=)', () => {
    expect(v.telTarget('tel:+15555550100,,123#')).toEqual({href: 'tel:+15555550100,,123#', number: '+15555550100', extension: ''})
    expect(v.telTarget('tel:+15555550100;123')).toEqual({href: 'tel:+15555550100;123', number: '+15555550100', extension: ''})
    expect(v.telTarget('tel:+15555550100;ext=42')).toEqual({href: 'tel:+15555550100;ext=42', number: '+15555550100', extension: '42'})
  })
  it('refuses anything else', () => {
    for (const bad of ['javascript:alert(1)', 'tel:+1555"><b>', 'tel:', 'sms:+15555550100', 'tel:+1555;ext=1<x>', undefined])
      expect(v.telTarget(bad), String(bad)).toBeNull()
  })
})

describe('expiresAt: _expiration_time in every shape read', () => {
  const NOW = Date.parse('2026-01-01T10:00:00.000Z')
  it('an ISO-8601 time (the stand-in and the request-access page)', () => {
    expect(v.expiresAt('2026-01-01T10:05:00.000Z', NOW)).toBe(Date.parse('2026-01-01T10:05:00.000Z'))
  })
  it('epoch milliseconds and epoch seconds', () => {
    expect(v.expiresAt(1767261900000, NOW)).toBe(1767261900000)
    expect(v.expiresAt('1767261900', NOW)).toBe(1767261900000)
  })
  it('a number of seconds, as the _ttl option (default 30), and an ISO-8601 duration', () => {
    expect(v.expiresAt(30, NOW)).toBe(NOW + 30_000)
    expect(v.expiresAt('PT5M', NOW)).toBe(NOW + 300_000)
  })
  it('unknown shapes are "not known"', () => {
    for (const bad of [undefined, null, '', 'soon', true, 'PT']) expect(v.expiresAt(bad, NOW), String(bad)).toBe(0)
  })
})

describe('queue position and wait', () => {
  it('position: null, missing or not a number is unknown, never 0', () => {
    expect([0, 1, '2', null, undefined, '', 'n/a', -1, 1.5].map(v.queuePosition)).toEqual([0, 1, 2, null, null, null, null, null, null])
  })
  it('_eta read as seconds, in whole minutes; unknown is 0', () => {
    expect([120, '60', 30, 0, null, 'x'].map(v.etaMinutes)).toEqual([2, 1, 1, 0, 0, 0])
  })
})

describe('splitName: firstName and lastName as the sample sends them', () => {
  it('splits on the last word', () => {
    expect(v.splitName(' Ada  Lovelace ')).toEqual({first: 'Ada', last: 'Lovelace'})
    expect(v.splitName('Ada King Lovelace')).toEqual({first: 'Ada King', last: 'Lovelace'})
    expect(v.splitName('Ada')).toEqual({first: 'Ada', last: ''})
  })
})

describe('freshTranscript: a v1 refresh that repeats lines shows them once', () => {
  const e = (n: number) => ['Message.Text', 'Agent', `line ${n}`, '2', 'AGENT']
  it('drops entries at or before the position the request sent', () => {
    expect(v.freshTranscript([e(3), e(4)], '4', '3')).toEqual([e(4)])
    expect(v.freshTranscript([e(4)], 4, 3)).toEqual([e(4)])
    expect(v.freshTranscript([e(3)], '3', '3')).toEqual([])
  })
  it('keeps everything without a position to compare (the first answer, or none given)', () => {
    expect(v.freshTranscript([e(1), e(2)], '2', undefined)).toEqual([e(1), e(2)])
    expect(v.freshTranscript([e(1)], undefined, '0')).toEqual([e(1)])
    expect(v.freshTranscript(undefined, '2', '1')).toEqual([])
  })
})

describe('gmsError: error answers', () => {
  it('CallbackExceptionAvailability (as the sample reports a closed office) is "closed"', () => {
    expect(v.gmsError({message: 'Office closed at desired time', exception: 'com.genesyslab.gms.services.callback.CallbackExceptionAvailability'})).toBe(
      'closed',
    )
    expect(v.gmsError({error: 'x'})).toBe('error')
    expect(v.gmsError({exception: 'com.genesyslab.gms.services.callback.CallbackExceptionResource'})).toBe('error')
    expect(v.gmsError({_id: '1', _action: 'DialNumber'})).toBe('')
  })
})
