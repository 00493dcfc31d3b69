/**
 * One integration: the answers for one medium (a config entry or the flags of
 * `new`), its schema derived from the catalogue, and its resolution to a fully
 * defaulted, normalized form that rendering consumes.
 */
import * as z from 'zod/mini'
import {findMedium, MEDIA_IDS, type InviteType, type MediaKind} from '../../catalog/media.js'
import {findScenario, SCENARIOS, type Scenario} from '../../catalog/scenarios.js'
import {DEFAULT_GWE_VERSION, GMS_SAMPLE_PATH, GWE_PREFIX, GWE_VERSIONS, type GweVersion} from '../../catalog/inputs.js'
import {normalizeHost} from './host.js'
import {closest} from '../../shared/suggest.js'
import * as v from './validate.js'
import * as vt from './visitor-text.js'
import en from '../../locales/en.js'
import {DEFAULT_LOCALE, LOCALE_CODES, MESSAGE_KEYS, type Messages} from '../../locales/index.js'

// zod's functional build (zod/mini): the same validation and messages as its method-chaining
// one, at about half the cost of building the schemas at every start. English messages, as
// the full build sets them. zod also compiles a fast path for each object schema on its first
// parse; a run validates one entry (new) or a few hundred (generate), too few for that to pay off.
z.config(z.locales.en())
z.config({jitless: true})

type RefinementCtx = z.core.$RefinementCtx<unknown>

const check = (fn: (s: string) => string | undefined) =>
  z.superRefine((s: string, ctx: RefinementCtx) => {
    const error = fn(s)
    if (error) ctx.addIssue({code: 'custom', message: error})
  })
const described = <T extends z.ZodMiniType>(schema: T, description: string): T => schema.check(z.describe(description))
const optional = <T extends z.ZodMiniType>(schema: T, description: string) => described(z.optional(schema), description)

/** A base URL, parsed to its normal form (https:// added, trailing slashes dropped). */
const baseUrl = z.pipe(
  z.string(),
  z.transform((s: string, ctx) => {
    const {value, error} = v.normalizeBaseUrl(s)
    // continue: the entry's other checks (the host's) still run, so every problem is listed at once.
    if (error) ctx.issues.push({code: 'custom', message: error, input: s, continue: true})
    return value ?? s
  }),
)
const fullUrl = z.string().check(check((s) => v.normalizeFullUrl(s).error))
const relPath = z.string().check(z.minLength(1), check(v.checkRelPath))

const visitorText = z.string().check(check(vt.checkText))
const MESSAGE_KEY_SET: ReadonlySet<string> = new Set(MESSAGE_KEYS)

/**
 * `texts`, validated key by key. Not an object schema of one optional key per message:
 * building those ~90 schemas is a noticeable part of every start, and only the JSON
 * Schema needs them (textsJsonSchema).
 */
export const textsSchema = z.record(z.string(), z.unknown()).check(
  z.superRefine((texts, ctx) => {
    const unknown = Object.keys(texts).filter((key) => !MESSAGE_KEY_SET.has(key))
    // The issue a strict object reports, so that its message (formatIssues) and line (config files) are the same.
    if (unknown.length > 0) ctx.addIssue({code: 'unrecognized_keys', keys: unknown, input: texts, message: vt.unknownTextKeys(unknown)})
    for (const key of Object.keys(texts)) {
      if (!MESSAGE_KEY_SET.has(key)) continue
      const result = z.safeParse(visitorText, texts[key])
      for (const issue of result.error?.issues ?? []) ctx.addIssue({code: 'custom', path: [key, ...issue.path], message: issue.message})
    }
  }),
)

/** What editors see of `texts` in the JSON Schema: every key, with its English default. */
export function textsJsonSchema(): z.ZodMiniType {
  return z.strictObject(Object.fromEntries(MESSAGE_KEYS.map((key) => [key, optional(visitorText, `default (en): ${en[key]}`)])))
}

/** Config entry / answers, as written by people (JSON, YAML or flags). */
export const integrationSchema = z
  .strictObject({
    name: described(z.string().check(check(v.checkIntegrationName)), 'Integration name, unique in the config'),
    media: described(z.enum(MEDIA_IDS as [string, ...string[]]), 'Media kind (gwe-int list)'),
    // A plain string checked against the medium below (the enum is for editors), so a wrong
    // scenario is one problem listing only that medium's scenarios.
    scenario: optional(z.string().check(z.meta({enum: SCENARIOS.map((s) => s.id)})), 'GMS scenario (gms-chat, gms-callback)'),
    host: optional(z.string().check(check(v.unsafeCharIn)), 'GMS base URL (https://host[:port]), or the vendor URL for third-party'),
    service: optional(z.string().check(check(v.checkService)), 'GMS service name'),
    inviteName: optional(z.string().check(check((s) => v.checkFileName(s))), 'File name of the invitation copy'),
    widgetName: optional(z.string().check(check((s) => v.checkFileName(s))), 'File name of the media widget copy'),
    widgetUrl: optional(fullUrl, 'URL the invitation opens the widget at'),
    vendorFunction: optional(z.string().check(check(v.checkVendorFunction)), 'third-party: global function to call instead of opening host'),
    inviteType: optional(z.enum(['CHAT', 'CALLBACK']), 'genesys-widgets: what the built-in invitation offers, CHAT (WebChat) or CALLBACK (Callback)'),
    gweVersion: optional(z.enum(GWE_VERSIONS as [GweVersion, ...GweVersion[]]), 'GWE version: 8.1 (/frontend) or 8.5 (/server)'),
    gweUrl: optional(baseUrl, 'GWE server base URL; makes the invite URL in the strategy snippet absolute'),
    out: optional(relPath, 'Output folder, relative to the config file'),
    templates: optional(relPath, 'Folder of template overrides, relative to the config file'),
    inviteSource: optional(relPath, "The team's own invite.html to patch instead of the built-in invitation"),
    widgetSource: optional(relPath, "The team's own GMS index.html to patch instead of the built-in widget"),
    locale: optional(
      z.enum(LOCALE_CODES, {error: (issue) => vt.localeError(issue.input)}),
      `Language of the visitor-facing text: ${LOCALE_CODES.join(', ')} (default ${DEFAULT_LOCALE})`,
    ),
    texts: optional(textsSchema, "Visitor-facing strings replacing the locale's, by key (plain text, at most 300 characters each)"),
    accent: optional(
      z.string().check(check(vt.checkAccent)),
      'Accent colour of buttons, links and focus rings: any CSS colour (#rrggbb, rgb(), hsl(), a name)',
    ),
    logoUrl: optional(z.string().check(check(vt.checkLogoUrl)), 'http(s) URL of a logo shown on the invitation and the widget'),
  })
  .check(
    z.superRefine((entry, ctx) => {
      const medium = findMedium(entry.media)
      if (!medium) return
      const notApplying = new Set<string>()
      for (const key of ['scenario', 'host', 'service', 'widgetName', 'widgetUrl', 'vendorFunction', 'inviteType', 'widgetSource'] as const) {
        const applies = key === 'widgetSource' ? medium.artifacts.includes('gms-widget') : medium.inputs.includes(key)
        if (entry[key] !== undefined && !applies) {
          notApplying.add(key)
          ctx.addIssue({code: 'custom', path: [key], message: `does not apply to ${medium.id}`})
        }
      }
      if (entry.scenario !== undefined && !notApplying.has('scenario') && !medium.scenarios.includes(entry.scenario)) {
        ctx.addIssue({code: 'custom', path: ['scenario'], message: scenarioMismatch(entry.scenario, medium)})
      }
      // The host's form depends on the medium, so it is normalised here, on the parsed copy
      // (zod's output object, not the caller's): a parsed entry carries the host the templates use.
      if (entry.host !== undefined && !notApplying.has('host')) {
        const {value, error} = normalizeHost(entry.host, medium)
        if (error) ctx.addIssue({code: 'custom', path: ['host'], message: error})
        else entry.host = value
      }
    }),
  )

export type IntegrationEntry = z.infer<typeof integrationSchema>

export function scenarioMismatch(id: string, medium: MediaKind): string {
  const sameLetters = medium.scenarios.find((s) => s.toLowerCase() === id.toLowerCase())
  if (sameLetters) return `${id} is spelled ${sameLetters}; ${medium.id} accepts ${medium.scenarios.join(', ')}`
  const scenario = findScenario(id)
  const kind = scenario ? `is a ${scenario.channel === 'voice' ? 'callback' : 'chat'} scenario; ` : 'is not a known scenario; '
  return `${id} ${kind}${medium.id} accepts ${medium.scenarios.join(', ') || 'no scenario'}`
}

/** The medium's own spelling of a scenario typed in another case (`chat-now` -> `CHAT-NOW`). */
export function canonicalScenario(id: string, medium: MediaKind): string | undefined {
  return medium.scenarios.find((s) => s.toLowerCase() === id.trim().toLowerCase())
}

/** An integration with every default filled in and every value normalized. */
export interface ResolvedIntegration {
  name: string
  medium: MediaKind
  scenario?: Scenario
  /** GMS base URL without trailing slash, or the vendor URL. */
  host?: string
  service?: string
  inviteName: string
  widgetName?: string
  widgetUrl?: string
  vendorFunction?: string
  /** The offer of the built-in invitation (`_config.type`): the medium's first branch unless chosen. */
  inviteType: InviteType
  gweVersion: GweVersion
  gwePrefix: string
  gweUrl?: string
  /** URL the strategy snippet points the notification at. */
  inviteUrl: string
  out: string
  templates?: string
  inviteSource?: string
  widgetSource?: string
  /** Locale code of the visitor-facing text (a key of LOCALES). */
  locale: string
  texts: Partial<Messages>
  accent?: string
  logoUrl?: string
}

/** Fill defaults. The entry must already have passed integrationSchema (which normalised host and gweUrl). */
export function resolveIntegration(entry: IntegrationEntry): ResolvedIntegration {
  const medium = findMedium(entry.media)!
  const gweVersion = entry.gweVersion ?? medium.defaultGweVersion ?? DEFAULT_GWE_VERSION
  const gwePrefix = GWE_PREFIX[gweVersion]
  const {gweUrl, host} = entry
  const inviteName = entry.inviteName ?? medium.defaultInviteName
  const widgetName = medium.defaultWidgetName ? (entry.widgetName ?? medium.defaultWidgetName) : undefined
  // A relative '/frontend/resources/...' (as in the integration guide) resolves against the GWE
  // server only if GWE resolves it so, which no page says (docs/genesys.md#strategy); an
  // absolute URL is used when --gwe-url is given.
  const resources = `${gweUrl ?? ''}${gwePrefix}/resources/`
  let widgetUrl = entry.widgetUrl
  if (!widgetUrl && widgetName) {
    widgetUrl = medium.artifacts.includes('gms-widget') ? `${host}${GMS_SAMPLE_PATH}${widgetName}` : `${resources}${widgetName}`
  }
  return {
    name: entry.name,
    medium,
    scenario: medium.scenarios.length > 0 ? findScenario(entry.scenario ?? medium.defaultScenario!) : undefined,
    host,
    service: medium.defaultService ? (entry.service ?? medium.defaultService) : undefined,
    inviteName,
    widgetName,
    widgetUrl,
    vendorFunction: entry.vendorFunction,
    inviteType: (entry.inviteType as InviteType | undefined) ?? medium.branches[0],
    gweVersion,
    gwePrefix,
    gweUrl,
    inviteUrl: `${resources}${inviteName}`,
    out: entry.out ?? `widgets/${entry.name}`,
    templates: entry.templates,
    inviteSource: entry.inviteSource,
    widgetSource: entry.widgetSource,
    locale: entry.locale ?? DEFAULT_LOCALE,
    texts: {...entry.texts} as Partial<Messages>,
    accent: entry.accent,
    logoUrl: entry.logoUrl,
  }
}

/**
 * `integrations[2].scenario: message` from zod issues, with an optional path prefix.
 * `data` is what was parsed (a whole config, or one entry when `prefix` names it), so a
 * key that is absent reads "missing" rather than "expected one of". One line per issue
 * (callers drop repeats after adding where each is).
 */
export function formatIssues(error: z.core.$ZodError, prefix = '', data?: unknown): string[] {
  const isConfig = data !== null && typeof data === 'object' && 'integrations' in data
  return error.issues.map((issue) => {
    const path = issue.path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), prefix)
    let message = issue.message
    const absent = data !== undefined && issue.path.length > 0 && valueAt(data, issue.path) === undefined
    if (issue.code === 'unrecognized_keys') {
      message =
        issue.path.at(-1) === 'texts'
          ? vt.unknownTextKeys(issue.keys)
          : unknownKeys(issue.keys, isConfig && issue.path.length === 0 ? ['$schema', 'integrations'] : Object.keys(integrationSchema.shape))
    } else if (absent && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
      message = `missing; it is required${'values' in issue ? ` (one of ${(issue.values as unknown[]).join(', ')})` : ''}`
    } else if (issue.code === 'invalid_value' && 'values' in issue && /^Invalid option/.test(issue.message)) {
      // Enums with a message of their own (locale) keep it; the rest list their values.
      message = `expected one of ${(issue.values as unknown[]).join(', ')}`
    }
    return `${path || '(root)'}: ${message}`
  })
}

/** `unknown key "sevice"; did you mean "service"?`, or the allowed keys when none is close. */
function unknownKeys(keys: readonly string[], allowed: readonly string[]): string {
  const hints = keys.map((k) => closest(k, allowed))
  const named = keys.map((k) => `"${k}"`).join(', ')
  if (hints.every((h) => h !== undefined)) return `unknown key ${named}; did you mean ${hints.map((h) => `"${h}"`).join(', ')}?`
  return `unknown key ${named}; allowed: ${allowed.join(', ')}`
}

function valueAt(data: unknown, at: readonly PropertyKey[]): unknown {
  let value = data
  for (const key of at) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}
