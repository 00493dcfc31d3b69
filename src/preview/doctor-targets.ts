/**
 * `gwe-int doctor --preview URL`: the config's integrations as a running preview at URL
 * serves them (site.ts), as doctor targets. Here rather than in core/doctor, which may not
 * import the preview.
 */
import path from 'node:path'
import {type DoctorTarget, selectNamed} from '../core/doctor/index.js'
import {loadConfig} from '../core/generate.js'
import {artifactPaths, loadSourcePatcher} from '../core/write/plan.js'
import {invalid} from '../shared/errors.js'
import {planSite} from './site.js'

export async function previewTargets(cwd: string, opts: {config?: string; integration?: readonly string[]; preview: string}): Promise<DoctorTarget[]> {
  const origin = previewOrigin(opts.preview)
  const {file, config} = await loadConfig(cwd, opts.config)
  const entries = selectNamed(config.integrations, file, opts.integration)
  const patchSource = await loadSourcePatcher(entries)
  return entries.map((e) => {
    const site = planSite(e, origin, file, patchSource)
    // Where generate writes each file, for the fix lines (the preview serves them from memory).
    const written = new Map<string, string>(artifactPaths(site.integration, path.dirname(file)).map((a) => [a.id, a.path]))
    const files = [...site.files.values()].map((f) => ({
      artifact: f.artifact as DoctorTarget['files'][number]['artifact'],
      content: f.content,
      path: written.get(f.artifact) ?? f.path,
    }))
    return {integration: site.integration, files}
  })
}

/** The origin of the URL `gwe-int preview` printed. */
function previewOrigin(url: string): string {
  let origin: string
  try {
    origin = new URL(url).origin
  } catch {
    throw invalid(`--preview ${url}: not a URL; give the URL "gwe-int preview" printed, e.g. http://127.0.0.1:8080/`)
  }
  if (!/^http:\/\//.test(origin)) throw invalid(`--preview ${url}: the preview serves http:// on 127.0.0.1`)
  return origin
}
