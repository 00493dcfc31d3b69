import * as Flags from '@oclif/core/flags'
import {BaseCommand} from '../command-base.js'
import {apply} from '../core/apply.js'
import {EXIT, GweIntError} from '../core/errors.js'
import {diffOf, planGenerate} from '../core/operations.js'
import {conflictMessage, fileTree, planJson, relPath, summaryLine} from '../messages.js'

export default class Generate extends BaseCommand {
  static summary = 'Regenerate every integration of the config, byte for byte; --check fails on drift.'
  static description = `Reads ./gwe-int.config.json (or .yaml/.yml, or --config), plans every integration in memory and writes them all or nothing. Paths resolve against the config file's folder, so the output does not depend on the current directory.

Exit codes: 0 ok; 1 --check found differences; 2 invalid config or input; 3 refused to overwrite files edited by hand.`

  static examples = [
    {description: 'Write every integration', command: '<%= config.bin %> <%= command.id %>'},
    {description: 'In CI: fail with a diff when committed output has drifted', command: '<%= config.bin %> <%= command.id %> --check'},
    {description: 'The plan as JSON', command: '<%= config.bin %> <%= command.id %> --dry-run --json'},
    {description: 'One integration of another config', command: '<%= config.bin %> <%= command.id %> --config ci/gwe.yaml --only support-chat'},
  ]

  static flags = {
    config: Flags.string({char: 'c', summary: 'Config file (default: ./gwe-int.config.json, .yaml or .yml)', helpValue: 'FILE'}),
    only: Flags.string({summary: 'Only these integrations (repeatable)', multiple: true, helpValue: 'NAME'}),
    check: Flags.boolean({summary: 'Write nothing; exit 1 with a unified diff when any output differs or is missing'}),
    'dry-run': Flags.boolean({summary: 'Print the plan; write nothing'}),
    diff: Flags.boolean({summary: 'With --dry-run: show the diff of each file that would change'}),
    force: Flags.boolean({char: 'f', summary: 'Overwrite files that were edited by hand or not written by gwe-int'}),
    'allow-outside': Flags.boolean({summary: 'Allow output folders outside the config file\'s folder'}),
  }

  async run() {
    const {flags} = await this.parse(Generate)
    const cwd = process.cwd()
    const result = await planGenerate({cwd, config: flags.config, only: flags.only, force: flags.force, allowOutside: flags['allow-outside']})
    const files = result.files
    if (flags.check) {
      const stale = files.filter((f) => f.status !== 'unchanged')
      if (!this.jsonEnabled()) for (const f of stale) process.stdout.write(diffOf(f, cwd))
      const line = `${stale.length} of ${files.length} files out of date`
      if (stale.length > 0) {
        if (this.jsonEnabled()) this.logJson({check: false, summary: line, files: planJson(files, cwd)})
        else process.stderr.write(`${line}; run "gwe-int generate" and commit the result\n`)
        process.exitCode = EXIT.drift
        this.exit(EXIT.drift)
      }
      this.say(`all ${files.length} files up to date`)
      return {check: true, summary: line, files: planJson(files, cwd)}
    }
    if (files.some((f) => f.status === 'conflict') && !flags['dry-run']) {
      const {message, details} = conflictMessage(files, cwd)
      throw new GweIntError(message, EXIT.conflict, details)
    }
    if (!flags['dry-run']) await apply(files)
    this.say(fileTree(files, cwd, this.paint.bind(this), flags['dry-run']).join('\n'))
    if (flags['dry-run'] && flags.diff) for (const f of files) if (f.status !== 'unchanged') this.say(diffOf(f, cwd))
    this.say(flags['dry-run'] ? `dry run: ${summaryLine(files)}; nothing written` : summaryLine(files))
    return {config: relPath(cwd, result.configFile), dryRun: flags['dry-run'], files: planJson(files, cwd)}
  }
}
