/**
 * What every gwe-int command shares: the one error handler and
 * output helpers that respect --json, --quiet, NO_COLOR and TTYs.
 */
import {Command} from '@oclif/core/command'
import * as Errors from '@oclif/core/errors'
import * as Flags from '@oclif/core/flags'
import type {WarningGroup} from '../core/advice.js'
import {diffOf} from '../core/result.js'
import type {AssessedFile} from '../core/write/assess.js'
import {EXIT, GweIntError} from '../shared/errors.js'
import {conflictMessage, fileTree, summaryLine, sweptLine, warningText} from './plan-report.js'
import {closest} from '../shared/suggest.js'
import {dropOtherStreamListeners} from './streams.js'

export abstract class BaseCommand extends Command {
  static enableJsonFlag = true
  static baseFlags = {
    quiet: Flags.boolean({char: 'q', summary: 'Print only errors and warnings.', helpGroup: 'GLOBAL'}),
  }

  protected quiet = false

  protected get color(): boolean {
    return Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env) && !this.jsonEnabled()
  }

  /** Whether lines for people are printed: not with --json or --quiet. */
  protected get speaking(): boolean {
    return !this.jsonEnabled() && !this.quiet
  }

  /**
   * A line for people (stdout), unless --json or --quiet. Written as is: oclif's log() would
   * pass it through util.format and console.log, which print a single string unchanged.
   */
  protected say(line = ''): void {
    if (this.speaking) process.stdout.write(`${line}\n`)
  }

  /** Warnings go to stderr, in every mode. */
  protected warnLine(line: string): void {
    process.stderr.write(`${this.paint('yellow', 'warning')}: ${line}\n`)
  }

  /**
   * Warnings of a plan, on stderr: one line per cause (core/advice.ts groups them). One that
   * means the output cannot work in production is framed so it cannot be missed in a
   * scrolling terminal or a CI log.
   */
  protected warnAll(groups: readonly WarningGroup[]): void {
    for (const g of groups) {
      if (!g.critical) {
        this.warnLine(warningText(g))
        continue
      }
      const bar = '!'.repeat(72)
      process.stderr.write(`${this.paint('red', bar)}\n`)
      this.warnLine(this.paint('bold', warningText(g)))
      process.stderr.write(`${this.paint('red', bar)}\n`)
    }
  }

  /**
   * A plan as new and generate show it: the tree of files with their status and, for a dry
   * run with --diff, the diff of every file that would change.
   */
  protected showPlan(files: AssessedFile[], cwd: string, {dryRun, diff = false}: {dryRun: boolean; diff?: boolean}): void {
    // Nothing is built that would not be printed (the tree of a large generate costs ~5 ms).
    if (!this.speaking) return
    this.say(fileTree(files, cwd, this.paint.bind(this), {dryRun}).join('\n'))
    if (dryRun && diff) for (const f of files) if (f.status !== 'unchanged') this.say(diffOf(f, cwd))
  }

  /**
   * How new and generate end a plan: the stale temp files removed, the summary line (a dry
   * run's says nothing was written) and, after a write, the next steps.
   */
  protected endPlan(
    files: AssessedFile[],
    cwd: string,
    {dryRun, swept = [], nextSteps = []}: {dryRun: boolean; swept?: readonly string[]; nextSteps?: readonly string[]},
  ): void {
    if (swept.length > 0) this.say(sweptLine(swept, cwd))
    this.say(dryRun ? `dry run: ${summaryLine(files)}; nothing written` : summaryLine(files))
    if (!dryRun) this.sayNextSteps(nextSteps)
  }

  /** Next steps for people: after the summary, never with --quiet or --json. */
  protected sayNextSteps(steps: readonly string[]): void {
    if (steps.length === 0) return
    this.say('')
    this.say(this.paint('bold', 'Next steps:'))
    for (const step of steps) this.say(`  - ${step}`)
  }

  /**
   * The one ending of every plan with conflicts: refuse (exit 3), naming the files. A dry
   * run refuses too, after showing its plan, so a script can test what the real run would do.
   */
  protected refuseConflicts(files: AssessedFile[], cwd: string, dryRun = false): void {
    if (!files.some((f) => f.status === 'conflict')) return
    const {message, details} = conflictMessage(files, cwd, dryRun)
    throw new GweIntError(message, EXIT.conflict, details)
  }

  /** The one ending of `--check` finding drift: exit 1, with the JSON document under --json. */
  protected drifted(json: object): never {
    if (this.jsonEnabled()) this.logJson(json)
    process.exitCode = EXIT.drift
    this.exit(EXIT.drift)
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
      message =
        this.unknownFlagHint(err.message) ??
        oclifMessage(
          err.message
            .split('\n')
            .filter((l) => l.trim() && !l.trim().startsWith('See more help'))
            .join(' ')
            .replace(/\s+/g, ' '),
        )
    } else {
      code = EXIT.internal
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
    // A write stopped by a signal (rolled back): whoever pressed Ctrl-C waits for the
    // prompt, and Node's ordinary exit first frees the heap of a large plan piece by
    // piece (a few hundred ms for 200 integrations on a busy machine). Once what was
    // printed has drained, the process ends at once instead.
    if (err instanceof GweIntError && (code === EXIT.interrupted || code === EXIT.terminated || code === EXIT.hangup)) {
      await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write('', resolve))))
      process.exit(code)
    }
    this.exit(code)
  }

  /** `unknown flag --hots; did you mean --host?` for oclif's "Nonexistent flag" (commands get the same from not-found). */
  private unknownFlagHint(text: string): string | undefined {
    const found = /Nonexistent flags?: (.+)/.exec(text)
    if (!found) return undefined
    const ctor = this.constructor as typeof BaseCommand
    const names = Object.keys({...ctor.baseFlags, ...ctor.flags, json: true}).map((n) => `--${n}`)
    const typed = found[1]
      .split(',')
      .map((f) => f.trim().split('=')[0])
      .filter(Boolean)
    const hints = typed.map((t) => closest(t, names))
    const help = `"${this.config.bin} ${this.id?.split(':').join(' ') ?? ''} --help" lists them`.replace('  ', ' ')
    if (typed.length === 1 && hints[0]) return `unknown flag ${typed[0]}; did you mean ${hints[0]}? (${help})`
    return `unknown flag${typed.length > 1 ? 's' : ''} ${typed.join(', ')} (${help})`
  }

  protected async init(): Promise<void> {
    dropOtherStreamListeners()
    await super.init()
    const {flags} = await this.parse(this.constructor as typeof BaseCommand)
    this.quiet = Boolean((flags as {quiet?: boolean}).quiet)
  }
}

/**
 * oclif's parse errors in the wording of gwe-int's own (`error: --flag: what is allowed`),
 * so every message after "error:" reads the same way.
 */
export function oclifMessage(text: string): string {
  const rules: [RegExp, (...m: string[]) => string][] = [
    [/^Expected (--[\w-]+)=(.*) to be one of: (.+)$/, (_, flag, value, options) => `${flag}: ${value} is not one of ${options}`],
    [/^Expected (.*) to be one of: (.+)$/, (_, value, options) => `"${value}" is not one of ${options}`],
    [
      /^(?:The following errors? occurred: )?Missing required flags? (.+)$/,
      (_, flags) =>
        `missing ${flags
          .split(/,\s*/)
          .map((f) => (f.startsWith('-') ? f : `--${f}`))
          .join(', ')}`,
    ],
    [/^Parsing (--[\w-]+) Expected an integer but received: (.*)$/, (_, flag, value) => `${flag}: expected a whole number, got ${value}`],
    [
      /^Missing (\d+) required args?: (\w+)\s*(.*)$/,
      (_, _n, arg, what) => `missing the argument ${arg.toUpperCase()}${what ? ` (${what.charAt(0).toLowerCase()}${what.slice(1)})` : ''}`,
    ],
  ]
  for (const [pattern, format] of rules) {
    const m = pattern.exec(text)
    if (m) return format(...m)
  }
  return text.charAt(0).toLowerCase() + text.slice(1)
}
