/**
 * Writes an assessed plan all or nothing: every file goes to a temp file in its own
 * folder first (a name unique to this process and this write, flushed to the disk);
 * only when all were written are they renamed into place, each existing file kept as a
 * hard-linked backup until the end, and the folders are flushed so the renames survive
 * a power loss. Backup artifacts (`patch --in-place`'s FILE.bak) are put in place and
 * flushed before any other file is replaced, so the original is never lost. If any step
 * fails, or a stop signal arrives (SIGINT, SIGTERM and SIGHUP are deferred while
 * writing, see signals.ts), renamed files get their backups back (same bytes, same
 * mode), temp files and created folders are removed, and the error names the path (or
 * says it was interrupted: exit 130, 143 or 129). After a successful write, stale temp
 * and backup files of killed runs are removed from the folders of the plan
 * (leftovers.ts).
 *
 * Plan entries with status "deleted" are removed the same way: kept as a backup until
 * the end, put back on rollback.
 */
import fs from 'node:fs'
import path from 'node:path'
import type {AssessedFile} from './assess.js'
import {GweIntError, describeFsError, exitForFsError} from '../../shared/errors.js'
import {findLeftovers, leftoverName, removeLeftovers} from './leftovers.js'
import {afterWrite, onStopSignals, SIGNAL_EXIT, signalOf} from './signals.js'

export interface ApplyResult {
  /** Files created or replaced. */
  written: string[]
  /** Files removed (plan entries with status "deleted"). */
  deleted: string[]
  /** Stale temp and backup files of earlier, killed runs that were removed. */
  swept: string[]
}

export interface ApplyOptions {
  /**
   * Aborting it (with a signal name as the reason) rolls the write back and makes apply
   * throw an interrupted error. Without one, apply listens for SIGINT, SIGTERM and
   * SIGHUP itself while it writes.
   */
  signal?: AbortSignal
  /** More folders to clear of stale leftovers, besides those of the plan's files. */
  sweep?: readonly string[]
}

/**
 * Test hook, read only when set: milliseconds to wait after the temp files are written
 * and before the first rename, so a test can send a signal (or put something in the way)
 * at that point (test/e2e/safety.test.ts).
 */
export const TEST_PAUSE_ENV = 'GWE_INT_TEST_PAUSE_BEFORE_RENAME'
/**
 * Test hook, read only when set: `after-backups:<ms>` (backup artifacts renamed, nothing
 * else yet) or `after-write:<ms>` (every file in place, before apply returns).
 */
export const TEST_PAUSE_AT_ENV = 'GWE_INT_TEST_PAUSE_AT'

const INTERRUPTED = Symbol('interrupted')

export async function apply(files: AssessedFile[], opts: ApplyOptions = {}): Promise<ApplyResult> {
  if (opts.signal) return write(files, opts.signal, opts.sweep ?? [])
  const controller = new AbortController()
  // While these listeners are installed a stop signal does not kill the process: write()
  // notices the abort at its next await, rolls back, and the command exits 128 + signal.
  const off = onStopSignals((signal) => controller.abort(signal))
  let result: ApplyResult
  try {
    result = await write(files, controller.signal, opts.sweep ?? [])
  } finally {
    off()
  }
  // A signal that came after the last rename (or comes from now on) changes nothing on disk.
  afterWrite(result.written.length + result.deleted.length, controller.signal.aborted ? signalOf(controller.signal.reason) : undefined)
  return result
}

interface Step {
  file: AssessedFile
  temp?: string
  backup?: string
  /** The temp file (or, for a deletion, the file) is no longer where it was. */
  renamed?: boolean
}

/** Temp files written before their contents are flushed together (fsync in parallel on libuv's pool). */
const BATCH = 64

/** fs.fsync as a promise, looked up at each call (tests watch it); promisify at each call would cost a generate ~5 ms. */
const fsync = (fd: number) => new Promise<void>((resolve, reject) => fs.fsync(fd, (error) => (error ? reject(error) : resolve())))

/** What a write has done so far: what a rollback undoes, and the file an error names. */
interface Progress {
  /** Part of this write's temp and backup names. */
  id: string
  steps: Step[]
  createdDirs: string[]
  /** The file being written, flushed or renamed. */
  current: string
}

async function write(files: AssessedFile[], signal: AbortSignal, extraSweep: readonly string[]): Promise<ApplyResult> {
  const todo = files.filter((f) => f.status === 'created' || f.status === 'updated')
  const removals = files.filter((f) => f.status === 'deleted')
  const progress: Progress = {id: writeId(), steps: [], createdDirs: [], current: ''}
  const check = () => {
    if (signal.aborted) throw INTERRUPTED
  }
  try {
    await writeTemps(todo, progress, check)
    for (const file of removals) progress.steps.push({file})
    await pause(Number(process.env[TEST_PAUSE_ENV] ?? 0), signal)
    check()
    await renameIntoPlace(progress, signal, check)
  } catch (error) {
    rollback(progress.steps, progress.createdDirs)
    if (error === INTERRUPTED) {
      const name = signalOf(signal.reason)
      throw new GweIntError(`interrupted${name === 'SIGINT' ? '' : ` (${name})`}; nothing was written`, SIGNAL_EXIT[name])
    }
    throw new GweIntError(`could not write ${progress.current} (${describeFsError(error)}); nothing was changed`, exitForFsError(error))
  }
  const swept = await settle(progress, [...files.map((f) => path.dirname(f.path)), ...extraSweep])
  await pause(testPause('after-write'), signal)
  return {written: todo.map((f) => f.path), deleted: removals.map((f) => f.path), swept}
}

/** Every file's contents in a temp file next to it, flushed, a batch at a time. */
async function writeTemps(todo: readonly AssessedFile[], progress: Progress, check: () => void): Promise<void> {
  for (let start = 0; start < todo.length; start += BATCH) {
    check()
    const batch: {fd: number; step: Step}[] = []
    try {
      for (const file of todo.slice(start, start + BATCH)) {
        progress.current = file.path
        mkdirs(path.dirname(file.path), progress.createdDirs)
        const step: Step = {file}
        progress.steps.push(step)
        batch.push({fd: openTemp(step, progress.id), step})
        fs.writeFileSync(batch.at(-1)!.fd, file.content)
      }
      // Flushed before the rename: otherwise a power loss can leave a renamed, empty file.
      await Promise.all(
        batch.map(({fd, step}) =>
          fsync(fd).catch((error: unknown) => {
            progress.current = step.file.path
            throw error
          }),
        ),
      )
    } finally {
      for (const {fd} of batch) fs.closeSync(fd)
    }
  }
}

/** The renames (and removals), each replaced file kept as a backup: backup artifacts first, flushed. */
async function renameIntoPlace(progress: Progress, signal: AbortSignal, check: () => void): Promise<void> {
  const {steps, createdDirs} = progress
  // Backups first, flushed: a kill between two renames never leaves a replaced file without its .bak.
  const first = steps.filter((s) => s.file.artifact === 'backup' && s.temp)
  if (first.length > 0) {
    renameAll(first, progress)
    await syncDirs(
      first.map((s) => path.dirname(s.file.path)),
      createdDirs,
    )
    await pause(testPause('after-backups'), signal)
    check()
  }
  // Removals before the renames, so a failing rename puts the removed files back too.
  const rest = steps.filter((s) => !first.includes(s))
  renameAll([...rest.filter((s) => !s.temp), ...rest.filter((s) => s.temp)], progress)
}

/**
 * Every file is in place: from here on the write is complete whatever happens. Drops the
 * backups, flushes the folders, and sweeps stale leftovers of killed runs from `sweep`.
 */
async function settle({steps, createdDirs}: Progress, sweep: readonly string[]): Promise<string[]> {
  for (const step of steps) if (step.backup) fs.rmSync(step.backup, {force: true})
  try {
    await syncDirs(
      steps.map((s) => path.dirname(s.file.path)),
      createdDirs,
    )
  } catch {
    // The files are in place; a folder that cannot be flushed (some network file systems) only loses durability.
  }
  const ours = new Set(steps.flatMap((s) => [s.temp, s.backup].filter((f): f is string => f !== undefined)))
  return removeLeftovers(findLeftovers(sweep, ours))
}

/** Milliseconds to pause at `point`, from the test hook (0 when not set). */
function testPause(point: 'after-backups' | 'after-write'): number {
  const [at, ms] = (process.env[TEST_PAUSE_AT_ENV] ?? '').split(':')
  return at === point ? Number(ms) || 0 : 0
}

/** An id for this write's temp names: with the PID, unique even where PIDs repeat (containers). */
function writeId(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`
}

/** Creates the step's temp file exclusively (a name already taken gets another suffix). */
function openTemp(step: Step, id: string): number {
  const mode = step.file.executable ? 0o755 : 0o644
  for (let attempt = 0; ; attempt += 1) {
    const temp = leftoverName(step.file.path, attempt === 0 ? id : `${id}${attempt}`, 'tmp')
    try {
      const fd = fs.openSync(temp, 'wx', mode)
      step.temp = temp
      return fd
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 8) throw error
    }
  }
}

function renameAll(steps: Step[], progress: Progress): void {
  for (const step of steps) {
    progress.current = step.file.path
    step.backup = backup(step.file.path, progress.id)
    if (step.temp) fs.renameSync(step.temp, step.file.path)
    else if (step.backup) fs.unlinkSync(step.file.path) // a deletion: the backup keeps it until the end
    step.renamed = true
  }
}

/** fsync each folder (and the parents of created ones), so renames and new entries are on disk. */
async function syncDirs(dirs: readonly string[], createdDirs: readonly string[]): Promise<void> {
  const all = new Set(dirs)
  for (const dir of createdDirs) all.add(path.dirname(dir))
  await Promise.all(
    [...all].map(async (dir) => {
      let fd: number
      try {
        fd = fs.openSync(dir, 'r')
      } catch {
        return // Windows cannot open folders; nothing to flush there
      }
      try {
        await fsync(fd).catch((error: NodeJS.ErrnoException) => {
          // Some file systems cannot fsync a folder; the data itself was flushed.
          if (error.code !== 'EINVAL' && error.code !== 'EISDIR' && error.code !== 'EPERM' && error.code !== 'EBADF') throw error
        })
      } finally {
        fs.closeSync(fd)
      }
    }),
  )
}

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
function backup(file: string, id: string): string | undefined {
  if (!fs.lstatSync(file, {throwIfNoEntry: false})) return undefined
  const bak = leftoverName(file, id, 'bak')
  try {
    fs.linkSync(file, bak)
  } catch {
    fs.copyFileSync(file, bak) // file systems without hard links
  }
  return bak
}

/** Waits `ms` (0: one turn of the event loop, so a pending signal is seen), less if aborted. */
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
    else if (step.renamed && step.temp) attempt(() => fs.rmSync(step.file.path, {force: true}))
    else if (step.backup) attempt(() => fs.rmSync(step.backup!, {force: true}))
    if (step.temp && !step.renamed) attempt(() => fs.rmSync(step.temp!, {force: true}))
  }
  for (const dir of [...createdDirs].reverse()) {
    try {
      fs.rmdirSync(dir)
    } catch {
      // not empty: something else lives there now
    }
  }
}
