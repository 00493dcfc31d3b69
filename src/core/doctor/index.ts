/**
 * `gwe-int doctor` as a function: every target's checks, run against the live servers
 * with read-only requests, into one report. Integrations run side by side; the prober
 * keeps each host to a few requests at a time.
 */
import {normalizeBaseUrl} from '../integration/validate.js'
import {invalid} from '../../shared/errors.js'
import {checkIntegration, type CheckOptions} from './checks.js'
import {type DoctorReport, summarize} from './model.js'
import {Prober} from './prober.js'
import type {DoctorTarget} from './target.js'

export interface DoctorOptions extends CheckOptions {
  timeoutMs: number
}

export async function runDoctor(targets: readonly DoctorTarget[], opts: DoctorOptions): Promise<DoctorReport> {
  const prober = new Prober(opts.timeoutMs)
  const integrations = await Promise.all(
    targets.map(async (t) => ({name: t.integration.name, media: t.integration.medium.id, checks: await checkIntegration(t, prober, opts)})),
  )
  return {integrations, proxies: [...prober.proxies].sort(), summary: summarize(integrations)}
}

/** `--gwe-url`, in its normal form (https:// added, trailing slashes dropped); bad input names the flag. */
export function gweUrlFlag(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  const {value: url, error} = normalizeBaseUrl(value)
  if (error || !url) throw invalid(`--gwe-url ${value}: ${error ?? 'not a URL'}`)
  return url
}

export type {DoctorTarget, GeneratedFile} from './target.js'
export {selectNamed, targetsFromConfig} from './target.js'
export type {Check, CheckStatus, DoctorReport, IntegrationReport} from './model.js'
export {READ_ONLY_METHODS} from './probe.js'
export {CHECKS, type CheckId} from './check-ids.js'
