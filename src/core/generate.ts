/**
 * `generate` as a plain function of typed options: every integration of the config
 * planned in memory and assessed against the disk. Writing is a separate step
 * (apply.ts) the command decides on.
 */
import fs from 'node:fs'
import path from 'node:path'
import {nextSteps, warningsFor} from './advice.js'
import {assessAll} from './write/assess.js'
import {CONFIG_NAMES, type Config} from './config/config-schema.js'
import {findConfig, parseConfig, readConfigText, regenerateHint} from './config/config.js'
import {checkFiles, checkInside, checkReserved, readExisting, readText, realResolver} from './write/disk.js'
import {invalid} from '../shared/errors.js'
import {findLeftovers} from './write/leftovers.js'
import {resolveIntegration, type IntegrationEntry} from './integration/integration.js'
import {findObsolete} from './write/obsolete.js'
import {checkClashes, expectedPaths, loadSourcePatcher, planAll, sortByPath} from './write/plan.js'
import type {OperationResult} from './result.js'

export interface GenerateOptions {
  cwd: string
  config?: string
  only?: string[]
  force: boolean
  allowOutside: boolean
  /** A folder of template overrides (relative to the cwd) for every integration, this run only. */
  templates?: string
}

export async function loadConfig(cwd: string, given: string | undefined): Promise<{file: string; config: Config}> {
  const file = findConfig(cwd, given, fs.existsSync)
  if (!file) throw invalid(`no config: none of ${CONFIG_NAMES.join(', ')} in ${cwd}; create one with "gwe-int new" or pass --config`)
  if (!fs.existsSync(file)) throw invalid(`${file}: config not found`)
  return {file, config: await parseConfig(readConfigText(file), file)}
}

/** The config's integrations, or those `--only` names (an unknown name is an error listing the known ones). */
export function selectIntegrations(config: Config, file: string, only: string[] | undefined): IntegrationEntry[] {
  if (!only || only.length === 0) return config.integrations
  const names = new Set(config.integrations.map((e) => e.name))
  const unknown = only.filter((n) => !names.has(n))
  if (unknown.length > 0) throw invalid(`--only: no integration named ${unknown.join(', ')} in ${file}; it has ${[...names].join(', ') || 'none'}`)
  return config.integrations.filter((e) => only.includes(e.name))
}

/** The config `generate` reads, when there is one (planGenerate reports a missing one). */
export const generateConfigFile = (cwd: string, given: string | undefined) => findConfig(cwd, given, fs.existsSync)

/** Stale temp/backup files of killed runs in the folders a plan writes and the config's folder (`--check`). */
export const leftoversOf = (result: OperationResult): string[] => findLeftovers([...result.files.map((f) => path.dirname(f.path)), result.baseDir])

/** Plan `generate`: every integration of the config (or those named by --only). */
export async function planGenerate(opts: GenerateOptions): Promise<OperationResult> {
  const {file, config} = await loadConfig(opts.cwd, opts.config)
  const baseDir = path.dirname(file)
  const entries = selectIntegrations(config, file, opts.only)
  const templates = opts.templates === undefined ? undefined : path.resolve(opts.cwd, opts.templates)
  if (templates !== undefined && !fs.statSync(templates, {throwIfNoEntry: false})?.isDirectory())
    throw invalid(`--templates: ${opts.templates} is not a folder; create one with "gwe-int templates eject --out ${opts.templates}"`)
  const list = entries.map(resolveIntegration).map((i) => (templates === undefined ? i : {...i, templates}))
  const real = realResolver()
  checkInside(list, baseDir, opts.allowOutside, (i) => `${file}: integrations[${config.integrations.findIndex((e) => e.name === i.name)}].out`, real)
  // Every integration's paths, also those --only leaves out: their files are not obsolete.
  const all = config.integrations.map(resolveIntegration)
  if (entries.length !== all.length) checkClashes(all, baseDir, () => 'give them different "out" folders or file names')
  const regenerate = regenerateHint(file)
  const planned = await planAll(list, {baseDir, regenerate, readText, patchSource: await loadSourcePatcher(list)})
  checkFiles(planned, list, baseDir, real)
  checkReserved(planned, file, real)
  const folders = list.map((i) => ({dir: path.resolve(baseDir, i.out), integration: i.name}))
  const obsolete = findObsolete({folders, expected: expectedPaths(all, baseDir), regenerate, force: opts.force, read: readExisting})
  const files = sortByPath([...(await assessAll(planned, readExisting, {force: opts.force})), ...obsolete])
  return {files, integrations: list, configFile: file, baseDir, warnings: warningsFor(list), notes: [], nextSteps: nextSteps(list, files, opts.cwd)}
}
