import * as Flags from '@oclif/core/flags'
import {BaseCommand} from '../cli/command-base.js'
import {groupWarnings} from '../core/advice.js'
import {apply} from '../core/write/apply.js'
import {withConfigLock} from '../core/write/lock.js'
import {diffOf} from '../core/result.js'
import {generateConfigFile, leftoversOf, planGenerate} from '../core/generate.js'
import {EXIT_CODES_HELP} from '../cli/help-text.js'
import {withSmallYoungGeneration} from '../cli/heap.js'
import {checkReport, planJson, relPath, strictError, warningCount} from '../cli/plan-report.js'

export default class Generate extends BaseCommand {
  static summary = 'Regenerate every integration of the config, byte for byte; --check fails on drift.'
  static description =
    `Reads ./gwe-int.config.json (or .yaml/.yml, or --config), plans every integration in memory and writes them all or nothing. Paths resolve against the config file's folder, so the output does not depend on the current directory. Temp and backup files left by a killed run are removed from the folders it writes; --check reports them.

Files gwe-int wrote for this config that it no longer generates (a renamed invitation, a removed integration) are deleted when nobody edited them, and listed and kept when somebody did (--force deletes them too). Only the output folders the config names are looked at. --dry-run exits 3 when the real run would refuse.

Warnings (built-in invitations, URLs without a host, placeholder hosts) go to stderr on every run, one line per cause naming the integrations it concerns (--json lists them per integration); --strict turns them into a failure (exit 1) listing the causes, so a CI can refuse placeholders.

${EXIT_CODES_HELP}`

  static examples = [
    {description: 'Write every integration', command: '<%= config.bin %> <%= command.id %>'},
    {description: 'In CI: fail with a diff when committed output has drifted', command: '<%= config.bin %> <%= command.id %> --check'},
    {
      description: 'In CI: also refuse built-in invitations, relative URLs and placeholder hosts',
      command: '<%= config.bin %> <%= command.id %> --check --strict',
    },
    {description: 'The plan as JSON', command: '<%= config.bin %> <%= command.id %> --dry-run --json'},
    {description: 'One integration of another config', command: '<%= config.bin %> <%= command.id %> --config ci/gwe.yaml --only support-chat'},
    {description: 'Every integration with your branded templates, this run only', command: '<%= config.bin %> <%= command.id %> --templates my-templates'},
  ]

  static flags = {
    config: Flags.string({char: 'c', summary: 'Config file (default: ./gwe-int.config.json, .yaml or .yml)', helpValue: 'FILE'}),
    only: Flags.string({summary: 'Only these integrations (repeatable)', multiple: true, helpValue: 'NAME'}),
    check: Flags.boolean({
      summary:
        'Write nothing; exit 1 with a unified diff when any output differs or is missing, or a killed run left temp files. Waits for a running generate (the config lock) first',
    }),
    'dry-run': Flags.boolean({summary: 'Print the plan; write nothing'}),
    diff: Flags.boolean({summary: 'With --dry-run: show the diff of each file that would change'}),
    force: Flags.boolean({char: 'f', summary: 'Overwrite files that were edited by hand or not written by gwe-int'}),
    'allow-outside': Flags.boolean({summary: "Allow output folders outside the config file's folder"}),
    templates: Flags.string({
      summary: 'Folder of template overrides for every integration, this run only (record one with "gwe-int new NAME --templates DIR")',
      helpValue: 'DIR',
    }),
    strict: Flags.boolean({summary: 'Fail (exit 1) when there are warnings: built-in invitations, relative URLs, placeholder hosts'}),
  }

  async run() {
    // Every planned file stays in memory until the plan is written or compared.
    return withSmallYoungGeneration(() => this.generate())
  }

  private async generate() {
    const {flags} = await this.parse(Generate)
    const cwd = process.cwd()
    const configFile = generateConfigFile(cwd, flags.config)
    // Writing runs hold the config's lock, so a parallel `new` or `generate` waits for this one;
    // --check takes it too where it can, so it waits for a running write instead of comparing half of it.
    const writing = !flags.check && !flags['dry-run'] && configFile !== undefined
    const lock = writing ? true : flags.check && configFile !== undefined ? 'read' : false
    return withConfigLock(configFile ?? cwd, lock, async () => {
      const result = await planGenerate({
        cwd,
        config: flags.config,
        only: flags.only,
        force: flags.force,
        allowOutside: flags['allow-outside'],
        templates: flags.templates,
      })
      const files = result.files
      const groups = groupWarnings(result.warnings)
      // --strict lists the causes in its error, so they are not printed twice.
      const strictFails = flags.strict && groups.length > 0
      const warnings = result.warnings.map((w) => w.message)
      if (flags.check) {
        const stale = files.filter((f) => f.status !== 'unchanged')
        const leftovers = leftoversOf(result)
        const drift = stale.length > 0 || leftovers.length > 0
        if (drift || !strictFails) this.warnAll(groups)
        if (!this.jsonEnabled()) {
          for (const f of stale) process.stdout.write(diffOf(f, cwd))
          for (const f of leftovers) process.stdout.write(`leftover: ${relPath(cwd, f)} (a temp/backup file of a killed run; "gwe-int generate" removes it)\n`)
        }
        const report = checkReport(files, cwd)
        const summary = `${report.summary}${leftovers.length ? `, ${leftovers.length} leftover temp/backup file${leftovers.length === 1 ? '' : 's'}` : ''}`
        const json = {summary, files: planJson(files, cwd), leftovers: leftovers.map((f) => relPath(cwd, f)), warnings}
        if (drift) {
          if (!this.jsonEnabled()) {
            process.stderr.write(`${summary}\n${report.details.map((l) => `  ${l}\n`).join('')}`)
            if (strictFails) process.stderr.write(`--strict: ${warningCount(groups)}, listed above\n`)
          }
          this.drifted({check: false, ...json})
        }
        if (strictFails) throw strictError(groups, {check: true})
        this.say(`all ${files.length} files up to date`)
        return {check: true, ...json}
      }
      if (!strictFails) this.warnAll(groups)
      const dryRun = flags['dry-run']
      if (dryRun) this.showPlan(files, cwd, {dryRun, diff: flags.diff})
      if (strictFails) throw strictError(groups)
      this.refuseConflicts(files, cwd, dryRun)
      if (dryRun) {
        this.endPlan(files, cwd, {dryRun})
        return {config: relPath(cwd, result.configFile), dryRun, files: planJson(files, cwd), warnings}
      }
      const {swept} = await apply(files, {sweep: [result.baseDir]})
      this.showPlan(files, cwd, {dryRun})
      this.endPlan(files, cwd, {dryRun, swept, nextSteps: result.nextSteps})
      return {config: relPath(cwd, result.configFile), dryRun, files: planJson(files, cwd), warnings, nextSteps: result.nextSteps}
    })
  }
}
