/**
 * stdout and stderr that cannot be written, and errors nothing else caught.
 *
 * A failed write to stdout or stderr (a reader that went away: EPIPE; a full disk:
 * ENOSPC; a closed descriptor: EBADF) is an 'error' event on the stream, which without a
 * listener ends the process at once, with a stack, in the middle of whatever it was
 * doing (a write of files, which then is never rolled back). Here it is only noted: the
 * run goes on to the end (its write completes or is rolled back as usual), and then:
 * - EPIPE: the reader stopped early (`| head`); not an error, the exit code is the run's;
 * - anything else: the output was lost, so a run that would have exited 0 or 1 exits 74,
 *   with one line on the other stream if that one still works (none under --json, whose
 *   stdout is one JSON document).
 *
 * An exception or rejection nobody caught is one line and exit 70, never a stack trace
 * (nor the line of minified bundle source Node would print with it); DEBUG=gwe-int shows
 * the stack.
 */
import {EXIT} from '../shared/errors.js'

type StreamName = 'stdout' | 'stderr'

/**
 * Test hook, read only when set: `exception` or `rejection` makes the run fail with one
 * nobody handles, as a bug would (test/e2e/output-streams.test.ts).
 */
export const TEST_THROW_ENV = 'GWE_INT_TEST_UNHANDLED'

const failed: Partial<Record<StreamName, string>> = {}

const IO_WORDS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EBADF: 'the descriptor is closed or not open for writing',
  EIO: 'input/output error',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
}

/** Whether `name` has failed (after which nothing more is written to it). */
export const streamFailed = (name: StreamName): boolean => failed[name] !== undefined

/** Writes to `name` unless it has failed (never throws once guardStreams has run). */
export function safeWrite(name: StreamName, text: string): void {
  if (failed[name] === undefined) process[name].write(text)
}

/** DEBUG=gwe-int (any value does, as for the command's own errors). */
export const wantsDebug = (): boolean => Boolean(process.env.DEBUG)

const listeners = {
  stdout: (error: NodeJS.ErrnoException) => {
    failed.stdout ??= error.code ?? 'EIO'
  },
  stderr: (error: NodeJS.ErrnoException) => {
    failed.stderr ??= error.code ?? 'EIO'
  },
}

/**
 * Removes the 'error' listeners others put on stdout and stderr: oclif's Command module
 * adds one that rethrows anything but EPIPE, which would make a full disk a crash again.
 * Called once the command's module has loaded (BaseCommand.init).
 */
export function dropOtherStreamListeners(): void {
  for (const name of ['stdout', 'stderr'] as const) {
    for (const listener of process[name].listeners('error')) if (listener !== listeners[name]) process[name].off('error', listener as () => void)
  }
}

/**
 * Installs the listeners; call once, before anything is written. `json`: stdout carries
 * a JSON document, so no line is added to it.
 */
export function guardStreams(json: boolean): void {
  for (const name of ['stdout', 'stderr'] as const) {
    const stream = process[name]
    stream.on('error', listeners[name])
    // On a file, Node 20 writes synchronously and throws (ENOSPC) out of write() itself.
    // Once a stream has failed, nothing more is written to it; a callback still gets called.
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean
    stream.write = ((...args: unknown[]) => {
      const callback = args.find((a) => typeof a === 'function') as (() => void) | undefined
      if (failed[name] === undefined) {
        try {
          return write(...args)
        } catch (error) {
          failed[name] ??= (error as NodeJS.ErrnoException).code ?? 'EIO'
        }
      }
      if (callback) process.nextTick(callback)
      return true
    }) as typeof stream.write
  }
  const lastResort = (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error)
    safeWrite('stderr', `error: internal error: ${message.split('\n')[0]}. Please report it (set DEBUG=gwe-int for the stack).\n`)
    if (wantsDebug() && error instanceof Error) safeWrite('stderr', `${error.stack}\n`)
    process.exit(EXIT.internal)
  }
  process.on('uncaughtException', lastResort)
  process.on('unhandledRejection', lastResort)
  const hook = process.env[TEST_THROW_ENV]
  if (hook === 'exception')
    setImmediate(() => {
      throw new Error('test hook: an exception nobody catches')
    })
  if (hook === 'rejection') void Promise.reject(new Error('test hook: a rejection nobody handles'))
  // At the very end: a pipe's EPIPE can come after the command has returned.
  process.on('exit', () => settleStreams(json))
}

/** After the run: the exit code and the one line for a stream that failed (see above). */
function settleStreams(json: boolean): void {
  const broken = (['stdout', 'stderr'] as const).filter((name) => failed[name] !== undefined && failed[name] !== 'EPIPE')
  if (broken.length === 0) return
  const code = process.exitCode
  if (code === undefined || code === EXIT.ok || code === EXIT.drift || code === '0' || code === '1') process.exitCode = EXIT.io
  const name = broken[0]
  const errno = failed[name]!
  const other: StreamName = name === 'stdout' ? 'stderr' : 'stdout'
  if (other === 'stdout' && json) return
  const reason = IO_WORDS[errno] ? `${errno}: ${IO_WORDS[errno]}` : errno
  safeWrite(other, `error: could not write to ${name} (${reason}); the output is incomplete\n`)
}
