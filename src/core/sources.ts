/**
 * Integrations built from a team's own invite.html / GMS index.html: the source is
 * patched (src/patch) with fragments rendered from the same templates the built-in
 * files use, so both paths stay in step.
 */
import type {ArtifactId} from '../catalog/media.js'
import type {TemplateSet} from '../render/templates.js'
import {buildContext} from './context.js'
import {invalid} from './errors.js'
import type {ResolvedIntegration} from './integration.js'

export function patchFromSource(_artifact: ArtifactId, file: string, _i: ResolvedIntegration, _templates: TemplateSet, _readText: (file: string) => string): string {
  void buildContext
  throw invalid(`${file}: patching a source file is not available yet`)
}
