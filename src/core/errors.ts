/**
 * The error taxonomy (house style). A GweIntError is a user-facing, one-line
 * message; the command base class maps `exit` to the process exit code and never
 * prints a stack for these.
 */
export const EXIT = {
  ok: 0,
  /** `--check` found differences. */
  drift: 1,
  /** Invalid input: flags, config, templates, patch targets. */
  invalid: 2,
  /** Refused to overwrite files that changed since gwe-int wrote them. */
  conflict: 3,
  /** Interrupted (Ctrl-C). */
  interrupted: 130,
} as const

export type ExitCode = (typeof EXIT)[keyof typeof EXIT]

export class GweIntError extends Error {
  constructor(
    message: string,
    readonly exit: ExitCode = EXIT.invalid,
    /** Extra lines shown under the message (hints, lists). */
    readonly details: readonly string[] = [],
  ) {
    super(message)
    this.name = 'GweIntError'
  }
}

export const invalid = (message: string, details: readonly string[] = []) => new GweIntError(message, EXIT.invalid, details)
