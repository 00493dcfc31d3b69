/**
 * Integrations built from a team's own invite.html / GMS index.html: the source is
 * patched (src/patch) with fragments rendered from the same template partials the
 * built-in files use, so both paths stay in step. Also used by `gwe-int patch`.
 */
import type {ArtifactId} from '../../catalog/media.js'
import type {TemplateSet} from '../../render/templates.js'
import {buildContext} from '../integration/template-context.js'
import {invalid} from '../../shared/errors.js'
import type {ResolvedIntegration} from '../integration/integration.js'
import {detectKind, patchInvite, patchWidget, type InvitePatchSpec, type PatchResult, type SourceKind, type WidgetPatchSpec} from '../../patch/index.js'

/** Leading `//` comment lines of a rendered partial (they explain the template, not the patch target). */
function declarationOnly(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  let start = 0
  while (start < lines.length && (lines[start].trim().startsWith('//') || lines[start].trim() === '')) start += 1
  return lines.slice(start).join('\n').replace(/\s+$/, '')
}

export function invitePatchSpec(i: ResolvedIntegration, templates: TemplateSet): InvitePatchSpec | undefined {
  if (!i.medium.starterTemplate) return undefined // built-in GWE media keep startChat()/startCallback()
  const context = buildContext(i)
  return {
    starterName: i.medium.starter,
    starterSource: declarationOnly(templates.render(`invite/starter-${i.medium.starterTemplate}.js`, context)),
    branches: context.branches.map((b) => ({type: b.type as 'CHAT' | 'CALLBACK', call: b.call})),
  }
}

export function widgetPatchSpec(i: ResolvedIntegration, templates: TemplateSet): WidgetPatchSpec {
  const context = buildContext(i)
  return {
    functions: [
      {name: 'getUrlVars', source: declarationOnly(templates.render('shared/get-url-vars.js', context))},
      {name: 'gpeStartScenario', source: declarationOnly(templates.render('patch/gpe-start-scenario.js', context))},
    ],
    connectStatements: templates.render('gms-widget/attached-data.js', context).replace(/\s+$/, ''),
    // The integration guide calls gpeStartScenario() from the page's ready callback.
    readyCall: 'gpeStartScenario();',
  }
}

const KIND_OF: Partial<Record<ArtifactId, SourceKind>> = {invite: 'invite', 'gms-widget': 'gms-widget'}
const KIND_NAME: Record<SourceKind, string> = {invite: 'an invitation widget (invite.html)', 'gms-widget': 'a GMS sample widget (index.html)'}

/** Patch `text` (from `file`) as `kind` for integration `i`. */
export function patchSource(kind: SourceKind, text: string, file: string, i: ResolvedIntegration, templates: TemplateSet): PatchResult {
  if (kind === 'invite') {
    const spec = invitePatchSpec(i, templates)
    return spec ? patchInvite(text, file, spec) : {content: text, changed: false, changes: []}
  }
  if (!i.medium.artifacts.includes('gms-widget')) throw invalid(`${file}: ${i.medium.id} has no GMS widget to patch; it applies to gms-chat and gms-callback`)
  return patchWidget(text, file, widgetPatchSpec(i, templates))
}

/** For plan.ts: the patched copy of the integration's invite/widget source. */
export function patchFromSource(
  artifact: ArtifactId,
  file: string,
  i: ResolvedIntegration,
  templates: TemplateSet,
  readText: (file: string) => string,
): string {
  const text = readText(file)
  const expected = KIND_OF[artifact]!
  const found = detectKind(text, file)
  if (found !== expected) throw invalid(`${file}: expected ${KIND_NAME[expected]} but this looks like ${KIND_NAME[found]}`)
  return patchSource(expected, text, file, i, templates).content
}
