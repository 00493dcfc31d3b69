/**
 * The two generating operations as plain functions of typed options: `new`
 * (one integration from answers, recorded in the config) and `generate` (every
 * integration of the config). Both build a plan, assess it against the disk and
 * hand it back; writing is a separate step (apply.ts) the command decides on.
 */
import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import type * as Diff from 'diff'
import {assess, checkTargets, type AssessedFile, type RealPath} from './assess.js'
import {readExisting, realResolver} from './apply.js'
import {CONFIG_NAMES, findConfig, parseConfig, readConfigText, regenerateHint, upsertEntry, type Config} from './config.js'
import {invalid} from './errors.js'
import {findLeftovers} from './leftovers.js'
import {resolveIntegration, type IntegrationEntry, type ResolvedIntegration} from './integration.js'
import {loadSourcePatcher, planAll, type PlannedFile} from './plan.js'
import {readTextFile} from './read-source.js'

export interface OperationResult {
  /** Plan entries with their status, sorted by path; the config file (for `new`) included. */
  files: AssessedFile[]
  integrations: ResolvedIntegration[]
  configFile: string
  baseDir: string
}

/** A patch source: a regular UTF-8 text file, not binary, within the size limit (read-source.ts). */
export const readText = (file: string) => readTextFile(file)

/** Output folders must stay inside the project (the config's folder), symlinks followed, unless allowed. */
function checkInside(list: ResolvedIntegration[], baseDir: string, allowOutside: boolean, label: (i: ResolvedIntegration) => string, realResolve: RealPath): void {
  if (allowOutside) return
  const realBase = realResolve(baseDir)
  for (const i of list) {
    const rel = path.relative(realBase, realResolve(path.resolve(baseDir, i.out)))
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw invalid(`${label(i)}: ${i.out} is outside the project folder ${baseDir}${path.relative(baseDir, path.resolve(baseDir, i.out)).startsWith('..') ? '' : ' (through a symlink)'}; pass --allow-outside to write there`)
  }
}

/** Each file must stay inside its integration's output folder (the config inside the project), symlinks followed. */
function checkFiles(files: PlannedFile[], list: ResolvedIntegration[], baseDir: string, realResolve: RealPath): void {
  const outDir = new Map(list.map((i) => [i.name, path.resolve(baseDir, i.out)]))
  checkTargets(files, (f) => (f.artifact === 'config' ? baseDir : outDir.get(f.integration) ?? baseDir), realResolve)
}

export interface NewOptions {
  cwd: string
  config?: string
  force: boolean
  allowOutside: boolean
}

/** The config `new` records its answers in: the given one, an existing one in `cwd`, or a new gwe-int.config.json. */
export const newConfigFile = (cwd: string, given: string | undefined) => findConfig(cwd, given, fs.existsSync) ?? path.join(cwd, CONFIG_NAMES[0])

/** Plan `new`: the integration's files plus the config file with the entry upserted. */
export async function planNew(entry: IntegrationEntry, opts: NewOptions): Promise<OperationResult> {
  const configFile = newConfigFile(opts.cwd, opts.config)
  const baseDir = path.dirname(configFile)
  // Paths given on the command line are relative to the cwd; the config stores them relative to itself.
  const relocate = (p: string | undefined) => (p === undefined ? undefined : toPosix(path.relative(baseDir, path.resolve(opts.cwd, p)) || '.'))
  const stored: IntegrationEntry = {
    ...entry,
    ...(entry.out === undefined ? {} : {out: relocate(entry.out)}),
    ...(entry.templates === undefined ? {} : {templates: relocate(entry.templates)}),
    ...(entry.inviteSource === undefined ? {} : {inviteSource: relocate(entry.inviteSource)}),
    ...(entry.widgetSource === undefined ? {} : {widgetSource: relocate(entry.widgetSource)}),
  }
  const configText = await upsertEntry(fs.existsSync(configFile) ? readConfigText(configFile) : undefined, configFile, stored)
  const integration = resolveIntegration(stored)
  const real = realResolver()
  checkInside([integration], baseDir, opts.allowOutside, () => '--out', real)
  const planned = planAll([integration], {baseDir, regenerate: regenerateHint(configFile), readText, patchSource: await loadSourcePatcher([integration])})
  const configPlanned: PlannedFile = {path: configFile, content: configText, integration: integration.name, artifact: 'config', executable: false}
  checkFiles([...planned, configPlanned], [integration], baseDir, real)
  // The config is merged, never a conflict: only the integration's own files are checked.
  const files = [...assess(planned, readExisting, opts.force), ...assess([configPlanned], readExisting, true)]
  return {files, integrations: [integration], configFile, baseDir}
}

export interface GenerateOptions {
  cwd: string
  config?: string
  only?: string[]
  force: boolean
  allowOutside: boolean
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
  const list = entries.map(resolveIntegration)
  const real = realResolver()
  checkInside(list, baseDir, opts.allowOutside, (i) => `${file}: integrations[${config.integrations.findIndex((e) => e.name === i.name)}].out`, real)
  const planned = planAll(list, {baseDir, regenerate: regenerateHint(file), readText, patchSource: await loadSourcePatcher(list)})
  checkFiles(planned, list, baseDir, real)
  return {files: assess(planned, readExisting, opts.force), integrations: list, configFile: file, baseDir}
}

/** `diff` is needed only to show differences, so it is loaded on first use (start-up time). */
const loadDiff = (): typeof Diff => createRequire(import.meta.url)('diff') as typeof Diff

/** A unified diff of one planned file against the disk (`--check`, conflicts). */
export function diffOf(file: AssessedFile, baseDir: string): string {
  const rel = toPosix(path.relative(baseDir, file.path))
  return loadDiff().createTwoFilesPatch(`a/${rel}`, `b/${rel}`, file.previous ?? '', file.content, file.previous === undefined ? '(missing)' : '', '(generated)', {context: 3})
}

const toPosix = (p: string) => p.split(path.sep).join('/')
