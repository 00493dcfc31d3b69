import * as Flags from '@oclif/core/flags'
import {BaseCommand} from '../../cli/command-base.js'
import {apply} from '../../core/write/apply.js'
import {EJECT_README, ejectNextSteps, planEject} from '../../core/eject.js'
import {fileTree, planJson, relPath, summaryLine} from '../../cli/plan-report.js'

export default class TemplatesEject extends BaseCommand {
  static summary = 'Copy the built-in templates to a folder to customize them (branding, texts, styles).'
  static description =
    `Writes every template under --out with the same relative paths, plus a ${EJECT_README} listing the variables each template receives and the escaping helpers. Use the folder with "gwe-int new --templates DIR" (recorded), "templates" in the config, or "gwe-int generate --templates DIR" (every integration, one run); files you delete fall back to the built-in ones, unknown file names are an error.

Refuses to write into a folder that is not empty unless --force (exit 3).`

  static examples = [
    {description: 'Copy the templates', command: '<%= config.bin %> <%= command.id %> --out my-templates'},
    {description: 'Then generate with them', command: '<%= config.bin %> new gms-chat --templates my-templates --yes'},
    {description: 'Refresh an existing copy with the current built-in templates', command: '<%= config.bin %> <%= command.id %> --out my-templates --force'},
  ]

  static flags = {
    out: Flags.string({char: 'o', summary: 'Folder to copy the templates into', helpValue: 'DIR', required: true}),
    force: Flags.boolean({char: 'f', summary: 'Write into a folder that is not empty (replaces the template files in it)'}),
    'dry-run': Flags.boolean({summary: 'Print the plan; write nothing'}),
  }

  async run() {
    const {flags} = await this.parse(TemplatesEject)
    const cwd = process.cwd()
    const plan = planEject({cwd, out: flags.out, force: flags.force})
    if (!flags['dry-run']) await apply(plan.files)
    this.say(fileTree(plan.files, cwd, this.paint.bind(this), {dryRun: flags['dry-run']}).join('\n'))
    this.say(flags['dry-run'] ? `dry run: ${summaryLine(plan.files)}; nothing written` : summaryLine(plan.files))
    const next = await ejectNextSteps(cwd, relPath(cwd, plan.outDir), this.config.bin)
    this.say([...next, `what each template receives: ${relPath(cwd, plan.outDir)}/${EJECT_README}`].join('\n'))
    return {out: relPath(cwd, plan.outDir), dryRun: flags['dry-run'], files: planJson(plan.files, cwd), next}
  }
}
