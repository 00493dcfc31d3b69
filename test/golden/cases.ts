/**
 * The golden cases: every medium × every scenario of it (from the catalogue, so a new
 * scenario gets a case by itself), plus variants for the inputs that change the output.
 * Each template family (artifact) has one base file, kept in full under test/golden/base/:
 * the file of the first medium's default answers that has it. Each medium's default case
 * is kept as its difference from those files, every other case as its difference from its
 * medium's default case: test/golden/<case name>.diff
 * (`UPDATE_GOLDEN=1 npx vitest run test/golden` rewrites them all).
 */
import {type ArtifactId, MEDIA, type MediaKind} from '../../src/catalog/media.js'
import type {IntegrationEntry} from '../../src/core/integration/integration.js'

export interface GoldenCase {
  /** The case's name: its .diff file under test/golden. */
  name: string
  entry: IntegrationEntry
}

/** Every case's integration name, so that a case's difference shows only what it changes. */
export const INTEGRATION = 'support'
export const GMS_HOST = 'https://gms.example.com:8443'
export const VENDOR_URL = 'https://chat.vendor.example/start?lang=en'

function hostFor(medium: MediaKind): string | undefined {
  if (!medium.inputs.includes('host')) return undefined
  return medium.id === 'third-party' ? VENDOR_URL : GMS_HOST
}

function entry(medium: MediaKind, extra: Partial<IntegrationEntry> = {}): IntegrationEntry {
  const host = hostFor(medium)
  return {name: INTEGRATION, media: medium.id, ...(host === undefined ? {} : {host}), gweVersion: '8.1', out: '.', ...extra}
}

const media = (id: string): MediaKind => {
  const found = MEDIA.find((m) => m.id === id)
  if (!found) throw new Error(`golden cases: no medium ${id} in the catalogue`)
  return found
}

/** Every medium with each of its scenarios (or once, for media without scenarios). */
const MATRIX: GoldenCase[] = MEDIA.flatMap((m) =>
  m.scenarios.length === 0 ? [{name: m.id, entry: entry(m)}] : m.scenarios.map((s) => ({name: `${m.id}-${s.toLowerCase()}`, entry: entry(m, {scenario: s})})),
)

const VARIANTS: GoldenCase[] = [
  // GWE 8.5 paths (/server) and an absolute invitation URL in the strategy snippet.
  {name: 'gms-chat-gwe85', entry: entry(media('gms-chat'), {scenario: 'CHAT-WAIT', gweVersion: '8.5', gweUrl: 'https://gwe.example.com:9443'})},
  {name: 'webapi-chat-gwe85', entry: entry(media('webapi-chat'), {service: 'sales', gweVersion: '8.5', gweUrl: 'https://gwe.example.com:9443'})},
  {name: 'genesys-widgets-gwe85', entry: entry(media('genesys-widgets'), {gweVersion: '8.5', gweUrl: 'https://gwe.example.com:9443'})},
  // The built-in invitation offering a callback (Callback.open) instead of a chat.
  {name: 'genesys-widgets-callback', entry: entry(media('genesys-widgets'), {inviteType: 'CALLBACK'})},
  {name: 'third-party-vendor-function', entry: entry(media('third-party'), {vendorFunction: 'Vendor.chat.open'})},
  {
    name: 'gms-callback-widget-url',
    entry: entry(media('gms-callback'), {
      scenario: 'VOICE-SCHEDULED-USERTERM',
      widgetUrl: 'https://cdn.example.com/gwe/callback.html',
      widgetName: 'callback.html',
      inviteName: 'inviteCallback.html',
    }),
  },
  // The one case where http:// is expected in the output: the team gave an http host.
  {name: 'gms-chat-http-host', entry: entry(media('gms-chat'), {scenario: 'CHAT-NOW', host: 'http://gms.internal.example:8080', service: 'samples_new'})},
  // What the visitor sees: another locale, a text override, an accent colour and a logo.
  {
    name: 'gms-callback-fr-branded',
    entry: entry(media('gms-callback'), {
      scenario: 'VOICE-NOW-USERTERM',
      locale: 'fr',
      accent: 'darkgreen',
      logoUrl: 'https://www.example.com/logo.svg',
      texts: {inviteAccept: 'Oui, rappelez-moi'},
    }),
  },
  {name: 'webapi-chat-nl', entry: entry(media('webapi-chat'), {locale: 'nl', accent: 'hsl(280 60% 40%)'})},
]

export const CASES: readonly GoldenCase[] = [...MATRIX, ...VARIANTS]

/**
 * Each medium's base case: the matrix case of its default scenario, or its only case for a
 * medium without scenarios. Keyed by medium id, which also names its folder of full files.
 */
export const BASES: ReadonlyMap<string, GoldenCase> = new Map(
  MEDIA.map((m) => {
    const base = MATRIX.find((c) => c.entry.media === m.id && (m.scenarios.length === 0 || c.entry.scenario === m.defaultScenario))
    if (!base) throw new Error(`golden cases: no base case for ${m.id}`)
    return [m.id, base] as const
  }),
)

/**
 * The base file of each template family: the artifact as the first medium that has it
 * renders it with its default answers (test/golden/base/).
 */
export const FAMILY_BASES: ReadonlyMap<ArtifactId, GoldenCase> = new Map(
  MEDIA.flatMap((m) => m.artifacts.map((a) => [a, BASES.get(m.id)!] as const)).filter(([a], i, all) => all.findIndex(([b]) => b === a) === i),
)

/** The base case a case is compared with (itself for a base case). */
export function baseOf(c: GoldenCase): GoldenCase {
  return BASES.get(c.entry.media)!
}

/** Whether the case's answers name an http:// URL (only then may http:// appear in the output). */
export function givesHttp(c: GoldenCase): boolean {
  return [c.entry.host, c.entry.gweUrl, c.entry.widgetUrl].some((u) => u !== undefined && /^http:\/\//i.test(u))
}
