/**
 * Compares a plan with what is on disk: each file becomes create / update /
 * unchanged / conflict. A file is replaced without --force only when gwe-int wrote
 * it and nobody edited it since (its header checksum still matches, header.ts).
 */
import type {PlannedFile} from './plan.js'
import {provenance} from './header.js'

export type FileStatus = 'created' | 'updated' | 'unchanged' | 'conflict'

export interface AssessedFile extends PlannedFile {
  status: FileStatus
  /** Why a file conflicts (or is updated despite a conflict, with --force). */
  reason?: string
  /** Current contents on disk, when there are any. */
  previous?: string
}

/** What is at a path now: its text, a directory, or nothing. */
export type Existing = {kind: 'file'; text: string} | {kind: 'dir'} | {kind: 'none'}

export function assess(files: PlannedFile[], read: (file: string) => Existing, force = false): AssessedFile[] {
  return files.map((file) => {
    const existing = read(file.path)
    if (existing.kind === 'none') return {...file, status: 'created'}
    if (existing.kind === 'dir') return {...file, status: 'conflict', reason: 'is a directory'}
    if (existing.text === file.content) return {...file, status: 'unchanged', previous: existing.text}
    const origin = provenance(existing.text)
    if (origin === 'pristine') return {...file, status: 'updated', previous: existing.text}
    const reason = origin === 'edited' ? 'was edited since gwe-int wrote it' : 'was not written by gwe-int'
    return {...file, status: force ? 'updated' : 'conflict', reason, previous: existing.text}
  })
}

export function summarize(files: AssessedFile[]): Record<FileStatus, number> {
  const counts: Record<FileStatus, number> = {created: 0, updated: 0, unchanged: 0, conflict: 0}
  for (const f of files) counts[f.status] += 1
  return counts
}
