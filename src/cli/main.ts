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

export {run}

export interface ExecuteOptions {
  dir: string
  development?: boolean
  args?: string[]
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
  if (options.development) {
    process.env.NODE_ENV = 'development'
    settings.debug = true
  }
  try {
    return await run(options.args ?? process.argv.slice(2), options.dir)
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
