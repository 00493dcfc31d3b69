/**
 * gwe-int's own temp and backup files, `.<name>.gwe-int-<pid>-<id>.tmp|bak` next to the
 * file being written (`.<name>.gwe-int-<pid>.tmp|bak` in earlier versions). A run that
 * ends normally, fails or is interrupted removes its own; only a process killed outright
 * (SIGKILL, a power loss) leaves them. new/generate remove stale ones in the folders they
 * write and `generate --check` reports them, so they are never committed or deployed.
 *
 * Stale means: the process named in it is gone, or is this very process (a container
 * reuses PIDs, so a dead run's PID can be ours), or the file is older than any write
 * takes (a PID reused by an unrelated process).
 */
import fs from 'node:fs'
import path from 'node:path'

export const LEFTOVER = /^\..+\.gwe-int-(\d+)(?:-[0-9a-z]+)?\.(?:tmp|bak)$/

/** Far longer than any write holds its temp files. */
const STALE_AFTER_MS = 60 * 60 * 1000

/** A temp or backup name for `file`, unique to this process and this write (`id`). */
export const leftoverName = (file: string, id: string, kind: 'tmp' | 'bak') =>
  path.join(path.dirname(file), `.${path.basename(file)}.gwe-int-${process.pid}-${id}.${kind}`)

function alive(pid: number): boolean {
  if (pid === process.pid) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Stale leftovers in `dirs` (absolute paths, sorted). Folders that do not exist have none. */
export function findLeftovers(dirs: Iterable<string>, ignore: ReadonlySet<string> = new Set()): string[] {
  const found: string[] = []
  const now = Date.now()
  for (const dir of new Set(dirs)) {
    let names: string[]
    try {
      names = fs.readdirSync(dir)
    } catch {
      continue // not there (yet), or not a folder: nothing of ours in it
    }
    for (const name of names) {
      const m = LEFTOVER.exec(name)
      if (!m) continue
      const file = path.join(dir, name)
      if (ignore.has(file)) continue
      const stat = fs.lstatSync(file, {throwIfNoEntry: false})
      if (!stat?.isFile()) continue
      if (!alive(Number(m[1])) || now - stat.mtimeMs > STALE_AFTER_MS) found.push(file)
    }
  }
  return found.sort()
}

/** Removes `files` (stale leftovers); returns those removed. */
export function removeLeftovers(files: readonly string[]): string[] {
  const removed: string[] = []
  for (const file of files) {
    try {
      fs.rmSync(file)
      removed.push(file)
    } catch {
      // already gone (another run swept it) or not ours to remove: leave it
    }
  }
  return removed
}
