/**
 * The config's lock: `new` reads the config, adds its entry and writes it back, and
 * `generate` writes every integration's files; two runs doing that at once in one project
 * would each write what they read, and one entry (or one run's files) would be lost.
 * Each writing run therefore holds `<config>.lock` (a folder: mkdir is atomic) from before
 * it reads the config until its write is complete. `generate --check` holds it too when
 * it can, so it never compares a half-finished write.
 *
 * A run that finds the lock taken waits, up to a bound, then stops naming the lock. A
 * lock whose holder was killed is recovered: the holder touches it every few seconds, so
 * a lock untouched for STALE_MS is taken over.
 *
 * Never left behind by a signal: the signal listeners are installed before the folder is
 * made, and the folder is made with mkdirSync and recorded in the same synchronous step,
 * so no signal handler can run in between (Node runs them between JavaScript steps, never
 * inside one). Outside a write a stop signal removes the lock and then ends the process
 * the default way; while apply() or afterWrite() listen, they decide, and the lock goes
 * when the command returns or exits.
 */
import fs from 'node:fs'
import path from 'node:path'
import {EXIT, GweIntError, describeFsError, invalid} from '../../shared/errors.js'
import {STOP_SIGNALS, type StopSignal} from './signals.js'

/** A lock not refreshed for this long belongs to a dead process (the holder refreshes it every STALE_MS / 2). */
const STALE_MS = 10_000
/** How long a run waits for another to finish before giving up (GWE_INT_LOCK_WAIT_MS overrides it). */
const DEFAULT_WAIT_MS = 60_000
export const LOCK_WAIT_ENV = 'GWE_INT_LOCK_WAIT_MS'

export const lockPathOf = (configFile: string) => `${configFile}.lock`

/** Lock folders this process holds, removed on any exit. */
const held = new Set<string>()
let exitHookInstalled = false

function removeHeld(): void {
  for (const dir of held) {
    try {
      fs.rmdirSync(dir)
    } catch {
      // already gone
    }
  }
  held.clear()
}

/**
 * Runs `fn` holding the lock of `configFile`. `needed`: true for a writing run; 'read'
 * for a run that only compares (--check): it takes the lock when it can, so it waits for
 * a running write, and goes on without it where the folder cannot be written (a
 * read-only checkout); false takes none. Without the config's folder there is nothing to
 * protect yet and no lock is taken.
 */
export async function withConfigLock<T>(configFile: string, needed: boolean | 'read', fn: () => Promise<T>): Promise<T> {
  if (!needed) return fn()
  const waitMs = lockWaitMs()
  if (!fs.existsSync(path.dirname(configFile))) return fn()
  const lockPath = lockPathOf(configFile)
  const offSignals = listenForSignals()
  try {
    const release = await acquire(configFile, lockPath, waitMs, needed === 'read')
    try {
      return await fn()
    } finally {
      release()
    }
  } finally {
    offSignals()
  }
}

/** GWE_INT_LOCK_WAIT_MS as a number of milliseconds; anything else is refused (exit 2). */
function lockWaitMs(): number {
  const raw = process.env[LOCK_WAIT_ENV]
  if (raw === undefined || raw.trim() === '') return DEFAULT_WAIT_MS
  if (!/^\s*\d{1,10}\s*$/.test(raw))
    throw invalid(`${LOCK_WAIT_ENV}: ${JSON.stringify(raw)} is not a number of milliseconds; give a whole number such as 60000`)
  return Number(raw)
}

/** Outside a write, a stop signal removes the lock and ends the process the default way. */
function listenForSignals(): () => void {
  if (!exitHookInstalled) {
    exitHookInstalled = true
    process.on('exit', removeHeld)
  }
  const listener = (signal: StopSignal) => {
    // apply() (rolls back, then the command exits) or afterWrite() listen too: theirs is the say.
    if (process.listenerCount(signal) > 1) return
    removeHeld()
    off()
    process.kill(process.pid, signal)
  }
  const listeners = STOP_SIGNALS.map((signal) => [signal, () => listener(signal)] as const)
  const off = () => {
    for (const [signal, fn] of listeners) process.off(signal, fn)
  }
  for (const [signal, fn] of listeners) process.on(signal, fn)
  return off
}

/** `<lock>: cannot take the config's lock (...)`, exit 74: the file system is in the way, whatever the reason. */
const trouble = (lockPath: string, error: unknown, hint = '') =>
  new GweIntError(`${lockPath}: cannot take the config's lock (${describeFsError(error)})${hint}`, EXIT.io)

/** Codes for which a --check goes on without the lock: the project cannot be written at all. */
const READ_ONLY = new Set(['EROFS', 'EACCES', 'EPERM'])

async function acquire(configFile: string, lockPath: string, waitMs: number, optional: boolean): Promise<() => void> {
  const deadline = Date.now() + waitMs
  for (;;) {
    try {
      fs.mkdirSync(lockPath)
      // Same synchronous step as the mkdir: a signal handler sees the lock as held.
      held.add(lockPath)
      return hold(lockPath)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (optional && READ_ONLY.has(code ?? '')) return () => {}
      if (code !== 'EEXIST') throw trouble(lockPath, error)
    }
    const stat = fs.statSync(lockPath, {throwIfNoEntry: false})
    if (stat === undefined) continue // released meanwhile
    if (!stat.isDirectory())
      throw new GweIntError(
        `${lockPath}: cannot take the config's lock: a file is in its place, not the folder gwe-int makes; remove it and try again`,
        EXIT.io,
      )
    if (Date.now() - stat.mtimeMs > STALE_MS) {
      // Its holder is gone: take it over.
      try {
        fs.rmdirSync(lockPath)
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (code !== 'ENOENT')
          throw trouble(lockPath, error, code === 'ENOTEMPTY' ? '; gwe-int keeps nothing in it: move what is there and remove the folder' : '')
      }
      continue
    }
    if (Date.now() >= deadline) {
      throw new GweIntError(
        `${configFile}: another gwe-int run has held its lock for more than ${Math.round(waitMs / 1000)} s; try again when it has finished`,
        EXIT.io,
        [`if no gwe-int is running, the lock is left over: remove the folder ${lockPath} and try again`],
      )
    }
    // Jittered, so parallel runs do not retry in step.
    await new Promise((resolve) => setTimeout(resolve, 40 + Math.random() * 80))
  }
}

/** Keeps the lock fresh until the returned release is called. */
function hold(lockPath: string): () => void {
  let mtime = fs.statSync(lockPath).mtimeMs
  let lost = false
  const timer = setInterval(() => {
    const now = fs.statSync(lockPath, {throwIfNoEntry: false})
    // Only if this process stalled for longer than STALE_MS: another run may now hold it.
    if (now?.mtimeMs !== mtime) {
      lost = true
      held.delete(lockPath)
      clearInterval(timer)
      process.stderr.write(`warning: ${lockPath}: the lock was taken over by another run while this one was paused\n`)
      return
    }
    try {
      const date = new Date()
      fs.utimesSync(lockPath, date, date)
      mtime = fs.statSync(lockPath).mtimeMs
    } catch {
      // Tried again at the next tick.
    }
  }, STALE_MS / 2)
  timer.unref()
  return () => {
    clearInterval(timer)
    if (lost) return
    held.delete(lockPath)
    try {
      fs.rmdirSync(lockPath)
    } catch {
      // Already gone (taken over as stale after a very long pause): nothing left to release.
    }
  }
}
