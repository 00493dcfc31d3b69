/**
 * What every gwe-int command shares: the one error handler (house style) and
 * output helpers that respect --json, --quiet, NO_COLOR and TTYs.
 */
import {Command} from '@oclif/core/command'
import * as Errors from '@oclif/core/errors'
import * as Flags from '@oclif/core/flags'
import {EXIT, GweIntError} from './core/errors.js'

export abstract class BaseCommand extends Command {
  static enableJsonFlag = true
  static baseFlags = {
    quiet: Flags.boolean({char: 'q', summary: 'Print only errors and warnings.', helpGroup: 'GLOBAL'}),
  }

  protected quiet = false

  protected get color(): boolean {
    return Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env) && !this.jsonEnabled()
  }

  /** A line for people (stdout), unless --json or --quiet. */
  protected say(line = ''): void {
    if (!this.jsonEnabled() && !this.quiet) this.log(line)
  }

  /** Warnings go to stderr, in every mode. */
  protected warnLine(line: string): void {
    process.stderr.write(`${this.paint('yellow', 'warning')}: ${line}\n`)
  }

  protected paint(color: 'red' | 'green' | 'yellow' | 'dim' | 'bold' | 'cyan', text: string): string {
    if (!this.color) return text
    const codes = {red: [31, 39], green: [32, 39], yellow: [33, 39], dim: [2, 22], bold: [1, 22], cyan: [36, 39]}[color]
    return `\u001B[${codes[0]}m${text}\u001B[${codes[1]}m`
  }

  protected async catch(err: Error & {exitCode?: number; oclif?: {exit?: number}}): Promise<unknown> {
    if (err instanceof Errors.ExitError) throw err
    let code: number
    let message: string
    let details: readonly string[] = []
    if (err instanceof GweIntError) {
      code = err.exit
      message = err.message
      details = err.details
    } else if (err.name === 'ExitPromptError' || err.name === 'AbortPromptError') {
      code = EXIT.interrupted
      message = 'interrupted; nothing was written'
    } else if (err instanceof Errors.CLIError || (err as {oclif?: unknown}).oclif) {
      // oclif's own parse errors (unknown flag, bad option value): invalid input.
      code = EXIT.invalid
      message = err.message.split('\n').filter((l) => l.trim() && !l.trim().startsWith('See more help')).join(' ').replace(/\s+/g, ' ')
    } else {
      code = 70
      message = `internal error: ${err.message}. Please report it (set DEBUG=gwe-int for the stack).`
      if (process.env.DEBUG) process.stderr.write(`${err.stack}\n`)
    }
    if (this.jsonEnabled()) {
      this.logJson({error: {message, details, exit: code}})
    } else {
      process.stderr.write(`${this.paint('red', 'error')}: ${message}\n`)
      for (const line of details) process.stderr.write(`  ${line}\n`)
    }
    process.exitCode = code
    this.exit(code)
  }

  protected async init(): Promise<void> {
    await super.init()
    const {flags} = await this.parse(this.constructor as typeof BaseCommand)
    this.quiet = Boolean((flags as {quiet?: boolean}).quiet)
  }
}
