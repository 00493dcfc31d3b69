/**
 * Warnings grouped by cause: the per-integration warnings of real resolved integrations,
 * grouped once per cause in the catalogue's order, and the line each group prints (long
 * lists of integrations cut, always with their count).
 */
import {describe, expect, it} from 'vitest'
import {groupWarnings, integrationWarnings, nextSteps, shortList, WARNING_CAUSES, warningsFor} from '../../src/core/advice.js'
import type {AssessedFile} from '../../src/core/write/assess.js'
import {type IntegrationEntry, resolveIntegration} from '../../src/core/integration/integration.js'
import {strictError, warningCount, warningText} from '../../src/cli/plan-report.js'

const gmsChat = (name: string, extra: Partial<IntegrationEntry> = {}): IntegrationEntry => ({
  name,
  media: 'gms-chat',
  host: 'https://gms.example.com',
  out: `widgets/${name}`,
  ...extra,
})
const many = (n: number) => Array.from({length: n}, (_, k) => resolveIntegration(gmsChat(`i${k}`)))

describe('shortList', () => {
  it('names one item alone, a few with their count, and cuts a long list after the limit, with the count', () => {
    expect(shortList([], 'integrations')).toBe('')
    expect(shortList(['a'], 'integrations')).toBe('a')
    expect(shortList(['a', 'b', 'c'], 'integrations')).toBe('a, b, c (3 integrations)')
    // One more than the limit: no "…" standing for a single name.
    expect(shortList(['a', 'b', 'c', 'd'], 'files', 3)).toBe('a, b, c, d (4 files)')
    expect(shortList(['a', 'b', 'c', 'd', 'e'], 'files', 3)).toBe('a, b, c, … (5 files)')
  })
})

describe('groupWarnings', () => {
  it('every warning has a cause of the catalogue, and its criticality is the cause’s', () => {
    const all = warningsFor([
      ...many(2),
      resolveIntegration({name: 'g', media: 'gwe-chat', out: 'widgets/g', widgetUrl: 'chat.html'}),
      resolveIntegration({name: 'w', media: 'genesys-widgets', out: 'widgets/w', gweVersion: '8.1'}),
    ])
    expect(all.length).toBeGreaterThan(0)
    for (const w of all) expect(w.critical, w.message).toBe(WARNING_CAUSES[w.cause].critical)
    // Every cause is met by one of these integrations.
    expect(new Set(all.map((w) => w.cause))).toEqual(new Set(Object.keys(WARNING_CAUSES)))
  })

  it('200 integrations with the same three causes: three groups in the catalogue order, each naming the 200 once', () => {
    const warnings = warningsFor(many(200))
    expect(warnings).toHaveLength(600)
    const groups = groupWarnings(warnings)
    expect(groups.map((g) => g.cause)).toEqual(['builtin-invite-result', 'invite-url-without-host', 'placeholder-host'])
    for (const g of groups) {
      expect(g.integrations).toEqual(many(200).map((i) => i.name))
      expect(g.warnings).toHaveLength(200)
    }
    // The placeholder is the same value everywhere: named once.
    expect(groups[2].details).toEqual(['--host https://gms.example.com'])
    const lines = groups.map(warningText)
    for (const line of lines) expect(line).toContain(': i0, i1, i2, i3, i4, … (200 integrations); ')
    expect(lines[2]).toMatch(/^placeholder host \(--host https:\/\/gms\.example\.com\): i0, .*; example hosts are reserved/)
    // The fix once per line, never the per-integration text.
    for (const line of lines) expect(line.match(/--invite-source|--gwe-url|example hosts/g)).toHaveLength(1)
    expect(warningCount(groups)).toBe('600 warnings (3 causes)')
    const strict = strictError(groups)
    expect(strict.message).toBe('--strict: 600 warnings (3 causes); nothing was written')
    expect(strict.details).toEqual(lines)
  })

  it('a cause met once prints its own message; two placeholders of one integration are one group with both values', () => {
    const one = integrationWarnings(resolveIntegration(gmsChat('solo', {gweUrl: 'https://gwe.example.net'})))
    const groups = groupWarnings(one)
    expect(groups.map((g) => g.cause)).toEqual(['builtin-invite-result', 'placeholder-host'])
    expect(warningText(groups[0])).toBe(one[0].message)
    expect(groups[1].integrations).toEqual(['solo'])
    expect(groups[1].details).toEqual(['--host https://gms.example.com', '--gwe-url https://gwe.example.net'])
    expect(warningText(groups[1])).toMatch(
      /^placeholder host \(--host https:\/\/gms\.example\.com, --gwe-url https:\/\/gwe\.example\.net \(2 values\)\): solo; /,
    )
    expect(warningCount(groups)).toBe('3 warnings (2 causes)')
    expect(warningCount(groupWarnings([one[0]]))).toBe('1 warning')
  })

  it('no warnings, no groups', () => {
    expect(groupWarnings([])).toEqual([])
  })
})

describe('nextSteps', () => {
  it('one line per kind of file however many integrations, invitations apart per GWE version, long lists cut with their count', () => {
    const list = [
      ...many(5),
      resolveIntegration(gmsChat('old', {gweVersion: '8.5'})),
      resolveIntegration({name: 'v2', media: 'webapi-chat', host: 'https://gms.acme.test', out: 'widgets/v2'}),
    ]
    const file = (integration: string, artifact: string, name: string) => ({path: `/p/widgets/${integration}/${name}`, integration, artifact}) as AssessedFile
    const files = list.flatMap((i) => [
      file(i.name, 'invite', i.inviteName),
      file(i.name, i.medium.id === 'webapi-chat' ? 'webapi-widget' : 'gms-widget', i.widgetName!),
      file(i.name, 'notification-message', 'engagement-logic/notification-message.js'),
    ])
    const steps = nextSteps(list, files, '/p')
    expect(steps).toHaveLength(5)
    const [invites81, invites85, gms, v2, composer] = steps
    expect(invites81).toBe(
      "Copy widgets/i0/inviteGMS.html, widgets/i1/inviteGMS.html, widgets/i2/inviteGMS.html, … (6 files) into your GWE server's resources folder (served as /frontend/resources/).",
    )
    expect(invites85).toBe("Copy widgets/old/inviteGMS.html into your GWE server's resources folder (served as /server/resources/).")
    expect(gms).toMatch(/^Copy widgets\/i0\/indexGPE\.html, .*, … \(6 files\) next to index\.html in the GMS sample folder/)
    expect(v2).toMatch(/^Copy widgets\/v2\/chatGPE\.html where each invitation opens it/)
    expect(composer).toContain('… (7 files); try one visitor')
  })
})
