/**
 * The error taxonomy. A GweIntError is a user-facing, one-line
 * message; the command base class maps `exit` to the process exit code and never
 * prints a stack for these.
 */
export const EXIT = {
  ok: 0,
  /** `--check` found differences, or `--strict` found warnings. */
  drift: 1,
  /** Invalid input: flags, config, templates, patch targets. */
  invalid: 2,
  /** Refused to overwrite files that changed since gwe-int wrote them. */
  conflict: 3,
  /** A disk or file-system failure: disk full, read-only, permission denied, I/O error, a lock held too long (74, EX_IOERR of sysexits). */
  /** A bug in gwe-int: an error it did not expect (70, EX_SOFTWARE of sysexits). */
  internal: 70,
  io: 74,
  /** Hung up (SIGHUP) while writing; rolled back. */
  hangup: 129,
  /** Interrupted (Ctrl-C, SIGINT) while writing or at a prompt; rolled back. */
  interrupted: 130,
  /** Terminated (SIGTERM: a CI cancel, `timeout`, `docker stop`) while writing; rolled back. */
  terminated: 143,
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

/**
 * Error codes that mean the disk or the file system failed, not that the input was
 * wrong: they exit 74 so scripts can tell "fix your config" (2) from "fix your disk".
 */
const IO_CODES: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  EBUSY: 'resource busy',
  ETXTBSY: 'file busy',
  EFBIG: 'file too large for the file system',
}

export const isIoCode = (code: string | undefined): boolean => code !== undefined && code in IO_CODES

/** `ENOSPC: no space left on the device`, or the code or message alone for other errors. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code && IO_CODES[code]) return `${code}: ${IO_CODES[code]}`
  return code ?? (error as Error).message
}

/** Exit 74 for a disk or file-system failure, 2 for anything else (something in the way, a missing file). */
export const exitForFsError = (error: unknown): ExitCode => (isIoCode((error as NodeJS.ErrnoException).code) ? EXIT.io : EXIT.invalid)
