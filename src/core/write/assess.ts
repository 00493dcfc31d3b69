/**
 * Compares a plan with what is on disk: each file becomes create / update /
 * unchanged / conflict. A file is replaced without --force only when gwe-int wrote
 * it and nobody edited it since (its header checksum still matches, header.ts).
 */
import type {PlannedFile} from './plan.js'
import type {Existing} from './disk.js'
import {provenance, withCurrentChecksum} from './header.js'

/**
 * 'deleted': an obsolete file gwe-int will remove (or, dry run, would); 'kept': an obsolete file
 * edited by hand, listed and left in place (--force deletes it).
 */
export type FileStatus = 'created' | 'updated' | 'unchanged' | 'conflict' | 'deleted' | 'kept'

export interface AssessedFile extends PlannedFile {
  status: FileStatus
  /** Why a file conflicts (or is updated despite a conflict, with --force). */
  reason?: string
  /** Current contents on disk, when there are any. */
  previous?: string
}

export interface AssessOptions {
  /** A file edited by hand, or not written by gwe-int, is updated rather than a conflict. */
  force?: boolean
}

/** What is at a path now: its text, a directory, something else gwe-int will not replace, or nothing. */

export function assess(files: PlannedFile[], read: (file: string) => Existing, {force = false}: AssessOptions = {}): AssessedFile[] {
  return files.map((file) => {
    const existing = read(file.path)
    if (existing.kind === 'none') return {...file, status: 'created'}
    if (existing.kind === 'dir') return {...file, status: 'conflict', reason: 'is a directory'}
    if (existing.kind === 'other') return {...file, status: 'conflict', reason: existing.reason}
    // A file checked out with CRLF endings (git core.autocrlf) keeps them: written back the same way, it is unchanged.
    const content = keepLineEndings(existing.text, file.content)
    // The plan's own string as `previous`: equal, and the copy read from disk is not kept (memory of a large generate).
    if (existing.text === content || withCurrentChecksum(existing.text) === content) return {...file, content, status: 'unchanged', previous: content}
    const origin = provenance(existing.text)
    if (origin === 'pristine') return {...file, content, status: 'updated', previous: existing.text}
    const reason = origin === 'edited' ? 'was edited since gwe-int wrote it' : 'was not written by gwe-int'
    return {...file, content, status: force ? 'updated' : 'conflict', reason, previous: existing.text}
  })
}

/** Files assessed between two turns of the event loop (reading them is most of a large run's planning). */
const YIELD_EVERY = 32

/**
 * assess() of a whole run's plan, letting the event loop turn between groups of files: a
 * Ctrl-C while a config's hundreds of files are read is handled within milliseconds (by
 * the config lock's handler, which removes the lock) rather than once all are read.
 */
export async function assessAll(files: PlannedFile[], read: (file: string) => Existing, opts: AssessOptions = {}): Promise<AssessedFile[]> {
  const assessed: AssessedFile[] = []
  for (let k = 0; k < files.length; k += YIELD_EVERY) {
    if (k > 0) await new Promise((resolve) => setImmediate(resolve))
    assessed.push(...assess(files.slice(k, k + YIELD_EVERY), read, opts))
  }
  return assessed
}

/** `planned` with CRLF endings when the file on disk has CRLF on every line and the plan has LF only. */
export function keepLineEndings(onDisk: string, planned: string): string {
  if (planned.includes('\r') || !onDisk.includes('\r\n') || /(^|[^\r])\n/.test(onDisk)) return planned
  return planned.replace(/\n/g, '\r\n')
}

export function summarize(files: AssessedFile[]): Record<FileStatus, number> {
  const counts: Record<FileStatus, number> = {created: 0, updated: 0, unchanged: 0, conflict: 0, deleted: 0, kept: 0}
  for (const f of files) counts[f.status] += 1
  return counts
}
