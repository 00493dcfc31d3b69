/**
 * The config's lock: `new` reads the config, adds its entry and writes it back, and
 * `generate` writes every integration's files; two runs doing that at once in one project
 * would each write what they read, and one entry (or one run's files) would be lost.
 * Each writing run therefore holds `<config>.lock` (a folder, created atomically by
 * proper-lockfile) from before it reads the config until its write is complete.
 *
 * A run that finds the lock taken waits, up to a bound, then stops naming the lock. A
 * lock whose holder was killed is recovered: the holder touches it every few seconds, so
 * a lock untouched for STALE_MS is taken over. proper-lockfile also removes the lock
 * when the process ends on a signal outside a write.
 */
import fs from 'node:fs'
import path from 'node:path'
import {EXIT, GweIntError, describeFsError, exitForFsError} from '../shared/errors.js'

/** A lock not refreshed for this long belongs to a dead process (the holder refreshes it every STALE_MS / 2). */
const STALE_MS = 10_000
/** How long a run waits for another to finish before giving up (GWE_INT_LOCK_WAIT_MS overrides it). */
const DEFAULT_WAIT_MS = 60_000
export const LOCK_WAIT_ENV = 'GWE_INT_LOCK_WAIT_MS'

export const lockPathOf = (configFile: string) => `${configFile}.lock`

/**
 * Runs `fn` holding the lock of `configFile` (when `needed`; read-only runs take none).
 * Without the config's folder there is nothing to protect yet and no lock is taken.
 */
export async function withConfigLock<T>(configFile: string, needed: boolean, fn: () => Promise<T>): Promise<T> {
  if (!needed || !fs.existsSync(path.dirname(configFile))) return fn()
  const release = await acquire(configFile)
  try {
    return await fn()
  } finally {
    await release().catch(() => {
      // Already gone (taken over as stale after a very long pause): nothing left to release.
    })
  }
}

async function acquire(configFile: string): Promise<() => Promise<void>> {
  const {lock} = (await import('proper-lockfile')).default
  const lockPath = lockPathOf(configFile)
  const waitMs = Number(process.env[LOCK_WAIT_ENV] ?? DEFAULT_WAIT_MS)
  const deadline = Date.now() + waitMs
  for (;;) {
    try {
      return await lock(configFile, {
        realpath: false,
        // node:fs rather than proper-lockfile's default, graceful-fs (start-up time; see
        // scripts/bundle.mjs): a handful of calls on one folder need no EMFILE queue.
        fs,
        lockfilePath: lockPath,
        stale: STALE_MS,
        retries: 0,
        // Only if this process stalled for longer than STALE_MS: another run may now hold it.
        onCompromised: () => process.stderr.write(`warning: ${lockPath}: the lock was taken over by another run while this one was paused\n`),
      })
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'ELOCKED') throw new GweIntError(`${lockPath}: cannot take the config's lock (${describeFsError(error)})`, exitForFsError(error))
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
}
