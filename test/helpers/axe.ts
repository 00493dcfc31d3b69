/**
 * axe-core in a Playwright page: the browser suite's accessibility check.
 *
 *   await expectAccessible(page, {label: 'chat form'})
 *   await expectAccessible(page, {label: 'invitation', allow: {region: 'why this is fine here'}})
 *
 * Runs the WCAG 2.0/2.1 A and AA rules plus axe's best practices on the whole page
 * (or `include`), then fails on every violation of impact serious or critical, and on
 * moderate ones unless `allow` names the rule with the reason it is acceptable there.
 * Minor ones are returned, not failed. axe is injected from the installed `axe-core`
 * package (never fetched), so it works under the suite's 127.0.0.1-only network guard.
 */
import fs from 'node:fs'
import {createRequire} from 'node:module'
import type {Frame, Page} from 'playwright-core'
import {expect} from 'vitest'

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] as const

export type Impact = 'minor' | 'moderate' | 'serious' | 'critical'

export interface AxeViolation {
  id: string
  impact: Impact | null
  help: string
  helpUrl: string
  nodes: {target: string[]; failureSummary?: string; html: string}[]
}

export interface AxeCheck {
  /** Names the page in failure messages, e.g. "GMS widget, callback form at 375 px". */
  label?: string
  /** CSS selector of the part to check; the whole document by default. */
  include?: string
  /** Moderate (or minor) rules accepted here, each with the reason. Serious and critical ones cannot be allowed. */
  allow?: Record<string, string>
}

/** Injects axe-core (once per document) and returns every violation it finds. */
export async function runAxe(target: Page | Frame, include?: string): Promise<AxeViolation[]> {
  const loaded = await target.evaluate(() => typeof (window as unknown as {axe?: unknown}).axe === 'object')
  if (!loaded) await target.evaluate(AXE_SOURCE)
  return target.evaluate(
    async ({include, tags}) => {
      const axe = (window as unknown as {axe: {run: (ctx: unknown, opts: unknown) => Promise<{violations: AxeViolation[]}>}}).axe
      const result = await axe.run(include ? {include: [include]} : document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({target: n.target.map(String), failureSummary: n.failureSummary, html: n.html.slice(0, 200)})),
      }))
    },
    {include, tags: [...AXE_TAGS]},
  )
}

/** One readable line per violation and node, for failure messages and logs. */
export function describeViolations(list: AxeViolation[]): string {
  return list
    .map(
      (v) =>
        `${v.impact ?? 'unknown'} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    at ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').trim()}\n    ${n.html}`).join('\n')}`,
    )
    .join('\n')
}

/**
 * Fails on serious and critical violations, and on moderate ones not in `allow`.
 * Returns what remained (minor and allowed ones) so a test can look at them.
 */
export async function expectAccessible(target: Page | Frame, check: AxeCheck = {}): Promise<AxeViolation[]> {
  const allow = check.allow ?? {}
  for (const [rule, reason] of Object.entries(allow)) expect(reason.trim(), `allowed axe rule ${rule} needs a reason`).not.toBe('')
  const violations = await runAxe(target, check.include)
  const failing = violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical' || v.impact === null || (v.impact === 'moderate' && !(v.id in allow)),
  )
  expect(failing, `axe-core on ${check.label ?? target.url()}:\n${describeViolations(failing)}`).toEqual([])
  return violations
}
