/**
 * Deployed against generated: the bytes a server hands out compared with the file
 * `generate` writes, and, when they differ, what the deployed copy is (an older gwe-int
 * file, one edited by hand, not gwe-int's) and a short diff.
 */
import {createRequire} from 'node:module'
import type * as Diff from 'diff'
import {provenance, withoutHeader} from '../write/header.js'

/** Lines of a --diff shown per file; the rest is counted. */
export const MAX_DIFF_LINES = 40

export type Comparison = {same: true} | {same: false; what: string}

export function compareDeployed(deployed: Buffer, generated: string): Comparison {
  if (deployed.equals(Buffer.from(generated, 'utf8'))) return {same: true}
  const text = deployed.toString('utf8')
  const kind = provenance(text)
  const what =
    kind === 'pristine'
      ? 'a gwe-int file generated from other answers or an older version'
      : kind === 'edited'
        ? 'a gwe-int file edited by hand after it was generated'
        : 'a file gwe-int did not write'
  return {same: false, what}
}

/** `diff` is needed only for --diff, so it is loaded on first use (start-up time). */
const loadDiff = (): typeof Diff => createRequire(import.meta.url)('diff') as typeof Diff

/** A unified diff, deployed (a/) against generated (b/), without the header lines; cut to MAX_DIFF_LINES. */
export function shortDiff(name: string, deployed: Buffer, generated: string): string {
  const patch = loadDiff().createTwoFilesPatch(
    `deployed/${name}`,
    `generated/${name}`,
    withoutHeader(deployed.toString('utf8')),
    withoutHeader(generated),
    '',
    '',
    {context: 2},
  )
  const lines = patch
    .split('\n')
    .filter((l, k) => !(k === 0 && l.startsWith('=')))
    .map((l) => l.replace(/\s+$/, ''))
  while (lines.length > 0 && lines.at(-1) === '') lines.pop()
  if (lines.length <= MAX_DIFF_LINES) return lines.join('\n')
  return [...lines.slice(0, MAX_DIFF_LINES), `… ${lines.length - MAX_DIFF_LINES} more lines`].join('\n')
}
