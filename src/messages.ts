/**
 * Human text in one place: how plans, conflicts and drift are shown. Core modules
 * never print; commands call these and print the lines.
 */
import path from 'node:path'
import type {AssessedFile, FileStatus} from './core/assess.js'
import {summarize} from './core/assess.js'

export type Paint = (color: 'red' | 'green' | 'yellow' | 'dim' | 'bold' | 'cyan', text: string) => string

const STATUS_COLOR: Record<FileStatus, 'green' | 'cyan' | 'dim' | 'red' | 'yellow'> = {created: 'green', updated: 'cyan', unchanged: 'dim', conflict: 'red', deleted: 'yellow'}

export const relPath = (from: string, file: string) => path.relative(from, file).split(path.sep).join('/') || '.'

/** The files of a plan as a tree per integration and output folder, with statuses. */
export function fileTree(files: AssessedFile[], cwd: string, paint: Paint, dryRun: boolean): string[] {
  const lines: string[] = []
  const groups = new Map<string, AssessedFile[]>()
  for (const f of files) {
    const key = f.artifact === 'config' ? '' : f.integration
    groups.set(key, [...(groups.get(key) ?? []), f])
  }
  const verb = (s: FileStatus) => (dryRun && s !== 'unchanged' && s !== 'conflict' ? `would be ${s}` : s)
  for (const [integration, list] of [...groups].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))) {
    if (integration) {
      const dir = commonDir(list.map((f) => f.path))
      lines.push(`${paint('bold', integration)} ${paint('dim', '→')} ${relPath(cwd, dir)}/`)
      for (const f of list) lines.push(`  ${paint(STATUS_COLOR[f.status], verb(f.status).padEnd(dryRun ? 18 : 10))} ${relPath(dir, f.path)}`)
    } else {
      for (const f of list) lines.push(`${paint(STATUS_COLOR[f.status], verb(f.status).padEnd(dryRun ? 20 : 12))} ${relPath(cwd, f.path)}`)
    }
  }
  return lines
}

function commonDir(paths: string[]): string {
  let dir = path.dirname(paths[0])
  while (!paths.every((p) => p.startsWith(dir + path.sep))) dir = path.dirname(dir)
  return dir
}

export function conflictMessage(files: AssessedFile[], cwd: string): {message: string; details: string[]} {
  const conflicts = files.filter((f) => f.status === 'conflict')
  return {
    message: `refusing to overwrite ${conflicts.length} file${conflicts.length === 1 ? '' : 's'} that gwe-int did not write or that changed since; nothing was written`,
    details: [
      ...conflicts.map((f) => `${relPath(cwd, f.path)}: ${f.reason}`),
      conflicts.some((f) => f.reason === 'is a directory')
        ? 'move the folders out of the way (--force does not replace folders); see the difference with --dry-run --diff'
        : 'see the difference with --dry-run --diff; overwrite with --force',
    ],
  }
}

export function summaryLine(files: AssessedFile[]): string {
  const c = summarize(files)
  return `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged${c.deleted ? `, ${c.deleted} deleted` : ''}${c.conflict ? `, ${c.conflict} conflicting` : ''}`
}

/** The stable JSON shape of a plan (documented in the README). */
export function planJson(files: AssessedFile[], cwd: string) {
  return files.map((f) => ({path: relPath(cwd, f.path), integration: f.integration, artifact: f.artifact, status: f.status, ...(f.reason ? {reason: f.reason} : {})}))
}

/** After a write that removed stale temp/backup files of a killed run. */
export function sweptLine(swept: readonly string[], cwd: string): string {
  const shown = swept.slice(0, 3).map((f) => relPath(cwd, f))
  return `removed ${swept.length} leftover temp/backup file${swept.length === 1 ? '' : 's'} of an interrupted run (${shown.join(', ')}${swept.length > 3 ? ', …' : ''})`
}
