/**
 * Writes an assessed plan all or nothing: every file goes to a temp file in its
 * own folder first; only when all were written are they renamed into place, each
 * existing file kept as a hard-linked backup until the end. If any step fails, or
 * Ctrl-C arrives (SIGINT is deferred while writing), renamed files get their backups
 * back (same bytes, same mode), temp files and created folders are removed, and the
 * error names the path (or says it was interrupted: exit 130).
 */
import fs from 'node:fs'
import path from 'node:path'
import type {AssessedFile, Existing} from './assess.js'
import {GweIntError, EXIT, invalid} from './errors.js'

export interface ApplyResult {
  written: string[]
}

export interface ApplyOptions {
  /**
   * Aborting it rolls the write back and makes apply throw an interrupted error
   * (exit 130). Without one, apply listens for SIGINT itself while it writes.
   */
  signal?: AbortSignal
}

/**
 * Test hook, read only when set: milliseconds to wait after the temp files are written
 * and before the first rename, so a test can send SIGINT (or put something in the way)
 * at that point (test/e2e/safety.test.ts).
 */
export const TEST_PAUSE_ENV = 'GWE_INT_TEST_PAUSE_BEFORE_RENAME'

const INTERRUPTED = Symbol('interrupted')

export async function apply(files: AssessedFile[], opts: ApplyOptions = {}): Promise<ApplyResult> {
  if (opts.signal) return write(files, opts.signal)
  const controller = new AbortController()
  const onSigint = () => controller.abort()
  // While this listener is installed Ctrl-C does not kill the process: write() notices
  // the abort at its next check, rolls back, and the command exits 130.
  process.on('SIGINT', onSigint)
  try {
    return await write(files, controller.signal)
  } finally {
    process.off('SIGINT', onSigint)
  }
}

interface Step {
  file: AssessedFile
  temp: string
  backup?: string
  renamed?: boolean
}

async function write(files: AssessedFile[], signal: AbortSignal): Promise<ApplyResult> {
  const todo = files.filter((f) => f.status === 'created' || f.status === 'updated')
  const createdDirs: string[] = []
  const steps: Step[] = []
  let current = ''
  const check = () => {
    if (signal.aborted) throw INTERRUPTED
  }
  try {
    for (const file of todo) {
      current = file.path
      mkdirs(path.dirname(file.path), createdDirs)
      const step: Step = {file, temp: sibling(file.path, 'tmp')}
      steps.push(step)
      fs.writeFileSync(step.temp, file.content, {mode: file.executable ? 0o755 : 0o644, flag: 'wx'})
    }
    await pause(Number(process.env[TEST_PAUSE_ENV] ?? 0), signal)
    check()
    for (const step of steps) {
      current = step.file.path
      step.backup = backup(step.file.path)
      fs.renameSync(step.temp, step.file.path)
      step.renamed = true
    }
    await pause(0, signal)
    check()
  } catch (error) {
    rollback(steps, createdDirs)
    if (error === INTERRUPTED) throw new GweIntError('interrupted; nothing was written', EXIT.interrupted)
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message
    throw new GweIntError(`could not write ${current} (${reason}); nothing was changed`, EXIT.invalid)
  }
  for (const step of steps) if (step.backup) fs.rmSync(step.backup, {force: true})
  return {written: todo.map((f) => f.path)}
}

/** `.name.gwe-int-<pid>.<kind>` next to `file`: same folder, so rename is atomic. */
const sibling = (file: string, kind: 'tmp' | 'bak') => path.join(path.dirname(file), `.${path.basename(file)}.gwe-int-${process.pid}.${kind}`)

function mkdirs(dir: string, created: string[]): void {
  if (fs.existsSync(dir)) return
  mkdirs(path.dirname(dir), created)
  try {
    fs.mkdirSync(dir)
    created.push(dir)
  } catch (error) {
    // Another process (a parallel gwe-int in the same project) made it meanwhile: use it, and
    // leave it in place on rollback since it is not ours.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !fs.statSync(dir).isDirectory()) throw error
  }
}

/** Keep what is at `file` now (a hard link: same bytes and mode, nothing copied). */
function backup(file: string): string | undefined {
  if (!fs.lstatSync(file, {throwIfNoEntry: false})) return undefined
  const bak = sibling(file, 'bak')
  try {
    fs.linkSync(file, bak)
  } catch {
    fs.copyFileSync(file, bak) // file systems without hard links
  }
  return bak
}

/** Waits `ms` (0: one turn of the event loop, so a pending SIGINT is seen), less if aborted. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve()
    const done = () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = ms > 0 ? setTimeout(done, ms) : undefined
    if (!timer) setImmediate(done)
    signal.addEventListener('abort', done)
  })
}

function rollback(steps: Step[], createdDirs: string[]): void {
  const attempt = (undo: () => void) => {
    try {
      undo()
    } catch {
      // Best effort: the error already reported names the path that failed.
    }
  }
  for (const step of [...steps].reverse()) {
    if (step.renamed && step.backup) attempt(() => fs.renameSync(step.backup!, step.file.path))
    else if (step.renamed) attempt(() => fs.rmSync(step.file.path, {force: true}))
    else if (step.backup) attempt(() => fs.rmSync(step.backup!, {force: true}))
    attempt(() => fs.rmSync(step.temp, {force: true}))
  }
  for (const dir of [...createdDirs].reverse()) {
    try {
      fs.rmdirSync(dir)
    } catch {
      // not empty: something else lives there now
    }
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
    return {kind: 'file', text: fs.readFileSync(file, 'utf8')}
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    // ENOTDIR: a file sits where a folder of the path should be; apply() reports it by name.
    if (code === 'ENOENT' || code === 'ENOTDIR') return {kind: 'none'}
    throw invalid(`${file}: cannot read (${code ?? (error as Error).message})`)
  }
}

/** lstat of `file`, undefined when it or a folder on its way does not exist (ENOENT, ENOTDIR). */
function lstatIfAny(file: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(file, {throwIfNoEntry: false})
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOTDIR') return undefined
    throw invalid(`${file}: cannot read (${code ?? (error as Error).message})`)
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
