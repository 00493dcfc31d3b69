/**
 * Every read of the disk a plan needs, in one place: what is at a planned path
 * (readExisting), where a path really leads (the symlink resolver), and the checks that
 * keep writes inside the folders gwe-int owns. Writing is apply.ts.
 */
import fs from 'node:fs'
import path from 'node:path'
import type {ResolvedIntegration} from '../integration/integration.js'
import type {PlannedFile} from './plan.js'
import {CONFIG_NAMES} from '../config/config-schema.js'
import {lockPathOf} from './lock.js'
import {GweIntError, describeFsError, exitForFsError, invalid} from '../../shared/errors.js'
import {openRegularFile, readTextFile} from '../../shared/regular-file.js'

/** What is on disk at a planned path. */
export type Existing = {kind: 'file'; text: string} | {kind: 'dir'} | {kind: 'other'; reason: string} | {kind: 'none'}

/** A patch source: a regular UTF-8 text file, not binary, within the size limit (shared/regular-file.ts). */
export const readText = (file: string) => readTextFile(file)

/** Output folders must stay inside the project (the config's folder), symlinks followed, unless allowed. */
export function checkInside(
  list: ResolvedIntegration[],
  baseDir: string,
  allowOutside: boolean,
  label: (i: ResolvedIntegration) => string,
  realResolve: RealPath,
): void {
  if (allowOutside) return
  const realBase = realResolve(baseDir)
  for (const i of list) {
    const rel = path.relative(realBase, realResolve(path.resolve(baseDir, i.out)))
    if (rel.startsWith('..') || path.isAbsolute(rel))
      throw invalid(
        `${label(i)}: ${i.out} is outside the project folder ${baseDir}${path.relative(baseDir, path.resolve(baseDir, i.out)).startsWith('..') ? '' : ' (through a symlink)'}; pass --allow-outside to write there`,
      )
  }
}

/** Each file must stay inside its integration's output folder (the config inside the project), symlinks followed. */
export function checkFiles(files: PlannedFile[], list: ResolvedIntegration[], baseDir: string, realResolve: RealPath): void {
  const outDir = new Map(list.map((i) => [i.name, path.resolve(baseDir, i.out)]))
  checkTargets(files, (f) => (f.artifact === 'config' ? baseDir : (outDir.get(f.integration) ?? baseDir)), realResolve)
}

/**
 * No generated file may be a config file of the project or lie in a config's lock folder
 * (an "out" or file name such as `gwe-int.config.json.lock`): the config would be
 * replaced, or every later run would find its lock in the way.
 */
export function checkReserved(files: readonly PlannedFile[], configFile: string, realResolve: RealPath): void {
  const baseDir = path.dirname(configFile)
  const configs = [...new Set([configFile, ...CONFIG_NAMES.map((n) => path.join(baseDir, n))])].map((f) => realResolve(f))
  const locks = configs.map(lockPathOf)
  for (const file of files) {
    if (file.artifact === 'config') continue
    const target = realResolve(file.path)
    const config = configs.find((c) => c === target)
    if (config) throw invalid(`${file.path}: is the config file ${configFile === config ? configFile : config}; choose another "out" folder or file name`)
    const lock = locks.find((l) => inside(l, target))
    if (lock) throw invalid(`${file.path}: is inside the config's lock folder ${lock}; choose another "out" folder or file name`)
  }
}

/** Files gwe-int never reads as a previous version (it writes nothing near this size). */
const MAX_EXISTING_BYTES = 32 * 1024 * 1024

/** What is on disk at a path, for assess(). */
export function readExisting(file: string): Existing {
  try {
    // throwIfNoEntry: most planned files do not exist yet, and a thrown error costs far more than the stat.
    const stat = fs.statSync(file, {throwIfNoEntry: false})
    if (!stat) return {kind: 'none'}
    if (stat.isDirectory()) return {kind: 'dir'}
    if (!stat.isFile()) return {kind: 'other', reason: 'is not a regular file (a device, pipe or socket)'}
    if (stat.size > MAX_EXISTING_BYTES) return {kind: 'other', reason: `is ${Math.round(stat.size / 1024 / 1024)} MiB, not a file gwe-int wrote`}
    // Opened without blocking and checked again: a pipe put there since the stat is not waited on.
    const opened = openRegularFile(file)
    if (!opened) return {kind: 'other', reason: 'is not a regular file (a device, pipe or socket)'}
    try {
      return {kind: 'file', text: fs.readFileSync(opened.fd, 'utf8')}
    } finally {
      fs.closeSync(opened.fd)
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    // ENOTDIR: a file sits where a folder of the path should be; apply() reports it by name.
    if (code === 'ENOENT' || code === 'ENOTDIR') return {kind: 'none'}
    throw new GweIntError(`${file}: cannot read (${describeFsError(error)})`, exitForFsError(error))
  }
}

/** lstat of `file`, undefined when it or a folder on its way does not exist (ENOENT, ENOTDIR). */
function lstatIfAny(file: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(file, {throwIfNoEntry: false})
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOTDIR') return undefined
    throw new GweIntError(`${file}: cannot read (${describeFsError(error)})`, exitForFsError(error))
  }
}

/**
 * Where `file` really leads: each existing component's symlinks followed (dangling ones
 * too, by their target text), the part that does not exist yet appended as it is.
 */
export function realResolve(file: string): string {
  return realResolver()(file)
}

/** Links followed to resolve one path before it counts as a loop (as the kernel's ELOOP). */
const MAX_LINK_HOPS = 40

/**
 * realResolve with a memory, for one operation: a plan resolves hundreds of paths under
 * the same few folders, and each folder is looked at once instead of once per path
 * (generate speed). Answers for the disk as it was when first asked.
 */
export function realResolver(): (file: string) => string {
  // `missing`: nothing exists there, so nothing below it does either (no lstat needed).
  const known = new Map<string, {real: string; missing: boolean}>()
  const resolve = (absolute: string, asked: string, hops: number): {real: string; missing: boolean} => {
    let found = known.get(absolute)
    if (found) return found
    const parent = path.dirname(absolute)
    if (parent === absolute) found = {real: absolute, missing: false}
    else {
      const up = resolve(parent, asked, hops)
      const next = path.join(up.real, path.basename(absolute))
      const stat = up.missing ? undefined : lstatIfAny(next)
      if (!stat) found = {real: next, missing: true}
      else if (!stat.isSymbolicLink()) found = {real: next, missing: false}
      else {
        if (hops >= MAX_LINK_HOPS) throw invalid(`${asked}: too many levels of symbolic links`)
        found = resolve(path.resolve(up.real, fs.readlinkSync(next)), asked, hops + 1)
      }
    }
    known.set(absolute, found)
    return found
  }
  return (file) => resolve(path.resolve(file), file, 0).real
}

/** Where a path really leads, symlinks in its existing part followed (realResolve below). */
export type RealPath = (file: string) => string

/** Whether `target` is `root` or below it; both are resolved absolute paths. */
const inside = (root: string, target: string) => {
  // A prefix test where paths compare as strings: path.relative allocates several strings
  // per call, and a generate asks this three times per file. Windows compares paths
  // without regard to case, which path.relative does.
  if (path.sep === '/') return target === root || target.startsWith(root.endsWith('/') ? root : `${root}/`)
  const rel = path.relative(root, target)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

/**
 * Refuse (exit 2) any file whose path, symlinks followed, leaves its output folder
 * `rootOf(file)`: a symlinked sub-folder pointing elsewhere would make gwe-int write
 * outside what it owns, and a symlinked file would be read (and, renamed over, unlinked)
 * as if it were the file gwe-int generated there.
 */
export function checkTargets(files: readonly PlannedFile[], rootOf: (file: PlannedFile) => string, real: RealPath): void {
  const roots = new Map<string, string>()
  for (const file of files) {
    const root = rootOf(file)
    let realRoot = roots.get(root)
    if (realRoot === undefined) roots.set(root, (realRoot = real(root)))
    // The folder the file is renamed into, and the file a link at its name leads to.
    const target = real(file.path)
    if (!inside(realRoot, real(path.dirname(file.path))) || !inside(realRoot, target)) {
      throw invalid(
        `${file.path}: is reached through a symlink that leads to ${target}, outside the output folder ${root}; refusing to write through it (remove the link or point "out" at the real folder)`,
      )
    }
  }
}
