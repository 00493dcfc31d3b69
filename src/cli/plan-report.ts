/**
 * Human text in one place: how plans, conflicts and drift are shown. Core modules
 * never print; commands call these and print the lines.
 */
import path from 'node:path'
import type {Change} from '../core/integration/answers.js'
import type {AssessedFile, FileStatus} from '../core/write/assess.js'
import {summarize} from '../core/write/assess.js'
import {shortList, WARNING_CAUSES, type WarningGroup} from '../core/advice.js'
import {EXIT, GweIntError} from '../shared/errors.js'

export type Paint = (color: 'red' | 'green' | 'yellow' | 'dim' | 'bold' | 'cyan', text: string) => string

const STATUS_COLOR: Record<FileStatus, 'green' | 'cyan' | 'dim' | 'red' | 'yellow'> = {
  created: 'green',
  updated: 'cyan',
  unchanged: 'dim',
  conflict: 'red',
  deleted: 'yellow',
  kept: 'yellow',
}

export const relPath = (from: string, file: string) => path.relative(from, file).split(path.sep).join('/') || '.'

/** The files of a plan as a tree per integration and output folder, with statuses. */
export function fileTree(files: AssessedFile[], cwd: string, paint: Paint, {dryRun}: {dryRun: boolean}): string[] {
  const lines: string[] = []
  const groups = new Map<string, AssessedFile[]>()
  for (const f of files) {
    const key = f.artifact === 'config' ? '' : f.integration
    groups.set(key, [...(groups.get(key) ?? []), f])
  }
  const verb = (s: FileStatus) => (dryRun && s !== 'unchanged' && s !== 'conflict' ? `would be ${s}` : s)
  // An obsolete file says why it is there; a kept one how to get rid of it.
  const why = (f: AssessedFile) =>
    f.status === 'deleted'
      ? paint('dim', ' (no longer generated)')
      : f.status === 'kept'
        ? paint('dim', ' (no longer generated, edited by hand: delete it yourself or pass --force)')
        : ''
  // Integration names are lowercase letters, digits and '-', which code-unit order sorts as
  // localeCompare would, without loading ICU's collation data (~9 ms).
  for (const [integration, list] of [...groups].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a < b ? -1 : 1))) {
    if (integration) {
      const dir = commonDir(list.map((f) => f.path))
      lines.push(`${paint('bold', integration)} ${paint('dim', '→')} ${relPath(cwd, dir)}/`)
      for (const f of list) lines.push(`  ${paint(STATUS_COLOR[f.status], verb(f.status).padEnd(dryRun ? 18 : 10))} ${relPath(dir, f.path)}${why(f)}`)
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

export function conflictMessage(files: AssessedFile[], cwd: string, dryRun = false): {message: string; details: string[]} {
  const conflicts = files.filter((f) => f.status === 'conflict')
  const n = `${conflicts.length} file${conflicts.length === 1 ? '' : 's'}`
  return {
    message: dryRun
      ? `dry run: the real run would refuse to overwrite ${n} that gwe-int did not write or that changed since; nothing was written`
      : `refusing to overwrite ${n} that gwe-int did not write or that changed since; nothing was written`,
    details: [
      ...conflicts.map((f) => `${relPath(cwd, f.path)}: ${f.reason}`),
      conflicts.some((f) => f.reason === 'is a directory')
        ? 'move the folders out of the way (--force does not replace folders); see the difference with --dry-run --diff'
        : conflicts.some((f) => f.reason === 'was edited since gwe-int wrote it')
          ? `see the difference with --dry-run --diff; ${KEEP_HINT}; overwrite with --force`
          : 'see the difference with --dry-run --diff; overwrite with --force',
    ],
  }
}

/**
 * One line per cause: a cause met once is its own message; one met more often names its
 * integrations (cut, with their count), the details once and the fix once.
 */
export function warningText(g: WarningGroup): string {
  if (g.warnings.length === 1) return g.warnings[0].message
  const {title, advice} = WARNING_CAUSES[g.cause]
  const details = g.details.length > 0 ? ` (${shortList(g.details, 'values', 3)})` : ''
  return `${title}${details}: ${shortList(g.integrations, 'integrations')}; ${advice}`
}

/** `3 warnings`, or `600 warnings (3 causes)` when causes repeat. */
export function warningCount(groups: readonly WarningGroup[]): string {
  const n = groups.reduce((sum, g) => sum + g.warnings.length, 0)
  const causes = groups.length === n ? '' : ` (${groups.length} cause${groups.length === 1 ? '' : 's'})`
  return `${n} warning${n === 1 ? '' : 's'}${causes}`
}

/**
 * --strict: the warnings turn into a failure (exit 1) listing their causes, each once; a run
 * that would write says nothing was written (--check writes nothing anyway).
 */
export function strictError(groups: readonly WarningGroup[], {check = false}: {check?: boolean} = {}): GweIntError {
  return new GweIntError(`--strict: ${warningCount(groups)}${check ? '' : '; nothing was written'}`, EXIT.drift, groups.map(warningText))
}

export function summaryLine(files: AssessedFile[]): string {
  const c = summarize(files)
  return `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged${c.deleted ? `, ${c.deleted} deleted` : ''}${c.kept ? `, ${c.kept} kept` : ''}${c.conflict ? `, ${c.conflict} conflicting` : ''}`
}

/** How to keep a hand edit that gwe-int would otherwise replace. */
export const KEEP_HINT =
  'to keep an edit, move it into an override template ("gwe-int templates eject --out my-templates", then --templates my-templates) or, for the invitation or widget, into your own file patched with --invite-source / --widget-source'

/** `generate --check`: what is out of date, each file marked, and what to run. */
export function checkReport(files: AssessedFile[], cwd: string): {summary: string; details: string[]} {
  const stale = files.filter((f) => f.status !== 'unchanged')
  const gone = stale.filter((f) => f.action === 'delete').length
  const written = files.length - files.filter((f) => f.action === 'delete').length
  const summary = `${stale.length - gone} of ${written} files out of date${gone ? `, ${gone} no longer generated` : ''}`
  const mark = (f: AssessedFile) => {
    if (f.action === 'delete') return f.status === 'kept' ? 'no longer generated (edited by hand)' : 'no longer generated'
    if (f.previous === undefined) return f.status === 'conflict' ? (f.reason ?? 'cannot be written') : 'missing'
    if (f.status === 'conflict')
      return f.reason === 'was not written by gwe-int'
        ? 'not written by gwe-int'
        : f.reason === 'was edited since gwe-int wrote it'
          ? 'edited by hand'
          : (f.reason ?? 'out of date')
    return 'out of date'
  }
  const handEdited = stale.some((f) => f.status === 'conflict' || f.status === 'kept')
  return {
    summary,
    details: [
      ...stale.map((f) => `${relPath(cwd, f.path)}: ${mark(f)}`),
      ...(handEdited ? [KEEP_HINT, 'to drop the edits: "gwe-int generate --force", then commit the result'] : ['run "gwe-int generate" and commit the result']),
    ],
  }
}

/** The stable JSON shape of a plan (documented in the README). */
export function planJson(files: AssessedFile[], cwd: string) {
  return files.map((f) => ({
    path: relPath(cwd, f.path),
    integration: f.integration,
    artifact: f.artifact,
    status: f.status,
    ...(f.reason ? {reason: f.reason} : {}),
  }))
}

/** After a write that removed stale temp/backup files of a killed run. */
export function sweptLine(swept: readonly string[], cwd: string): string {
  const shown = swept.slice(0, 3).map((f) => relPath(cwd, f))
  return `removed ${swept.length} leftover temp/backup file${swept.length === 1 ? '' : 's'} of an interrupted run (${shown.join(', ')}${swept.length > 3 ? ', …' : ''})`
}

/** What `new` changed in an existing integration: `host: https://a → https://b`, one per line. */
export function changeLines(name: string, changes: readonly Change[], reset: boolean): string[] {
  if (changes.length === 0) return [`${name} is in the config already; no answer changed`]
  return [
    `${name} is in the config already; ${reset ? 'reset to the defaults, which changed' : 'changed'}:`,
    ...changes.map((c) => `  ${c.key}: ${c.from ?? '(none)'} → ${c.to ?? '(none)'}`),
  ]
}
