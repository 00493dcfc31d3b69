/**
 * Resolving the answers of `gwe-int new`: flag, then default when --yes, then a
 * prompt when there is a terminal; without one, every missing answer is listed in
 * one error naming its flag (never a hang). Prompting is injected (Prompter), so
 * tests pass canned answers.
 */
import {findMedia, MEDIA, type InputName, type MediaKind} from '../catalog/media.js'
import {findScenario} from '../catalog/scenarios.js'
import {DEFAULT_GWE_VERSION, INPUTS, PLACEHOLDER_HOST, PLACEHOLDER_VENDOR_URL, type GweVersion} from '../catalog/inputs.js'
import {formatIssues, integrationSchema, type IntegrationEntry} from './integration.js'
import {invalid} from './errors.js'
import * as v from './validate.js'

export interface NewAnswers {
  media?: string
  integration?: string
  scenario?: string
  host?: string
  service?: string
  inviteName?: string
  widgetName?: string
  widgetUrl?: string
  vendorFunction?: string
  inviteType?: string
  gweVersion?: string
  gweUrl?: string
  out?: string
  templates?: string
  inviteSource?: string
  widgetSource?: string
  locale?: string
  accent?: string
  logoUrl?: string
}

export interface Choice {
  value: string
  name: string
  description?: string
}

export interface Prompter {
  select(message: string, choices: Choice[], defaultValue?: string): Promise<string>
  input(message: string, defaultValue: string | undefined, validate: (value: string) => string | true): Promise<string>
}

/** Flag name for each answer key, for messages (`--name` is the invite file name). */
export const FLAG_OF: Record<keyof NewAnswers, string> = {
  media: 'MEDIA (argument)',
  integration: '--integration',
  scenario: '--scenario',
  host: '--host',
  service: '--service',
  inviteName: '--name',
  widgetName: '--widget-name',
  widgetUrl: '--widget-url',
  vendorFunction: '--vendor-function',
  inviteType: '--invite-type',
  gweVersion: '--gwe-version',
  gweUrl: '--gwe-url',
  out: '--out',
  templates: '--templates',
  inviteSource: '--invite-source',
  widgetSource: '--widget-source',
  locale: '--locale',
  accent: '--accent',
  logoUrl: '--logo-url',
}

/** The questions `new` asks (in order) when their flag is missing. */
const ASKED: readonly (InputName | 'out')[] = ['scenario', 'inviteType', 'host', 'service', 'out']

export interface Resolution {
  entry: IntegrationEntry
  warnings: string[]
}

export interface ResolveOptions {
  yes: boolean
  interactive: boolean
  prompter?: Prompter
}

export async function resolveNewAnswers(given: NewAnswers, opts: ResolveOptions): Promise<Resolution> {
  const warnings: string[] = []
  const answers: NewAnswers = {...given}
  const ask = opts.interactive && !opts.yes ? opts.prompter : undefined

  if (!answers.media) {
    if (ask) answers.media = await ask.select('Which medium?', MEDIA.map((m) => ({value: m.id, name: `${m.id}  ${m.title}`, description: m.summary})), 'gms-chat')
    else throw invalid(`missing the medium: gwe-int new MEDIA, one of ${MEDIA.map((m) => m.id).join(', ')}`)
  }
  const media = findMedia(answers.media)
  if (!media) throw invalid(`unknown medium "${answers.media}"; expected one of ${MEDIA.map((m) => m.id).join(', ')}`)
  answers.integration ??= media.id
  // Check flags before asking anything, so a bad flag fails fast.
  checkGiven(answers, media)

  const missing: string[] = []
  for (const key of ASKED) {
    if (key !== 'out' && !media.inputs.includes(key)) continue
    if (answers[key] !== undefined) continue
    const fallback = defaultFor(key, media, answers)
    if (opts.yes) {
      answers[key] = fallback
      if (key === 'host') warnings.push(`--host not given: using the placeholder ${fallback}; replace it before deploying (gwe-int new ${media.id} --host ...)`)
    } else if (ask) {
      answers[key] = await askFor(ask, key, media, fallback)
    } else {
      missing.push(FLAG_OF[key])
    }
  }
  if (missing.length > 0) {
    throw invalid(`no terminal to ask in: pass ${missing.join(', ')} (or --yes to accept the defaults)`)
  }
  return {entry: toEntry(answers, media), warnings}
}

export function defaultFor(key: InputName | 'out', media: MediaKind, answers: NewAnswers): string | undefined {
  switch (key) {
    case 'scenario':
      return media.defaultScenario
    case 'inviteType':
      return media.branches[0]
    case 'host':
      return media.id === 'third-party' ? PLACEHOLDER_VENDOR_URL : PLACEHOLDER_HOST
    case 'service':
      return media.defaultService
    case 'out':
      return `widgets/${answers.integration}`
    default:
      return undefined
  }
}

async function askFor(p: Prompter, key: InputName | 'out', media: MediaKind, fallback: string | undefined): Promise<string> {
  if (key === 'scenario') {
    return p.select(INPUTS.scenario.question, media.scenarios.map((id) => ({value: id, name: id, description: findScenario(id)!.summary})), fallback)
  }
  if (key === 'inviteType') {
    return p.select(INPUTS.inviteType.question, media.branches.map((b) => ({value: b, name: b, description: b === 'CHAT' ? 'a chat (WebChat.open)' : 'a callback (Callback.open)'})), fallback)
  }
  if (key === 'out') return p.input('Output folder?', fallback, (s) => (s.trim() ? true : 'give a folder'))
  const question = key === 'host' && media.hostMeaning ? `${media.hostMeaning.split(',')[0]}?` : INPUTS[key].question
  return p.input(question, key === 'host' ? undefined : fallback, (s) => {
    const error = fieldError(key, s, media)
    return error ? error : true
  })
}

function fieldError(key: InputName, value: string, media: MediaKind): string | undefined {
  if (key === 'host') return media.id === 'third-party' ? v.normalizeFullUrl(value).error : v.normalizeBaseUrl(value).error
  if (key === 'service') return v.checkService(value)
  return undefined
}

/** Validate what flags gave, naming the flag: `--scenario: VOICE-NOW-USERTERM is a callback scenario; …`. */
export function checkGiven(answers: NewAnswers, media: MediaKind): void {
  const entry = toEntry(answers, media)
  const result = integrationSchema.safeParse(entry)
  if (result.success) return
  const lines = formatIssues(result.error).map((line) => {
    const key = line.slice(0, line.indexOf(':')) as keyof NewAnswers
    const flag = key === ('name' as keyof NewAnswers) ? FLAG_OF.integration : FLAG_OF[key] ?? key
    return `${flag}${line.slice(line.indexOf(':'))}`
  })
  throw invalid(lines[0], lines.slice(1))
}

/** The config entry for these answers: only keys that apply, in a fixed order. */
export function toEntry(a: NewAnswers, media: MediaKind): IntegrationEntry {
  const entry: Record<string, string | undefined> = {
    name: a.integration,
    media: media.id,
    scenario: a.scenario,
    host: a.host === undefined ? undefined : media.id === 'third-party' ? a.host.trim() : v.normalizeBaseUrl(a.host).value ?? a.host,
    service: a.service,
    inviteName: a.inviteName,
    widgetName: a.widgetName,
    widgetUrl: a.widgetUrl,
    vendorFunction: a.vendorFunction,
    inviteType: a.inviteType,
    gweVersion: a.gweVersion ?? media.defaultGweVersion ?? (DEFAULT_GWE_VERSION as GweVersion),
    gweUrl: a.gweUrl === undefined ? undefined : v.normalizeBaseUrl(a.gweUrl).value ?? a.gweUrl,
    out: a.out,
    templates: a.templates,
    inviteSource: a.inviteSource,
    widgetSource: a.widgetSource,
    locale: a.locale,
    accent: a.accent,
    logoUrl: a.logoUrl,
  }
  return Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined)) as unknown as IntegrationEntry
}
