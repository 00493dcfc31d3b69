/**
 * What the preview serves for each integration: the config entry re-planned in memory
 * with every URL pointed at the preview server, namespaced per integration. The plan
 * is the same pure plan `generate` writes (src/core/write/plan.ts), so the preview shows
 * exactly the generated files, only with local URLs.
 *
 *   /i/<name>/                                    the customer page (GWE tracker stand-in)
 *   /i/<name><prefix>/resources/<invite>          the invitation
 *   /i/<name><prefix>/data/notification/notify/V  the Notification Service
 *   /i/<name>/gms/genesys/...                     GMS: the widget copy and the API
 *   /i/<name>/vendor/start                        the third-party vendor page
 *   /i/<name>/engagement-logic/...                the strategy snippet and notify.sh
 *   /i/<name>/website/gwe-int-widgets.js          the Genesys Widgets extension (genesys-widgets)
 */
import path from 'node:path'
import {ARTIFACTS} from '../catalog/artifacts.js'
import type {MediaKind} from '../catalog/media.js'
import {findMedium} from '../catalog/media.js'
import {GMS_SAMPLE_PATH} from '../catalog/inputs.js'
import {regenerateHint} from '../core/config/config.js'
import {invalid} from '../shared/errors.js'
import {resolveIntegration, type IntegrationEntry, type ResolvedIntegration} from '../core/integration/integration.js'
import {planIntegration, type PatchFromSource} from '../core/write/plan.js'
import {readTextFile} from '../shared/regular-file.js'
import {contentTypeOf} from './http-util.js'

export interface ServedFile {
  /** Path on the preview server. */
  path: string
  content: string
  type: string
  artifact: string
}

export interface Site {
  name: string
  medium: MediaKind
  integration: ResolvedIntegration
  /** `/i/<name>` */
  base: string
  /** Files by server path. */
  files: Map<string, ServedFile>
  /** Server paths of the notable files. */
  paths: {page: string; invite: string; widget?: string; extension?: string; snippet: string; notify: string}
}

export const siteBase = (name: string) => `/i/${name}`
export const GMS_SEGMENT = '/gms'
export const VENDOR_PATH = '/vendor/start'

/** The entry with the host, GWE URL and widget URL pointing at the preview server. */
export function localEntry(entry: IntegrationEntry, origin: string): IntegrationEntry {
  const medium = findMedium(entry.media)
  if (!medium) throw invalid(`integration "${entry.name}": unknown media ${entry.media}`)
  // widgetUrl is dropped so it is derived from the local host / GWE URL.
  const {widgetUrl: _dropped, ...rest} = entry
  void _dropped
  const base = `${origin}${siteBase(entry.name)}`
  const local: IntegrationEntry = {...rest, gweUrl: base}
  if (medium.host) local.host = medium.host.kind === 'full-url' ? `${base}${VENDOR_PATH}` : `${base}${GMS_SEGMENT}`
  return local
}

/**
 * The stand-in GMS answers under a path of the preview server (/i/<name>/gms), which a
 * real GMS host never has, so the host check refuses it: the host (and the widget URL
 * derived from it) are set after resolution instead.
 */
function withLocalGms(integration: ResolvedIntegration, entry: IntegrationEntry, origin: string): ResolvedIntegration {
  if (integration.medium.host?.kind !== 'base-url') return integration
  const host = `${origin}${siteBase(entry.name)}${GMS_SEGMENT}`
  const derived = integration.medium.artifacts.includes('gms-widget') && integration.widgetName !== undefined
  return {...integration, host, widgetUrl: derived ? `${host}${GMS_SAMPLE_PATH}${integration.widgetName}` : integration.widgetUrl}
}

export function planSite(entry: IntegrationEntry, origin: string, configFile: string, patchSource?: PatchFromSource): Site {
  const baseDir = path.dirname(configFile)
  const integration = withLocalGms(resolveIntegration(localEntry(entry, origin)), entry, origin)
  const base = siteBase(integration.name)
  const planned = planIntegration(integration, {baseDir, regenerate: regenerateHint(configFile), readText: readTextFile, patchSource})
  const files = new Map<string, ServedFile>()
  const paths: Partial<Site['paths']> = {page: `${base}/`}
  for (const file of planned) {
    const artifact = file.artifact
    let served: string
    if (artifact === 'invite') served = new URL(integration.inviteUrl).pathname
    else if (artifact === 'gms-widget' || artifact === 'webapi-widget') served = new URL(integration.widgetUrl!).pathname
    else served = `${base}/${ARTIFACTS[artifact as keyof typeof ARTIFACTS].path}`
    files.set(served, {path: served, content: file.content, type: contentTypeOf(served), artifact})
    if (artifact === 'invite') paths.invite = served
    if (artifact === 'gms-widget' || artifact === 'webapi-widget') paths.widget = served
    if (artifact === 'widgets-extension') paths.extension = served
    if (artifact === 'notification-message') paths.snippet = served
    if (artifact === 'notify-sh') paths.notify = served
  }
  if (!paths.invite || !paths.snippet || !paths.notify)
    throw invalid(`integration "${integration.name}": its plan has no invitation or strategy snippet to preview`)
  return {name: integration.name, medium: integration.medium, integration, base, files, paths: paths as Site['paths']}
}
