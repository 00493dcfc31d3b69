/**
 * One integration: the answers for one medium (a config entry or the flags of
 * `new`), its schema derived from the catalogue, and its resolution to a fully
 * defaulted, normalized form that rendering consumes.
 */
import * as z from 'zod/mini'
import {findMedium, MEDIA, MEDIA_IDS, type MediaKind} from '../../catalog/media.js'
import {findScenario, SCENARIOS, type Scenario} from '../../catalog/scenarios.js'
import {
  configDescription,
  DEFAULT_GWE_VERSION,
  ENTRY_INPUTS,
  type EntryInput,
  GMS_SAMPLE_PATH,
  GWE_PREFIX,
  INPUTS,
  type InputName,
  type InputSpec,
  type InputValue,
  type ValueKind,
} from '../../catalog/inputs.js'
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
/**
 * `schema`, described for the JSON Schema. Registered on the instance itself rather than
 * through z.describe(), whose check clones the schema: ~60 of the ~120 schema instances a
 * start would build. So only for a schema made for this use, never for a shared one.
 */
const described = <T extends z.ZodMiniType>(schema: T, description: string): T => {
  z.globalRegistry.add(schema, {description})
  return schema
}
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

/** The check of each kind of input value (catalog/inputs.ts ValueKind), for the row it is given. */
const VALUE_SCHEMAS: {readonly [K in ValueKind]: (spec: InputSpec) => z.ZodMiniType<string, string>} = {
  'integration-name': () => z.string().check(check(v.checkIntegrationName)),
  // A plain string checked against the medium below (the enum is for editors), so a wrong
  // scenario is one problem listing only that medium's scenarios.
  scenario: () => z.string().check(z.meta({enum: SCENARIOS.map((s) => s.id)})),
  // Normalised against the medium below.
  host: () => z.string().check(check(v.unsafeCharIn)),
  service: () => z.string().check(check(v.checkService)),
  'file-name': () => z.string().check(check((s) => v.checkFileName(s))),
  'full-url': () => fullUrl,
  'js-name': () => z.string().check(check(v.checkVendorFunction)),
  options: (spec) => z.enum(spec.options as [string, ...string[]]),
  'base-url': () => baseUrl,
  path: () => relPath,
  locale: () => z.enum(LOCALE_CODES, {error: (issue) => vt.localeError(issue.input)}),
  colour: () => z.string().check(check(vt.checkAccent)),
  'http-url': () => z.string().check(check(vt.checkLogoUrl)),
}

const texts = optional(textsSchema, "Visitor-facing strings replacing the locale's, by key (plain text, at most 300 characters each)")

/**
 * One optional key per input the entry records, checked by its kind and described by its
 * row; and `texts`, which has no flag, next to the locale whose strings it replaces.
 */
const inputShape = Object.fromEntries(
  ENTRY_INPUTS.flatMap((name) => {
    const spec: InputSpec = INPUTS[name]
    const key = [name, optional(VALUE_SCHEMAS[spec.value](spec), configDescription(spec))] as const
    return name === 'locale' ? [key, ['texts', texts] as const] : [key]
  }),
) as {[N in EntryInput]: z.ZodMiniOptional<z.ZodMiniType<InputValue<N>, string>>} & {texts: typeof texts}

/** Config entry / answers, as written by people (JSON, YAML or flags). */
export const integrationSchema = z
  .strictObject({
    name: described(VALUE_SCHEMAS['integration-name'](INPUTS.integration), 'Integration name, unique in the config'),
    media: described(z.enum(MEDIA_IDS as [string, ...string[]]), 'Media kind (gwe-int list)'),
    ...inputShape,
  })
  .check(
    z.superRefine((entry, ctx) => {
      const medium = findMedium(entry.media)
      if (!medium) return
      const notApplying = new Set<string>()
      for (const key of ENTRY_INPUTS) {
        if (entry[key] !== undefined && !appliesTo(key, medium)) {
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

/** The inputs the catalogue lists per medium (a medium takes those it lists); the others (where and how files are written) apply to every medium. */
const PER_MEDIUM: ReadonlySet<string> = new Set(MEDIA.flatMap((m) => m.inputs))

function appliesTo(key: EntryInput, medium: MediaKind): boolean {
  // Only a medium with a GMS widget has a GMS sample to patch.
  if (key === 'widgetSource') return medium.artifacts.includes('gms-widget')
  return !PER_MEDIUM.has(key) || medium.inputs.includes(key as InputName)
}

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

/** The inputs an entry records, as parsed: one optional value per row of the inputs table. */
type EntryInputs = {[N in EntryInput]?: InputValue<N>}

/** Inputs that always have a value once resolved (a default fills them in). */
type Defaulted = 'inviteName' | 'inviteType' | 'gweVersion' | 'out' | 'locale'

/**
 * An integration with every default filled in and every value normalized: each input of the
 * table under its own name (host: the GMS base URL without trailing slash, or the vendor URL;
 * inviteType: the offer of the built-in invitation, `_config.type`), and what follows from them.
 */
export type ResolvedIntegration = Omit<EntryInputs, Defaulted | 'scenario'> &
  Required<Pick<EntryInputs, Defaulted>> & {
    name: string
    medium: MediaKind
    scenario?: Scenario
    gwePrefix: string
    /** URL the strategy snippet points the notification at. */
    inviteUrl: string
    texts: Partial<Messages>
  }

/** Fill defaults. The entry must already have passed integrationSchema (which normalised host and gweUrl). */
export function resolveIntegration(entry: IntegrationEntry): ResolvedIntegration {
  const {name, media, scenario, texts, ...inputs} = entry
  const medium = findMedium(media)!
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
    // Every input as given; the defaults below.
    ...inputs,
    name,
    medium,
    scenario: medium.scenarios.length > 0 ? findScenario(scenario ?? medium.defaultScenario!) : undefined,
    service: medium.defaultService ? (entry.service ?? medium.defaultService) : undefined,
    inviteName,
    widgetName,
    widgetUrl,
    inviteType: entry.inviteType ?? medium.branches[0],
    gweVersion,
    gwePrefix,
    inviteUrl: `${resources}${inviteName}`,
    out: entry.out ?? `widgets/${name}`,
    locale: entry.locale ?? DEFAULT_LOCALE,
    texts: {...texts} as Partial<Messages>,
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
