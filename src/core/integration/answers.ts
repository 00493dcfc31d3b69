/**
 * Resolving the answers of `gwe-int new`: flag, then the answer recorded in the config
 * when the integration exists (unless --reset), then the default when --yes, then a
 * prompt when there is a terminal (defaulting to the recorded answer); without one,
 * every missing answer is listed in one error naming its flag (never a hang). Prompting
 * is injected (Prompter), so tests pass canned answers.
 */
import {DEFAULT_MEDIA_ID, findMedium, MEDIA, type MediaKind} from '../../catalog/media.js'
import {findScenario} from '../../catalog/scenarios.js'
import {DEFAULT_GWE_VERSION, ENTRY_INPUTS, GWE_PREFIX, GWE_VERSIONS, INPUTS, type AnswerName, type InputName} from '../../catalog/inputs.js'
import {canonicalScenario, formatIssues, integrationSchema, type IntegrationEntry} from './integration.js'
import {invalid} from '../../shared/errors.js'
import {normalizeHost} from './host.js'
import * as v from './validate.js'

/** The medium (an argument of `new`, --media of `patch`) and one string per row of the inputs table. */
export type NewAnswers = {media?: string} & {[N in AnswerName]?: string}

export interface Choice {
  value: string
  name: string
  description?: string
}

export interface Prompter {
  select(message: string, choices: Choice[], defaultValue?: string): Promise<string>
  input(message: string, defaultValue: string | undefined, validate: (value: string) => string | true): Promise<string>
}

/** Flag name for each answer key, for messages (`--invite-name` is the invitation's file name): from the inputs table. */
export const FLAG_OF: Record<keyof NewAnswers, string> = {
  media: 'MEDIA (argument)',
  ...(Object.fromEntries(Object.values(INPUTS).map((spec) => [spec.name, `--${spec.flag}`])) as Record<AnswerName, string>),
}

/** The questions `new` asks (in order) when their flag is missing; the GWE version only in a terminal. */
const ASKED: readonly (InputName | 'out' | 'gweVersion')[] = ['scenario', 'inviteType', 'host', 'service', 'gweVersion', 'out']

/** Keys of an entry that hold paths: relative to the cwd on the command line, to the config's folder in the config. */
const PATH_KEYS = ENTRY_INPUTS.filter((key) => INPUTS[key].value === 'path')

export interface Change {
  key: string
  from?: string
  to?: string
}

export interface Resolution {
  entry: IntegrationEntry
  /** Things the integrator should know that are not problems (a spelling corrected, a path dropped). */
  notes: string[]
  /** The entry of that name already in the config, when `new` edits it. */
  recorded?: IntegrationEntry
  /** What differs from the recorded entry (empty for a new integration). */
  changes: Change[]
}

export interface ResolveOptions {
  yes: boolean
  interactive: boolean
  prompter?: Prompter
  /** The config's entry of a name, if any (paths relative to the config's folder). */
  lookup?: (name: string) => IntegrationEntry | undefined
  /** Start from the defaults even when the integration exists (and allow another medium). */
  reset?: boolean
  /** A path typed on the command line (relative to the cwd) as the config records it, and back. */
  toConfig?: (p: string) => string
  fromConfig?: (p: string) => string
}

export async function resolveNewAnswers(given: NewAnswers, opts: ResolveOptions): Promise<Resolution> {
  const ask = opts.interactive && !opts.yes ? opts.prompter : undefined
  const medium = await chooseMedium(given, opts, ask)
  const merged = mergeGiven(given, medium, opts)
  await askMissing(merged, medium, opts, ask)
  const entry = finalEntry(merged, medium)
  const {found, notes} = merged
  return {entry, notes, recorded: found, changes: found ? changesBetween(found, entry) : []}
}

/** The given answers merged: flags over the recorded entry, before anything is asked. */
interface Merged {
  /** What the flags said (paths relative to the config). */
  flags: NewAnswers
  /** Flags over recorded answers; the questions fill in the rest. */
  answers: NewAnswers
  notes: string[]
  /** The config's entry of that name, if any, and the one whose answers are kept (not with --reset). */
  found?: IntegrationEntry
  recorded?: IntegrationEntry
}

/** The medium: the argument, else the recorded integration's, else asked (an error without a terminal). */
async function chooseMedium(given: NewAnswers, opts: ResolveOptions, ask: Prompter | undefined): Promise<MediaKind> {
  let mediumId = given.media
  if (!mediumId && given.integration) mediumId = opts.lookup?.(given.integration)?.media
  if (!mediumId) {
    if (!ask) throw invalid(`missing the medium: gwe-int new MEDIA, one of ${MEDIA.map((m) => m.id).join(', ')}`)
    const width = Math.max(...MEDIA.map((m) => m.id.length))
    mediumId = await ask.select(
      'Which medium?',
      MEDIA.map((m) => ({value: m.id, name: `${m.id.padEnd(width)}  ${m.title}`, description: m.summary})),
      DEFAULT_MEDIA_ID,
    )
  }
  const medium = findMedium(mediumId)
  if (!medium) throw invalid(`unknown medium "${mediumId}"; expected one of ${MEDIA.map((m) => m.id).join(', ')}`)
  return medium
}

/** Flags over the recorded answers (unless --reset), checked before anything is asked so a bad flag fails fast. */
function mergeGiven(given: NewAnswers, medium: MediaKind, opts: ResolveOptions): Merged {
  const notes: string[] = []
  const toConfig = opts.toConfig ?? ((p: string) => p)
  const name = given.integration ?? medium.id
  const found = opts.lookup?.(name)
  if (found && found.media !== medium.id && !opts.reset) {
    throw invalid(
      `integration "${name}" in the config is a ${found.media} integration, not ${medium.id}; pass --reset to replace it (its recorded answers are dropped), or --integration NAME to add another integration`,
    )
  }
  const recorded = found && !opts.reset ? found : undefined

  // Flags, with paths made relative to the config.
  const flags: NewAnswers = {}
  for (const [key, value] of Object.entries(given) as [keyof NewAnswers, string | undefined][]) if (value !== undefined) flags[key] = value
  delete flags.media
  for (const key of PATH_KEYS) if (flags[key] !== undefined) flags[key] = toConfig(flags[key]!)
  // The entry carries the scenario in the medium's spelling (toEntry) and the normalised
  // host (parsed); only the notes about them are said here.
  const canonical = flags.scenario === undefined ? undefined : canonicalScenario(flags.scenario, medium)
  if (canonical && canonical !== flags.scenario) notes.push(`--scenario ${flags.scenario}: recorded as ${canonical}`)
  if (flags.host !== undefined && medium.host) {
    const {note} = normalizeHost(flags.host, medium)
    if (note) notes.push(`--${note}`)
  }

  const answers: NewAnswers = {...(recorded ? fromEntry(recorded) : {}), ...flags, integration: name}
  checkGiven(answers, medium)
  return {flags, answers, notes, found, recorded}
}

/**
 * Every question whose flag is missing: asked in a terminal (defaulting to the recorded
 * answer), filled with its default with --yes, else listed in one error naming the flags.
 */
async function askMissing({flags, answers}: Merged, medium: MediaKind, opts: ResolveOptions, ask: Prompter | undefined): Promise<void> {
  const toConfig = opts.toConfig ?? ((p: string) => p)
  const fromConfig = opts.fromConfig ?? ((p: string) => p)
  const missing: string[] = []
  for (const key of ASKED) {
    if (key !== 'out' && key !== 'gweVersion' && !medium.inputs.includes(key)) continue
    if (flags[key] !== undefined) continue
    const fallback = answers[key] ?? defaultFor(key, medium, answers)
    if (ask) {
      answers[key] = await askFor(
        ask,
        key,
        medium,
        key === 'out' && fallback !== undefined ? fromConfig(fallback) : fallback,
        key === 'host' && answers.host === undefined,
      )
      if (key === 'out') answers.out = toConfig(answers.out!)
      continue
    }
    if (answers[key] !== undefined || key === 'gweVersion') continue
    if (opts.yes) {
      // A placeholder host is reported with the plan's warnings (advice.ts).
      answers[key] = fallback
    } else {
      missing.push(FLAG_OF[key])
    }
  }
  if (missing.length > 0) {
    throw invalid(`no terminal to ask in: pass ${missing.join(', ')} (or --yes to accept the defaults)`)
  }
  // Without the GWE server, the snippet's invitation URL (and webapi-chat's chat page) has no
  // host; asked last, and optional: an empty answer keeps relative URLs (with a warning).
  if (ask && answers.gweUrl === undefined) {
    const url = await ask.input(INPUTS.gweUrl.question, '', (s) => (s.trim() === '' ? true : (v.normalizeBaseUrl(s).error ?? true)))
    if (url.trim()) answers.gweUrl = url.trim()
  }
}

/** The config entry the answers make. */
function finalEntry({answers, recorded}: Merged, medium: MediaKind): IntegrationEntry {
  // An edited entry keeps an unset GWE version unset (its default applies): no change to report.
  const answered = toEntry(answers, medium, {fillVersion: recorded === undefined})
  // Config-only keys (visitor texts) have no flag: an edit keeps them as recorded.
  if (recorded)
    for (const [key, value] of Object.entries(recorded))
      if (!(key in FLAG_OF) && key !== 'name' && !(key in answered)) (answered as Record<string, unknown>)[key] = value
  // Parsed once more now that prompts answered too: the entry holds the normal forms (host, GWE URL).
  return parseGiven(answered)
}

/** The answers an entry records (the inverse of toEntry). */
function fromEntry(e: IntegrationEntry): NewAnswers {
  const {name, ...rest} = e
  return {...(rest as Omit<NewAnswers, 'integration'>), integration: name}
}

/** `host: https://a → https://b` for every key whose recorded value differs (`texts.inviteAccept` for a text). */
function changesBetween(before: IntegrationEntry, after: IntegrationEntry): Change[] {
  const flat = (e: IntegrationEntry) => {
    const out = new Map<string, string>()
    for (const [key, value] of Object.entries(e)) {
      if (value !== null && typeof value === 'object') for (const [sub, text] of Object.entries(value)) out.set(`${key}.${sub}`, String(text))
      else if (value !== undefined) out.set(key, String(value))
    }
    return out
  }
  const a = flat(before)
  const b = flat(after)
  const keys = [...new Set([...b.keys(), ...a.keys()])]
  return keys.filter((k) => a.get(k) !== b.get(k)).map((key) => ({key, ...(a.has(key) ? {from: a.get(key)} : {}), ...(b.has(key) ? {to: b.get(key)} : {})}))
}

export function defaultFor(key: InputName | 'out' | 'gweVersion', medium: MediaKind, answers: NewAnswers): string | undefined {
  switch (key) {
    case 'scenario':
      return medium.defaultScenario
    case 'inviteType':
      return medium.branches[0]
    case 'host':
      return medium.host?.placeholder
    case 'service':
      return medium.defaultService
    case 'gweVersion':
      return medium.defaultGweVersion ?? DEFAULT_GWE_VERSION
    case 'out':
      return `widgets/${answers.integration}`
    default:
      return undefined
  }
}

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

async function askFor(
  p: Prompter,
  key: InputName | 'out' | 'gweVersion',
  medium: MediaKind,
  fallback: string | undefined,
  placeholder: boolean,
): Promise<string> {
  if (key === 'scenario') {
    return p.select(
      INPUTS.scenario.question,
      medium.scenarios.map((id) => ({value: id, name: id, description: findScenario(id)!.summary})),
      fallback,
    )
  }
  if (key === 'inviteType') {
    return p.select(
      INPUTS.inviteType.question,
      medium.branches.map((b) => ({value: b, name: b, description: b === 'CHAT' ? 'a chat (WebChat.open)' : 'a callback (Callback.open)'})),
      fallback,
    )
  }
  if (key === 'gweVersion') {
    return p.select(
      INPUTS.gweVersion.question,
      GWE_VERSIONS.map((id) => ({value: id, name: `${id}  (${GWE_PREFIX[id]} paths)`})),
      fallback,
    )
  }
  if (key === 'out') return p.input(INPUTS.out.question, fallback, (s) => (s.trim() ? true : 'give a folder'))
  const question = key === 'host' && medium.host ? `${capitalized(medium.host.meaning)}?` : INPUTS[key].question
  // The placeholder host is never offered as an answer: it would only have to be replaced.
  return p.input(question, placeholder ? undefined : fallback, (s) => {
    const error = fieldError(key, s, medium)
    return error ? error : true
  })
}

function fieldError(key: InputName, value: string, medium: MediaKind): string | undefined {
  if (key === 'host') return normalizeHost(value, medium).error
  if (key === 'service') return v.checkService(value)
  return undefined
}

/**
 * Validate what flags gave, naming the flag (`--scenario: VOICE-NOW-USERTERM is a callback
 * scenario; …`); the entry they make, parsed (host and GWE URL in their normal form).
 */
export function checkGiven(answers: NewAnswers, medium: MediaKind): IntegrationEntry {
  return parseGiven(toEntry(answers, medium))
}

function parseGiven(entry: IntegrationEntry): IntegrationEntry {
  // Before the schema, whose messages may quote the value.
  const unsafe = v.findUnsafeChar(entry)
  if (unsafe) {
    const key = String(unsafe.path[0]) as keyof NewAnswers
    throw invalid(`${key === ('name' as keyof NewAnswers) ? FLAG_OF.integration : (FLAG_OF[key] ?? key)}: ${unsafe.message}`)
  }
  const result = integrationSchema.safeParse(entry)
  // In the entry's own key order (the order the config records), not the schema's.
  if (result.success) return Object.fromEntries(Object.keys(entry).map((key) => [key, result.data[key as keyof IntegrationEntry]])) as IntegrationEntry
  const lines = [
    ...new Set(
      formatIssues(result.error).map((line) => {
        const key = line.slice(0, line.indexOf(':')) as keyof NewAnswers
        const flag = key === ('name' as keyof NewAnswers) ? FLAG_OF.integration : (FLAG_OF[key] ?? key)
        return `${flag}${line.slice(line.indexOf(':'))}`
      }),
    ),
  ]
  throw invalid(lines[0], lines.slice(1))
}

/**
 * The config entry for these answers: only keys that apply, in a fixed order (not yet parsed:
 * see checkGiven). `fillVersion`: record the default GWE version when none was given.
 */
export function toEntry(a: NewAnswers, medium: MediaKind, {fillVersion = true}: {fillVersion?: boolean} = {}): IntegrationEntry {
  const entry: Record<string, string | undefined> = {name: a.integration, media: medium.id}
  for (const key of ENTRY_INPUTS) entry[key] = a[key]
  if (a.scenario !== undefined) entry.scenario = canonicalScenario(a.scenario, medium) ?? a.scenario
  if (fillVersion) entry.gweVersion ??= medium.defaultGweVersion ?? DEFAULT_GWE_VERSION
  return Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined)) as unknown as IntegrationEntry
}
