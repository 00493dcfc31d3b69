/**
 * What the plan cannot fix by itself and the integrator must know: built-in stand-ins that
 * do not work in production, URLs that would resolve against the visitor's site, placeholder
 * hosts; and where each generated file goes next. Computed from the resolved integrations
 * so `new`, `generate` and their --json output say the same thing; commands only print it.
 */
import path from 'node:path'
import type {AssessedFile} from './assess.js'
import type {ResolvedIntegration} from './integration.js'

export interface Warning {
  integration: string
  message: string
  /** The output cannot work in production at all (not merely needs checking). */
  critical: boolean
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
  const warn = (message: string, critical = false) => out.push({integration: i.name, message: `${i.name}: ${message}`, critical})
  if (!i.inviteSource) {
    if (!i.media.starterTemplate) {
      const what = i.media.branches.includes('CALLBACK') ? 'callback' : 'chat'
      warn(
        `NOT FOR PRODUCTION: ${i.inviteName} is gwe-int's stand-in invitation; accepting it starts no GWE ${what} (its ${i.media.starter}() only logs an error) and reports nothing to GWE. Build it from your installation's invite.html: --invite-source path/to/invite.html`,
        true,
      )
    } else {
      warn(
        `${i.inviteName} is gwe-int's stand-in invitation: its sendInviteResult() does not report the visitor's answer to GWE. For production, build it from your installation's invite.html: --invite-source path/to/invite.html`,
      )
    }
  }
  if (!i.gweUrl) {
    warn(
      `the strategy snippet points at ${i.inviteUrl}, a URL without a host, which works only if GWE resolves it against its own server; give the GWE server: --gwe-url https://<gwe-host>:<port>`,
    )
  }
  if (i.widgetUrl && !/^https?:\/\//i.test(i.widgetUrl)) {
    warn(
      `the invitation opens ${i.widgetUrl}, a URL without a host; the invitation runs inside the visitor's page, so it would open on the visitor's own site: give --gwe-url (or --widget-url with a full URL)`,
    )
  }
  if (i.media.minGweVersion && Number(i.gweVersion) < Number(i.media.minGweVersion)) {
    warn(
      `${i.media.id} works with GWE ${i.media.minGweVersion} and later only (docs/genesys.md#genesys-widgets), but --gwe-version is ${i.gweVersion}: use --gwe-version ${i.media.minGweVersion}`,
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
      warn(`${label} ${url} is a placeholder (example hosts are reserved for documentation); replace it with your server before deploying`)
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
      ? ' With _wait_for_user_confirm=true GMS waits for the visitor to confirm after a push notification, which this widget does not receive (a browser could only through the comet push type of GMS 8.5.103.10 and later, and how is not documented publicly): set _wait_for_user_confirm=false on the service (docs/genesys.md#gms-confirmation).'
      : ''
  return [`${s.id}: configure the ${where} with ${options}; a request cannot set these options (docs/genesys.md#gms-service-options).${confirm}`]
}

export function warningsFor(list: readonly ResolvedIntegration[]): Warning[] {
  return list.flatMap(integrationWarnings)
}

/**
 * Two or three lines naming where the files go (README "Deploying the output"): the
 * invitation to GWE's resources folder, the widget next to the GMS sample (or on GWE),
 * the snippet into the Engagement Logic strategy in Composer.
 */
export function nextSteps(list: readonly ResolvedIntegration[], files: readonly AssessedFile[], cwd: string): string[] {
  const rel = (p: string) => path.relative(cwd, p).split(path.sep).join('/') || '.'
  const of = (artifact: string) => files.filter((f) => f.artifact === artifact).map((f) => rel(f.path))
  const steps: string[] = []
  const invites = of('invite')
  if (invites.length > 0) {
    const prefixes = [...new Set(list.map((i) => i.gwePrefix))].map((p) => `${p}/resources/`).join(' or ')
    steps.push(`Copy ${invites.join(', ')} into your GWE server's resources folder (served as ${prefixes}).`)
  }
  const widgets = [...of('gms-widget'), ...of('webapi-widget')]
  if (widgets.length > 0) {
    const where =
      of('gms-widget').length > 0
        ? 'next to index.html in the GMS sample folder (/genesys/admin/js/sample/cb/ on your GMS), and configure the GMS service for your scenario (docs/genesys.md#gms-service-options)'
        : 'where the invitation opens it (on GWE next to the invitation, unless --widget-url says otherwise)'
    steps.push(`Copy ${widgets.join(', ')} ${where}.`)
  }
  const snippets = of('notification-message')
  if (snippets.length > 0) {
    steps.push(
      `In Composer, open WebEngagement_EngagementLogic, find the block that sets notification_message and use ${snippets.join(', ')}; try one visitor with engagement-logic/notify.sh. See README "Deploying the output".`,
    )
  }
  return steps
}
