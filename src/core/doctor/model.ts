import type {CheckId} from './check-ids.js'

/**
 * What `doctor` reports: per integration, one line per check. Its JSON form is
 * schema/gwe-int-doctor.schema.json.
 */

/** pass ✓, fail ✗, unknown ? (could not tell, with the reason). */
export type CheckStatus = 'pass' | 'fail' | 'unknown'

export interface Check {
  /** Stable id, one of the catalogue (check-ids.ts). */
  id: CheckId
  status: CheckStatus
  message: string
  /** What to do, for a failed check; null otherwise. */
  fix: string | null
  /** A short unified diff of the deployed against the generated file (--diff). */
  diff?: string
}

export interface IntegrationReport {
  name: string
  media: string
  checks: Check[]
}

export interface DoctorReport {
  integrations: IntegrationReport[]
  /** Proxies the requests went through (credentials removed); empty when none. */
  proxies: string[]
  summary: {pass: number; fail: number; unknown: number}
}

export const pass = (id: CheckId, message: string): Check => ({id, status: 'pass', message, fix: null})
export const fail = (id: CheckId, message: string, fix: string): Check => ({id, status: 'fail', message, fix})
export const unknown = (id: CheckId, message: string): Check => ({id, status: 'unknown', message, fix: null})

export function summarize(integrations: IntegrationReport[]): DoctorReport['summary'] {
  const summary = {pass: 0, fail: 0, unknown: 0}
  for (const i of integrations) for (const c of i.checks) summary[c.status] += 1
  return summary
}
