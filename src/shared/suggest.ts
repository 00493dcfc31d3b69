/**
 * "Did you mean …?" for a mistyped command. With a space as topic separator, oclif
 * reports `gwe-int nwe gms-chat` as the unknown id `nwe:gms-chat`; the command is
 * some leading part of it and the rest are its arguments.
 */

/**
 * Edit distance counting insertions, deletions, substitutions and swaps of two
 * neighbouring letters (optimal string alignment), so `nwe` is one edit from `new`.
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({length: a.length + 1}, (_, i) => Array.from({length: b.length + 1}, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1)
    }
  }
  return d[a.length][b.length]
}

export interface Suggestion {
  /** What the user typed as the command, `:`-separated (`nwe`). */
  typed: string
  /** The closest command id, when one is close enough. */
  id?: string
  /** The words after the command (`gms-chat`), to pass on. */
  rest: string[]
}

/**
 * Splits an unknown id into command words and arguments, and finds the command id
 * closest to the command words (same number of words). A suggestion is made only
 * when at most a third of the letters differ.
 */
export function suggestCommand(unknownId: string, commandIds: readonly string[]): Suggestion {
  const words = unknownId.split(':')
  let best = {k: 1, id: undefined as string | undefined, distance: Number.POSITIVE_INFINITY}
  for (let k = 1; k <= words.length; k += 1) {
    const typed = words.slice(0, k).join(':')
    for (const id of commandIds) {
      if (id.split(':').length !== k) continue
      const distance = editDistance(typed, id)
      if (distance < best.distance) best = {k, id, distance}
    }
  }
  const typed = words.slice(0, best.k).join(':')
  const close = best.id !== undefined && best.distance <= Math.max(1, Math.floor(Math.max(typed.length, best.id.length) / 3))
  return {typed, id: close ? best.id : undefined, rest: words.slice(best.k)}
}

/** The candidate closest to `typed` when at most a third of its letters differ (case ignored), else undefined. */
export function closest(typed: string, candidates: readonly string[]): string | undefined {
  let best: {id?: string; distance: number} = {distance: Number.POSITIVE_INFINITY}
  for (const id of candidates) {
    const distance = editDistance(typed.toLowerCase(), id.toLowerCase())
    if (distance < best.distance) best = {id, distance}
  }
  if (best.id === undefined) return undefined
  return best.distance <= Math.max(1, Math.floor(Math.max(typed.length, best.id.length) / 3)) ? best.id : undefined
}
