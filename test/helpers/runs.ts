/**
 * How many cases a property test tries: `full` in `npm test`; in the fast loop
 * (`npm run test:fast` sets GWE_INT_PROPERTY_RUNS) at most that many, so each property
 * still runs there, on fewer inputs. A property that counts its outcomes (both kinds
 * must occur often) gives `atLeast`, the fewest cases for which its counts are stable.
 */
const cap = Number(process.env.GWE_INT_PROPERTY_RUNS)

export function runs(full: number, {atLeast = 1}: {atLeast?: number} = {}): {numRuns: number} {
  return {numRuns: Number.isInteger(cap) && cap > 0 ? Math.min(full, Math.max(cap, atLeast)) : full}
}

/** `count` of `items`, spread evenly over the list (all of them if count covers it). */
export function evenlySpaced<T>(items: readonly T[], count: number): T[] {
  if (count >= items.length) return [...items]
  return Array.from({length: count}, (_, k) => items[Math.floor((k * items.length) / count)])
}
