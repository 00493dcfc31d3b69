/**
 * `new` as plain functions of typed options: the answers (from flags, prompts and the
 * config's entry of that name), then the plan of one integration recorded in the config,
 * assessed against the disk. Writing is a separate step (apply.ts) the command decides on.
 */
import fs from 'node:fs'
import path from 'node:path'
import {nextSteps, serviceNotes, warningsFor} from './advice.js'
import {resolveNewAnswers, type NewAnswers, type Resolution, type ResolveOptions} from './integration/answers.js'
import {assess, assessAll} from './write/assess.js'
import {CONFIG_NAMES, type Config} from './config/config-schema.js'
import {findConfig, parseConfig, readConfigText, regenerateHint, upsertEntry} from './config/config.js'
import {checkFiles, checkInside, checkReserved, readExisting, readText, realResolver} from './write/disk.js'
import {resolveIntegration, type IntegrationEntry} from './integration/integration.js'
import {findObsolete} from './write/obsolete.js'
import {checkClashes, expectedPaths, loadSourcePatcher, planIntegration, sortByPath, type PlannedFile} from './write/plan.js'
import type {OperationResult} from './result.js'

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
 * (core/integration/answers.ts). Paths come back relative to the config's folder, as recorded.
 */
export async function resolveNew(
  given: NewAnswers,
  opts: Omit<ResolveOptions, 'lookup' | 'toConfig' | 'fromConfig'> & {cwd: string; config?: string},
): Promise<Resolution> {
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
    const suggestion = mine.out === `widgets/${mine.name}` ? 'another --invite-name' : `--out widgets/${mine.name}`
    return `pass ${suggestion} so ${mine.name} does not replace ${theirs.name}'s files`
  })
  const real = realResolver()
  checkInside([integration], baseDir, opts.allowOutside, () => '--out', real)
  const regenerate = regenerateHint(configFile)
  const planned = planIntegration(integration, {baseDir, regenerate, readText, patchSource: await loadSourcePatcher([integration])})
  const configPlanned: PlannedFile = {path: configFile, content: configText, integration: integration.name, artifact: 'config', executable: false}
  checkFiles([...planned, configPlanned], [integration], baseDir, real)
  checkReserved(planned, configFile, real)
  const folders = [integration, ...(previous ? [resolveIntegration(previous)] : [])].map((i) => ({
    dir: path.resolve(baseDir, i.out),
    integration: integration.name,
  }))
  const obsolete = findObsolete({folders, expected: expectedPaths(all, baseDir), regenerate, force: opts.force, read: readExisting})
  // The config is merged, never a conflict: only the integration's own files are checked.
  const files = sortByPath([
    ...(await assessAll(planned, readExisting, {force: opts.force})),
    ...obsolete,
    ...assess([configPlanned], readExisting, {force: true}),
  ])
  const {note, deprecation} = integration.medium
  return {
    files,
    integrations: [integration],
    configFile,
    baseDir,
    warnings: warningsFor([integration]),
    notes: [...(note ? [note] : []), ...serviceNotes(integration), ...(deprecation ? [`Deprecated: ${deprecation.text}`] : [])],
    nextSteps: nextSteps([integration], files, opts.cwd),
  }
}

const toPosix = (p: string) => p.split(path.sep).join('/')
