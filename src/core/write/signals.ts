/**
 * What SIGINT (Ctrl-C), SIGTERM (a CI cancel, `timeout`, `docker stop`) and SIGHUP (a
 * closed terminal) do while gwe-int writes. Outside a write they keep Node's default:
 * the process ends at once and nothing was written. While apply() writes, each of them
 * aborts the write, which is rolled back, and the command exits 128 + the signal's
 * number. Once the last file is in place the write is complete: a signal then only
 * gets a note on stderr, the command finishes and exits 0 (a second signal ends the
 * process at once, as the default would).
 */
import {EXIT, type ExitCode} from '../../shared/errors.js'

export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const
export type StopSignal = (typeof STOP_SIGNALS)[number]

export const SIGNAL_EXIT: Record<StopSignal, ExitCode> = {SIGINT: EXIT.interrupted, SIGTERM: EXIT.terminated, SIGHUP: EXIT.hangup}

/** The signal an AbortSignal was aborted with (apply() aborts with its name), SIGINT for any other reason. */
export const signalOf = (reason: unknown): StopSignal => (STOP_SIGNALS.includes(reason as StopSignal) ? (reason as StopSignal) : 'SIGINT')

/** Calls `handler` on each stop signal until the returned function is called. */
export function onStopSignals(handler: (signal: StopSignal) => void): () => void {
  const listeners = STOP_SIGNALS.map((signal) => [signal, () => handler(signal)] as const)
  for (const [signal, listener] of listeners) process.on(signal, listener)
  return () => {
    for (const [signal, listener] of listeners) process.off(signal, listener)
  }
}

let lateInstalled = false

/**
 * After the last file of a write is in place: a first signal is reported truthfully
 * (every file was written) and the command goes on to print its summary; a second one
 * restores the default action and ends the process.
 */
export function afterWrite(count: number, already?: StopSignal): void {
  let seen = false
  const note = (signal: StopSignal) => {
    seen = true
    process.stderr.write(`note: ${signal} received after the write had finished; all ${count} file${count === 1 ? '' : 's'} were written\n`)
  }
  if (already) note(already)
  if (lateInstalled) return
  lateInstalled = true
  const off = onStopSignals((signal) => {
    if (!seen) return note(signal)
    off()
    process.kill(process.pid, signal)
  })
}
