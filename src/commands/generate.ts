import * as Flags from '@oclif/core/flags'
import {BaseCommand} from '../command-base.js'
import {apply} from '../core/apply.js'
import {EXIT, GweIntError} from '../core/errors.js'
import {withConfigLock} from '../core/lock.js'
import {diffOf, generateConfigFile, leftoversOf, planGenerate} from '../core/operations.js'
import {EXIT_CODES_HELP} from '../help-text.js'
import {conflictMessage, fileTree, planJson, relPath, summaryLine, sweptLine} from '../messages.js'

export default class Generate extends BaseCommand {
  static summary = 'Regenerate every integration of the config, byte for byte; --check fails on drift.'
  static description = `Reads ./gwe-int.config.json (or .yaml/.yml, or --config), plans every integration in memory and writes them all or nothing. Paths resolve against the config file's folder, so the output does not depend on the current directory. Temp and backup files left by a killed run are removed from the folders it writes; --check reports them.

${EXIT_CODES_HELP}`

  static examples = [
    {description: 'Write every integration', command: '<%= config.bin %> <%= command.id %>'},
    {description: 'In CI: fail with a diff when committed output has drifted', command: '<%= config.bin %> <%= command.id %> --check'},
    {description: 'The plan as JSON', command: '<%= config.bin %> <%= command.id %> --dry-run --json'},
    {description: 'One integration of another config', command: '<%= config.bin %> <%= command.id %> --config ci/gwe.yaml --only support-chat'},
  ]

  static flags = {
    config: Flags.string({char: 'c', summary: 'Config file (default: ./gwe-int.config.json, .yaml or .yml)', helpValue: 'FILE'}),
    only: Flags.string({summary: 'Only these integrations (repeatable)', multiple: true, helpValue: 'NAME'}),
    check: Flags.boolean({summary: 'Write nothing; exit 1 with a unified diff when any output differs or is missing, or a killed run left temp files'}),
    'dry-run': Flags.boolean({summary: 'Print the plan; write nothing'}),
    diff: Flags.boolean({summary: 'With --dry-run: show the diff of each file that would change'}),
    force: Flags.boolean({char: 'f', summary: 'Overwrite files that were edited by hand or not written by gwe-int'}),
    'allow-outside': Flags.boolean({summary: 'Allow output folders outside the config file\'s folder'}),
  }

  async run() {
    const {flags} = await this.parse(Generate)
    const cwd = process.cwd()
    const configFile = generateConfigFile(cwd, flags.config)
    // Writing runs hold the config's lock, so a parallel `new` or `generate` waits for this one.
    const writing = !flags.check && !flags['dry-run'] && configFile !== undefined
    return withConfigLock(configFile ?? cwd, writing, async () => {
      const result = await planGenerate({cwd, config: flags.config, only: flags.only, force: flags.force, allowOutside: flags['allow-outside']})
      const files = result.files
      if (flags.check) {
        const stale = files.filter((f) => f.status !== 'unchanged')
        const leftovers = leftoversOf(result)
        if (!this.jsonEnabled()) {
          for (const f of stale) process.stdout.write(diffOf(f, cwd))
          for (const f of leftovers) process.stdout.write(`leftover: ${relPath(cwd, f)} (a temp/backup file of a killed run; "gwe-int generate" removes it)\n`)
        }
        const line = `${stale.length} of ${files.length} files out of date${leftovers.length ? `, ${leftovers.length} leftover temp/backup file${leftovers.length === 1 ? '' : 's'}` : ''}`
        const json = {summary: line, files: planJson(files, cwd), leftovers: leftovers.map((f) => relPath(cwd, f))}
        if (stale.length > 0 || leftovers.length > 0) {
          if (this.jsonEnabled()) this.logJson({check: false, ...json})
          else process.stderr.write(`${line}; run "gwe-int generate" and commit the result\n`)
          process.exitCode = EXIT.drift
          this.exit(EXIT.drift)
        }
        this.say(`all ${files.length} files up to date`)
        return {check: true, ...json}
      }
      if (files.some((f) => f.status === 'conflict') && !flags['dry-run']) {
        const {message, details} = conflictMessage(files, cwd)
        throw new GweIntError(message, EXIT.conflict, details)
      }
      const swept = flags['dry-run'] ? [] : (await apply(files, {sweep: [result.baseDir]})).swept
      this.say(fileTree(files, cwd, this.paint.bind(this), flags['dry-run']).join('\n'))
      if (flags['dry-run'] && flags.diff) for (const f of files) if (f.status !== 'unchanged') this.say(diffOf(f, cwd))
      if (swept.length > 0) this.say(sweptLine(swept, cwd))
      this.say(flags['dry-run'] ? `dry run: ${summaryLine(files)}; nothing written` : summaryLine(files))
      return {config: relPath(cwd, result.configFile), dryRun: flags['dry-run'], files: planJson(files, cwd)}
    })
  }
}
