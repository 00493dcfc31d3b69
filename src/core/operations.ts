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
import {nextSteps, warningsFor, type Warning} from './advice.js'
import {assess, checkTargets, type AssessedFile, type RealPath} from './assess.js'
import {readExisting, realResolver} from './apply.js'
import {resolveNewAnswers, type NewAnswers, type Resolution, type ResolveOptions} from './answers.js'
import {CONFIG_NAMES, findConfig, parseConfig, readConfigText, regenerateHint, upsertEntry, type Config} from './config.js'
import {invalid} from './errors.js'
import {findLeftovers} from './leftovers.js'
import {resolveIntegration, type IntegrationEntry, type ResolvedIntegration} from './integration.js'
import {withoutHeader} from './header.js'
import {findObsolete} from './obsolete.js'
import {artifactPaths, checkClashes, loadSourcePatcher, planAll, planIntegration, type PlannedFile} from './plan.js'
import {readTextFile} from './read-source.js'

export interface OperationResult {
  /** Plan entries with their status, sorted by path; the config file (for `new`) included. */
  files: AssessedFile[]
  integrations: ResolvedIntegration[]
  configFile: string
  baseDir: string
  /** What the integrator must fix or know before going to production (advice.ts). */
  warnings: Warning[]
  /** Where the files go next, relative to the cwd. */
  nextSteps: string[]
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

async function readConfigIfAny(file: string): Promise<{text: string; config: Config} | undefined> {
  if (!fs.existsSync(file)) return undefined
  const text = readConfigText(file)
  return {text, config: await parseConfig(text, file)}
}

/**
 * The answers of `new`, starting from the config's entry of that name when there is one
 * (core/answers.ts). Paths come back relative to the config's folder, as recorded.
 */
export async function resolveNew(given: NewAnswers, opts: Omit<ResolveOptions, 'lookup' | 'toConfig' | 'fromConfig'> & {cwd: string; config?: string}): Promise<Resolution> {
  const configFile = newConfigFile(opts.cwd, opts.config)
  const baseDir = path.dirname(configFile)
  const current = await readConfigIfAny(configFile)
  return resolveNewAnswers(given, {
    ...opts,
    lookup: (name) => current?.config.integrations.find((e) => e.name === name),
    toConfig: (p) => toPosix(path.relative(baseDir, path.resolve(opts.cwd, p)) || '.'),
    fromConfig: (p) => toPosix(path.relative(opts.cwd, path.resolve(baseDir, p)) || '.'),
  })
}

/**
 * Plan `new`: the integration's files, the config file with the entry upserted, and the
 * deletes of files it wrote before that it no longer writes. `entry` is as the config
 * records it (resolveNew). The whole config is checked as generate checks it, so `new`
 * never leaves a config that generate refuses.
 */
export async function planNew(entry: IntegrationEntry, opts: NewOptions): Promise<OperationResult> {
  const configFile = newConfigFile(opts.cwd, opts.config)
  const baseDir = path.dirname(configFile)
  const current = await readConfigIfAny(configFile)
  const configText = await upsertEntry(current?.text, configFile, entry)
  const others = (current?.config.integrations ?? []).filter((e) => e.name !== entry.name)
  const previous = current?.config.integrations.find((e) => e.name === entry.name)
  const integration = resolveIntegration(entry)
  const all = [...others.map(resolveIntegration), integration]
  checkClashes(all, baseDir, (a, b) => {
    const mine = a === integration ? a : b
    const theirs = a === integration ? b : a
    const suggestion = mine.out === `widgets/${mine.name}` ? 'another --name' : `--out widgets/${mine.name}`
    return `pass ${suggestion} so ${mine.name} does not replace ${theirs.name}'s files`
  })
  const real = realResolver()
  checkInside([integration], baseDir, opts.allowOutside, () => '--out', real)
  const regenerate = regenerateHint(configFile)
  const planned = planIntegration(integration, {baseDir, regenerate, readText, patchSource: await loadSourcePatcher([integration])})
  const configPlanned: PlannedFile = {path: configFile, content: configText, integration: integration.name, artifact: 'config', executable: false}
  checkFiles([...planned, configPlanned], [integration], baseDir, real)
  const folders = [integration, ...(previous ? [resolveIntegration(previous)] : [])].map((i) => ({dir: path.resolve(baseDir, i.out), integration: integration.name}))
  const leftovers = findObsolete({folders, expected: expectedPaths(all, baseDir), regenerate, force: opts.force, read: readExisting})
  // The config is merged, never a conflict: only the integration's own files are checked.
  const files = sortByPath([...assess(planned, readExisting, opts.force), ...leftovers, ...assess([configPlanned], readExisting, true)])
  return {files, integrations: [integration], configFile, baseDir, warnings: warningsFor([integration]), nextSteps: nextSteps([integration], files, opts.cwd)}
}

/** Every file the integrations write, without rendering them. */
function expectedPaths(list: ResolvedIntegration[], baseDir: string): Set<string> {
  return new Set(list.flatMap((i) => artifactPaths(i, baseDir).map((a) => a.path)))
}

const sortByPath = <T extends {path: string}>(files: T[]): T[] => files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))

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
  if (templates !== undefined && !fs.statSync(templates, {throwIfNoEntry: false})?.isDirectory()) throw invalid(`--templates: ${opts.templates} is not a folder; create one with "gwe-int templates eject --out ${opts.templates}"`)
  const list = entries.map(resolveIntegration).map((i) => (templates === undefined ? i : {...i, templates}))
  const real = realResolver()
  checkInside(list, baseDir, opts.allowOutside, (i) => `${file}: integrations[${config.integrations.findIndex((e) => e.name === i.name)}].out`, real)
  // Every integration's paths, also those --only leaves out: their files are not leftovers.
  const all = config.integrations.map(resolveIntegration)
  if (entries.length !== all.length) checkClashes(all, baseDir, () => 'give them different "out" folders or file names')
  const regenerate = regenerateHint(file)
  const planned = planAll(list, {baseDir, regenerate, readText, patchSource: await loadSourcePatcher(list)})
  checkFiles(planned, list, baseDir, real)
  const folders = list.map((i) => ({dir: path.resolve(baseDir, i.out), integration: i.name}))
  const leftovers = findObsolete({folders, expected: expectedPaths(all, baseDir), regenerate, force: opts.force, read: readExisting})
  const files = sortByPath([...assess(planned, readExisting, opts.force), ...leftovers])
  return {files, integrations: list, configFile: file, baseDir, warnings: warningsFor(list), nextSteps: nextSteps(list, files, opts.cwd)}
}

/** `diff` is needed only to show differences, so it is loaded on first use (start-up time). */
const loadDiff = (): typeof Diff => createRequire(import.meta.url)('diff') as typeof Diff

/**
 * A unified diff of one planned file against the disk (`--check`, conflicts): the content
 * only, without the header line whose checksum changes with any edit. A leftover shows
 * as all of it removed.
 */
export function diffOf(file: AssessedFile, baseDir: string): string {
  const rel = toPosix(path.relative(baseDir, file.path))
  const removed = file.action === 'delete'
  const before = file.previous === undefined ? '' : withoutHeader(file.previous)
  const after = removed ? '' : withoutHeader(file.content)
  return loadDiff().createTwoFilesPatch(`a/${rel}`, `b/${rel}`, before, after, file.previous === undefined ? '(missing)' : '', removed ? '(no longer generated)' : '(generated)', {context: 3})
}

const toPosix = (p: string) => p.split(path.sep).join('/')
