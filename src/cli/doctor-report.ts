/**
 * How `gwe-int doctor` prints its report: per integration, one line per check with
 * ✓ / ✗ / ?, a line on what to do under each ✗, and a summary. Also --timeout's parser.
 */
import type {Check, CheckStatus, DoctorReport} from '../core/doctor/index.js'
import {invalid} from '../shared/errors.js'

type Paint = (color: 'red' | 'green' | 'yellow' | 'dim' | 'bold', text: string) => string

const MARK: Record<CheckStatus, string> = {pass: '✓', fail: '✗', unknown: '?'}
const COLOR = {pass: 'green', fail: 'red', unknown: 'yellow'} as const

export function doctorLines(report: DoctorReport, paint: Paint): string[] {
  const out: string[] = []
  for (const i of report.integrations) {
    out.push(`${paint('bold', i.name)} ${paint('dim', `(${i.media})`)}`)
    for (const c of i.checks) out.push(...checkLines(c, paint))
    out.push('')
  }
  out.push(report.proxies.length > 0 ? `proxy: ${report.proxies.join(', ')} (from HTTPS_PROXY/HTTP_PROXY)` : 'proxy: none (no HTTPS_PROXY/HTTP_PROXY applies)')
  const s = report.summary
  out.push(`${s.pass} passed, ${s.fail} failed, ${s.unknown} could not tell`)
  return out
}

/**
 * Messages quote what servers answered and deployed files hold: control characters are
 * shown as U+FFFD, so no server can move the cursor or recolour the terminal.
 */
const printable = (text: string) => text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\ufffd')

function checkLines(c: Check, paint: Paint): string[] {
  const lines = [`  ${paint(COLOR[c.status], MARK[c.status])} ${printable(c.message)}`]
  if (c.fix) lines.push(`      ${paint('bold', 'fix:')} ${printable(c.fix)}`)
  if (c.diff)
    for (const l of c.diff.split('\n')) lines.push(l ? `      ${paint(l.startsWith('+') ? 'green' : l.startsWith('-') ? 'red' : 'dim', printable(l))}` : '')
  return lines
}

/** `5s`, `500ms`, `1.5s` or a number of seconds, as milliseconds (100 ms to 10 minutes). */
export function parseTimeout(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s)?\s*$/i.exec(value)
  const ms = m ? Number(m[1]) * (m[2]?.toLowerCase() === 'ms' ? 1 : 1000) : Number.NaN
  if (!Number.isFinite(ms) || ms < 100 || ms > 600_000) throw invalid(`--timeout ${value}: give a time per request between 100ms and 600s, e.g. 5s or 500ms`)
  return Math.round(ms)
}
