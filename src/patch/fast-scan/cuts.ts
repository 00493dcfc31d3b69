/**
 * A text with ranges cut out, and the way back to offsets in the original. Both fast
 * ways of finding scripts read a shorter text: mask.ts without script contents,
 * tokens.ts without runs of plain markup (plain-runs.ts).
 */

export interface Cuts {
  /** The original with the ranges removed. */
  text: string
  /** Position of each cut in `text`, ascending. */
  at: number[]
  /** Characters removed at and before each cut. */
  removed: number[]
}

/** `html` without `ranges` (ascending, not overlapping). */
export function cutOut(html: string, ranges: readonly {start: number; end: number}[]): Cuts {
  const parts: string[] = []
  const at: number[] = []
  const removed: number[] = []
  let prev = 0
  let total = 0
  for (const r of ranges) {
    parts.push(html.slice(prev, r.start))
    at.push(r.start - total)
    total += r.end - r.start
    removed.push(total)
    prev = r.end
  }
  parts.push(html.slice(prev))
  return {text: parts.join(''), at, removed}
}

/** Index of the first cut at or after position `m` of the cut text (binary search). */
export function firstCutAtOrAfter(cuts: Cuts, m: number): number {
  let lo = 0
  let hi = cuts.at.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (cuts.at[mid]! < m) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * The original offset of position `m` of the cut text. A position exactly at a cut is
 * where the removed range began (`atCut: 'before'`) or where it ended (`'after'`).
 */
export function toOriginal(cuts: Cuts, m: number, atCut: 'before' | 'after'): number {
  const n = firstCutAtOrAfter(cuts, atCut === 'after' ? m + 1 : m)
  return m + (n > 0 ? cuts.removed[n - 1]! : 0)
}
