/**
 * What the plan cannot fix by itself and the integrator must know: gwe-int's built-in
 * invitation, which does not work in production, URLs that would resolve against the visitor's site, placeholder
 * hosts; and where each generated file goes next. Computed from the resolved integrations
 * so `new`, `generate` and their --json output say the same thing; commands only print it.
 */
import path from 'node:path'
import type {AssessedFile} from './write/assess.js'
import type {ResolvedIntegration} from './integration/integration.js'

/**
 * Every kind of warning, in the order they are printed: a stable id (the cause), whether the
 * output cannot work in production at all, and what a grouped line says once for every
 * integration the cause concerns. The per-integration messages below say the same with the
 * integration's own values.
 */
export const WARNING_CAUSES = {
  'builtin-invitation': {
    critical: true,
    title: "NOT FOR PRODUCTION: gwe-int's built-in invitation",
    advice:
      "accepting it starts no GWE chat or callback (its start function only logs an error) and reports nothing to GWE. Build each from your installation's invite.html: --invite-source path/to/invite.html",
  },
  'builtin-invite-result': {
    critical: false,
    title: "gwe-int's built-in invitation",
    advice:
      "its sendInviteResult() does not report the visitor's answer to GWE. For production, build each from your installation's invite.html: --invite-source path/to/invite.html",
  },
  'invite-url-without-host': {
    critical: false,
    title: 'strategy snippet: invitation URL without a host',
    advice: 'works only if GWE resolves it against its own server; give the GWE server: --gwe-url https://<gwe-host>:<port>',
  },
  'widget-url-without-host': {
    critical: false,
    title: 'invitation opens a URL without a host',
    advice: "the invitation runs inside the visitor's page, so it would open on the visitor's own site: give --gwe-url (or --widget-url with a full URL)",
  },
  'placeholder-host': {
    critical: false,
    title: 'placeholder host',
    advice: 'example hosts are reserved for documentation; replace them with your servers before deploying',
  },
  'gwe-version-too-old': {
    critical: false,
    title: 'GWE version older than the medium works with',
    advice: 'Genesys Widgets integrate with GWE 8.5 and later (docs/genesys.md#genesys-widgets): use --gwe-version 8.5',
  },
} as const satisfies Record<string, {critical: boolean; title: string; advice: string}>

export type WarningCause = keyof typeof WARNING_CAUSES

export interface Warning {
  /** What causes it: warnings of one cause are printed as one line (groupWarnings). */
  cause: WarningCause
  integration: string
  message: string
  /** The output cannot work in production at all (not merely needs checking). */
  critical: boolean
  /** What differs between integrations with this cause, shown once per distinct value (`--host https://gms.example.com`). */
  detail?: string
}

/** The warnings of one cause, over every integration it concerns. */
export interface WarningGroup {
  cause: WarningCause
  critical: boolean
  /** The integrations concerned, each once, in the order met. */
  integrations: string[]
  /** The distinct details, in the order met. */
  details: string[]
  /** Every warning of the cause, as --json lists them. */
  warnings: Warning[]
}

/** Per-integration warnings grouped by cause, in the order of WARNING_CAUSES. */
export function groupWarnings(warnings: readonly Warning[]): WarningGroup[] {
  const byCause = new Map<WarningCause, {group: WarningGroup; names: Set<string>; details: Set<string>}>()
  for (const w of warnings) {
    let at = byCause.get(w.cause)
    if (!at) {
      at = {group: {cause: w.cause, critical: false, integrations: [], details: [], warnings: []}, names: new Set(), details: new Set()}
      byCause.set(w.cause, at)
    }
    const {group, names, details} = at
    group.critical ||= w.critical
    if (!names.has(w.integration)) group.integrations.push(w.integration)
    names.add(w.integration)
    if (w.detail !== undefined && !details.has(w.detail)) group.details.push(w.detail)
    if (w.detail !== undefined) details.add(w.detail)
    group.warnings.push(w)
  }
  return (Object.keys(WARNING_CAUSES) as WarningCause[]).flatMap((c) => byCause.get(c)?.group ?? [])
}

/**
 * `a, b, c, d, e, … (200 integrations)`: at most `limit` items (all of them when only one
 * more would be left out), and the count whenever there are several.
 */
export function shortList(items: readonly string[], noun: string, limit = 5): string {
  if (items.length <= 1) return items.join('')
  const shown = items.length > limit + 1 ? [...items.slice(0, limit), '…'] : items
  return `${shown.join(', ')} (${items.length} ${noun})`
}

/** The host of `url` when it is reserved for documentation (RFC 2606): never a real GMS, GWE or vendor. */
function placeholderHost(url: string | undefined): string | undefined {
  if (!url) return undefined
  let host: string
  try {
    host = new URL(url).hostname.toLowerCase()
  } catch {
    return undefined
  }
  return /(^|\.)example\.(com|net|org)$/.test(host) || host.endsWith('.example') || host === 'example' ? host : undefined
}

export function integrationWarnings(i: ResolvedIntegration): Warning[] {
  const out: Warning[] = []
  const warn = (cause: WarningCause, message: string, detail?: string) =>
    out.push({
      cause,
      integration: i.name,
      message: `${i.name}: ${message}`,
      critical: WARNING_CAUSES[cause].critical,
      ...(detail === undefined ? {} : {detail}),
    })
  if (!i.inviteSource) {
    if (!i.medium.starterTemplate) {
      const what = i.medium.branches.includes('CALLBACK') ? 'callback' : 'chat'
      warn(
        'builtin-invitation',
        `NOT FOR PRODUCTION: ${i.inviteName} is gwe-int's built-in invitation; accepting it starts no GWE ${what} (its ${i.medium.starter}() only logs an error) and reports nothing to GWE. Build it from your installation's invite.html: --invite-source path/to/invite.html`,
      )
    } else {
      warn(
        'builtin-invite-result',
        `${i.inviteName} is gwe-int's built-in invitation: its sendInviteResult() does not report the visitor's answer to GWE. For production, build it from your installation's invite.html: --invite-source path/to/invite.html`,
      )
    }
  }
  if (!i.gweUrl) {
    warn(
      'invite-url-without-host',
      `the strategy snippet points at ${i.inviteUrl}, a URL without a host, which works only if GWE resolves it against its own server; give the GWE server: --gwe-url https://<gwe-host>:<port>`,
    )
  }
  if (i.widgetUrl && !/^https?:\/\//i.test(i.widgetUrl)) {
    warn(
      'widget-url-without-host',
      `the invitation opens ${i.widgetUrl}, a URL without a host; the invitation runs inside the visitor's page, so it would open on the visitor's own site: give --gwe-url (or --widget-url with a full URL)`,
    )
  }
  if (i.medium.minGweVersion && Number(i.gweVersion) < Number(i.medium.minGweVersion)) {
    warn(
      'gwe-version-too-old',
      `${i.medium.id} works with GWE ${i.medium.minGweVersion} and later only (docs/genesys.md#genesys-widgets), but --gwe-version is ${i.gweVersion}: use --gwe-version ${i.medium.minGweVersion}`,
    )
  }
  // Each placeholder host once: the widget URL derived from --host shares its host.
  const seen = new Set<string>()
  for (const [label, url] of [
    ['--host', i.host],
    ['--gwe-url', i.gweUrl],
    ['--widget-url', i.widgetUrl],
  ] as const) {
    const host = placeholderHost(url)
    if (host && !seen.has(host))
      warn(
        'placeholder-host',
        `${label} ${url} is a placeholder (example hosts are reserved for documentation); replace it with your server before deploying`,
        `${label} ${url}`,
      )
    if (host) seen.add(host)
  }
  return out
}

/**
 * What the GMS service must be configured with for the integration's scenario: the
 * Callback User's Guide lists the scenario presets as service options, which a request
 * cannot set (docs/genesys.md#gms-service-options). One line, or none for the built-in
 * services and media without GMS.
 */
export function serviceNotes(i: ResolvedIntegration): string[] {
  const s = i.scenario
  if (s?.endpoint !== 'callback') return []
  const where = `GMS service "${i.service ?? ''}" (section service.${i.service ?? ''})`
  if (Object.keys(s.params).length === 0)
    return [`${s.id}: the ${where} decides every option; the widget follows its answers (docs/genesys.md#gms-service-options).`]
  const options = Object.entries(s.params)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ')
  const confirm =
    s.params._wait_for_user_confirm === 'true'
      ? ' With _wait_for_user_confirm=true GMS pushes "an agent is ready" and waits for the visitor to confirm: the widget listens for it over CometD (<gms>/genesys/cometd) and registers _device_os=comet, so add comet to pushEnabled in the push section (GMS 8.5.103.10 and later); how GMS delivers comet push to a browser is not documented publicly, so try one visitor first, or set _wait_for_user_confirm=false on the service (docs/genesys.md#gms-confirmation).'
      : ''
  return [`${s.id}: configure the ${where} with ${options}; a request cannot set these options (docs/genesys.md#gms-service-options).${confirm}`]
}

export function warningsFor(list: readonly ResolvedIntegration[]): Warning[] {
  return list.flatMap(integrationWarnings)
}

/**
 * A few lines naming where the files go (README "Deploying the output"), one per kind of
 * file however many integrations there are: the invitations to GWE's resources folder, GMS
 * widgets next to the GMS sample, Chat API v2 pages where the invitation opens them, the
 * snippets into the Engagement Logic strategy in Composer. Long lists of files are cut, with
 * their count.
 */
export function nextSteps(list: readonly ResolvedIntegration[], files: readonly AssessedFile[], cwd: string): string[] {
  const rel = (p: string) => path.relative(cwd, p).split(path.sep).join('/') || '.'
  const of = (artifact: string, keep: (f: AssessedFile) => boolean = () => true) =>
    shortList(
      files.filter((f) => f.artifact === artifact && keep(f)).map((f) => rel(f.path)),
      'files',
      3,
    )
  const steps: string[] = []
  // Invitations per GWE version: 8.1 and 8.5 serve them from different folders.
  const prefixOf = new Map(list.map((i) => [i.name, i.gwePrefix]))
  for (const prefix of new Set(list.map((i) => i.gwePrefix))) {
    const invites = of('invite', (f) => prefixOf.get(f.integration) === prefix)
    if (invites) steps.push(`Copy ${invites} into your GWE server's resources folder (served as ${prefix}/resources/).`)
  }
  const gmsWidgets = of('gms-widget')
  if (gmsWidgets)
    steps.push(
      `Copy ${gmsWidgets} next to index.html in the GMS sample folder (/genesys/admin/js/sample/cb/ on your GMS), and configure the GMS service for your scenario (docs/genesys.md#gms-service-options).`,
    )
  const chatPages = of('webapi-widget')
  if (chatPages) steps.push(`Copy ${chatPages} where each invitation opens it (on GWE next to the invitation, unless --widget-url says otherwise).`)
  const snippets = of('notification-message')
  if (snippets) {
    steps.push(
      `In Composer, open WebEngagement_EngagementLogic, find the block that sets notification_message and use ${snippets}; try one visitor with engagement-logic/notify.sh. See README "Deploying the output".`,
    )
  }
  return steps
}
