/**
 * What planning an operation hands back to its command (new, generate; patch and eject
 * have plans of their own shape), and the unified diff every command shows of a planned file.
 */
import {createRequire} from 'node:module'
import path from 'node:path'
import type * as Diff from 'diff'
import type {Warning} from './advice.js'
import type {AssessedFile} from './write/assess.js'
import {withoutHeader} from './write/header.js'
import type {ResolvedIntegration} from './integration/integration.js'

export interface OperationResult {
  /** Plan entries with their status, sorted by path; the config file (for `new`) included. */
  files: AssessedFile[]
  integrations: ResolvedIntegration[]
  configFile: string
  baseDir: string
  /** What the integrator must fix or know before going to production (advice.ts). */
  warnings: Warning[]
  /** What the integrator should know about the medium or the answers (not a problem). */
  notes: string[]
  /** Where the files go next, relative to the cwd. */
  nextSteps: string[]
}

/** `diff` is needed only to show differences, so it is loaded on first use (start-up time). */
const loadDiff = (): typeof Diff => createRequire(import.meta.url)('diff') as typeof Diff

/**
 * A unified diff of one planned file against the disk (`--check`, conflicts): the content
 * only, without the header line whose checksum changes with any edit. An obsolete file shows
 * as all of it removed.
 */
export function diffOf(file: AssessedFile, baseDir: string): string {
  const rel = toPosix(path.relative(baseDir, file.path))
  const removed = file.action === 'delete'
  const before = file.previous === undefined ? '' : withoutHeader(file.previous)
  const after = removed ? '' : withoutHeader(file.content)
  return loadDiff().createTwoFilesPatch(
    `a/${rel}`,
    `b/${rel}`,
    before,
    after,
    file.previous === undefined ? '(missing)' : '',
    removed ? '(no longer generated)' : '(generated)',
    {context: 3},
  )
}

const toPosix = (p: string) => p.split(path.sep).join('/')
