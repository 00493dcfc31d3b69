/**
 * What doctor checks for one integration: the integration as the config resolves it and
 * the bytes `generate` writes for it, planned in memory (nothing is written).
 */
import path from 'node:path'
import type {ArtifactId} from '../../catalog/media.js'
import {regenerateHint} from '../config/config.js'
import {readText} from '../write/disk.js'
import {loadConfig} from '../generate.js'
import {resolveIntegration, type ResolvedIntegration} from '../integration/integration.js'
import {loadSourcePatcher, planIntegration} from '../write/plan.js'
import {invalid} from '../../shared/errors.js'

export interface GeneratedFile {
  artifact: ArtifactId
  content: string
  /** Where `generate` writes it (absolute). */
  path: string
}

export interface DoctorTarget {
  integration: ResolvedIntegration
  files: GeneratedFile[]
}

/** The config's integrations (or those named), each with its generated files. */
export async function targetsFromConfig(
  cwd: string,
  config: string | undefined,
  names: readonly string[] | undefined,
): Promise<{configFile: string; targets: DoctorTarget[]}> {
  const {file, config: parsed} = await loadConfig(cwd, config)
  const entries = selectNamed(parsed.integrations, file, names)
  const baseDir = path.dirname(file)
  const list = entries.map(resolveIntegration)
  const patchSource = await loadSourcePatcher(list)
  const regenerate = regenerateHint(file)
  const targets = list.map((integration) => ({
    integration,
    files: planIntegration(integration, {baseDir, regenerate, readText, patchSource})
      .filter((f) => f.artifact !== 'config' && f.artifact !== 'backup' && f.artifact !== 'template' && f.artifact !== 'obsolete')
      .map((f) => ({artifact: f.artifact as ArtifactId, content: f.content, path: f.path})),
  }))
  return {configFile: file, targets}
}

/** The entries `--integration` names (all when none); an unknown name is bad input listing the known ones. */
export function selectNamed<T extends {name: string}>(entries: readonly T[], file: string, names: readonly string[] | undefined): T[] {
  if (!names || names.length === 0) return [...entries]
  const known = new Set(entries.map((e) => e.name))
  const unknown = names.filter((n) => !known.has(n))
  if (unknown.length > 0) throw invalid(`--integration: no integration named ${unknown.join(', ')} in ${file}; it has ${[...known].join(', ') || 'none'}`)
  return entries.filter((e) => names.includes(e.name))
}
