/**
 * What bin/run.cjs loads: oclif's entry points. scripts/bundle.mjs bundles them with
 * @oclif/core (dist/main/run.cjs), so start-up reads one file for the framework.
 * `run` (no exit on errors) is for the build's code-cache training run.
 */
// Subpath imports: the package index would initialize every module of @oclif/core
// (ux, help rendering, parser, ...) before any command runs (start-up time).
import {Exit, handle} from '@oclif/core/handle'
import {run} from '@oclif/core/run'
import {settings} from '@oclif/core/settings'
import type {PJSON, Plugin} from '@oclif/core/interfaces'
import {guardStreams} from './streams.js'

export {run}

export interface ExecuteOptions {
  dir: string
  development?: boolean
  args?: string[]
  /**
   * The package's root folder and its package.json, when the caller has read them
   * (bin/run.cjs): oclif then neither searches for the root nor reads the file again.
   */
  root?: string
  pjson?: PJSON
  /** The plugins already loaded (bin/dev.js: the root plugin read from src/, not from the build's manifest). */
  plugins?: Map<string, Plugin>
}

/**
 * oclif's execute() without its two ways of cutting output short. oclif waits at most
 * 10 s for stdout to drain, then turns a successful run into exit 1 with a stack
 * ("timed out"), and it ends every failing run with process.exit(), which drops
 * whatever a slow pipe reader (a pager, `| head`'s neighbour, CI log capture) has not
 * read yet: a --check diff or a --json document cut at 64 KiB. Here the exit code is
 * only set, and Node ends the process when stdout and stderr have drained, however
 * long that takes.
 */
export async function execute(options: ExecuteOptions): Promise<unknown> {
  const args = options.args ?? process.argv.slice(2)
  guardStreams(args.includes('--json'))
  return runCommand(options, args)
}

async function runCommand(options: ExecuteOptions, args: string[]): Promise<unknown> {
  if (options.development) {
    process.env.NODE_ENV = 'development'
    settings.debug = true
  }
  try {
    // gwe-int has no `plugins install`: oclif need not look for user-installed plugins (a
    // read of <data dir>/package.json at every start) or development plugins.
    const load =
      options.root && options.pjson ? {root: options.root, pjson: options.pjson, plugins: options.plugins, userPlugins: false, devPlugins: false} : options.dir
    return await run(args, load)
  } catch (error) {
    const exit = (error as {oclif?: {exit?: number}; code?: string}).oclif?.exit
    // this.exit(code): the command has printed what it had to say (BaseCommand.catch, --check).
    if ((error as {code?: string}).code === 'EEXIT' && exit !== undefined) {
      process.exitCode = exit
      return undefined
    }
    // Anything else (oclif's own errors before a command runs): its message, without process.exit().
    Exit.exit = ((code = 0) => {
      process.exitCode = code
    }) as typeof Exit.exit
    await handle(error as Error)
    return undefined
  }
}

/**
 * Ends the process as soon as the run has left nothing behind, rather than waiting
 * for Node to tear its heap down first (~10 ms of every run). Only when nothing but
 * stdout's and stderr's own handles is still open and neither has bytes left to write:
 * anything else (the preview's server, a timer, a write a slow reader has not taken
 * yet) and Node ends the process the usual way, once it is all done.
 */
export async function exitWhenIdle(): Promise<void> {
  // The request whose callback settled the run is released only after that callback.
  await new Promise((resolve) => setImmediate(resolve))
  const streams = [process.stdout, process.stderr]
  if (streams.some((s) => s.writableLength > 0)) return
  const withHandle = streams.filter((s) => (s as unknown as {_handle?: unknown})._handle).length
  const resources = process.getActiveResourcesInfo()
  const stdio = resources.filter((r) => r === 'TTYWrap' || r === 'PipeWrap').length
  if (stdio === resources.length && stdio <= withHandle) process.exit()
}
