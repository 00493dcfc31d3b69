import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'
import {BaseCommand} from '../cli/command-base.js'
import {HELP_ORDER, INPUTS} from '../catalog/inputs.js'
import {MEDIA_IDS} from '../catalog/media.js'
import {groupWarnings} from '../core/advice.js'
import {apply} from '../core/write/apply.js'
import {withConfigLock} from '../core/write/lock.js'
import {newConfigFile, planNew, resolveNew} from '../core/new.js'
import {EXIT_CODES_HELP, mediaHelp} from '../cli/help-text.js'
import {changeLines, planJson, relPath, strictError} from '../cli/plan-report.js'
import {inquirerPrompter} from '../cli/prompter.js'
import {answersFromFlags, inputFlags} from '../cli/input-flags.js'

/** `new` takes every input of the table as a flag, in the order --help lists them (catalog/inputs.ts HELP_ORDER). */
const NEW_INPUTS = HELP_ORDER.beforeConfig
/** Listed after --config. */
const SOURCE_INPUTS = HELP_ORDER.afterConfig

export default class New extends BaseCommand {
  static summary = 'Create one integration: the invitation copy, the media widget and the strategy snippet.'
  static description =
    `Asks only for what the flags did not answer (with a terminal), or fails naming the missing flags (without one). With --yes, defaults fill the rest. The answers are recorded in gwe-int.config.json so "gwe-int generate" reproduces the same bytes; parallel runs in one project each add their entry (the config is updated under a lock, gwe-int.config.json.lock).

When the config already has an integration of that name, new edits it: flags change only what they name, questions default to the recorded answers, --yes keeps them, and what changed is printed. --reset starts from the defaults instead (and may change the medium). The whole config is checked before anything is written, and files the integration no longer writes are deleted (or listed when edited by hand).

${mediaHelp()}

${EXIT_CODES_HELP}`

  static examples = [
    {description: 'Ask for everything interactively', command: '<%= config.bin %> <%= command.id %>'},
    {
      description: 'GMS chat, no questions',
      command: '<%= config.bin %> <%= command.id %> gms-chat --scenario CHAT-NOW --host https://gms.example.com:8443 --service samples_new --out widgets --yes',
    },
    {
      description: 'GMS callback for GWE 8.5',
      command: '<%= config.bin %> <%= command.id %> gms-callback --scenario VOICE-WAIT-USERTERM --host https://gms.example.com --gwe-version 8.5 --yes',
    },
    {
      description: 'French visitor text, your accent colour and logo',
      command: '<%= config.bin %> <%= command.id %> gms-chat --locale fr --accent "#0b5cad" --logo-url https://www.example.com/logo.svg --yes',
    },
    {description: 'See what would be written', command: '<%= config.bin %> <%= command.id %> gms-chat --yes --dry-run'},
    {
      description: 'Change one answer of an existing integration, keep the others',
      command: '<%= config.bin %> <%= command.id %> gms-chat --host https://gms2.example.com:8443',
    },
  ]

  static args = {
    media: Args.string({description: `Media kind: ${MEDIA_IDS.join(', ')}`, required: false, options: MEDIA_IDS}),
  }

  static flags = {
    ...inputFlags(NEW_INPUTS, {
      inviteName: {summary: `${INPUTS.inviteName.summary} (default per medium, e.g. inviteGMS.html)`},
      widgetName: {summary: `${INPUTS.widgetName.summary} (default indexGPE.html)`},
    }),
    config: Flags.string({char: 'c', summary: 'Config file to record the answers in (default ./gwe-int.config.json)', helpValue: 'FILE'}),
    ...inputFlags(SOURCE_INPUTS),
    yes: Flags.boolean({char: 'y', summary: 'Accept defaults for everything not given; never prompt'}),
    'dry-run': Flags.boolean({summary: 'Print the plan; write nothing'}),
    diff: Flags.boolean({summary: 'With --dry-run: show the diff of each file that would change'}),
    force: Flags.boolean({char: 'f', summary: 'Overwrite files that were edited by hand or not written by gwe-int'}),
    'allow-outside': Flags.boolean({summary: 'Allow --out outside the project folder'}),
    reset: Flags.boolean({summary: 'For an integration already in the config: start from the defaults, not its recorded answers (allows another medium)'}),
    strict: Flags.boolean({summary: 'Fail (exit 1, nothing written) when there are warnings: built-in invitations, relative URLs, placeholder hosts'}),
  }

  async run() {
    const {args, flags} = await this.parse(New)
    // stdout first: node:tty loads Node's net module, which a terminal's stdout has loaded
    // already. isatty(0), not process.stdin.isTTY: touching process.stdin sets up a stream for it.
    const interactive = Boolean(process.stdout.isTTY) && process.getBuiltinModule('node:tty').isatty(0) && !this.jsonEnabled()
    const cwd = process.cwd()
    const {entry, notes, changes, recorded} = await resolveNew(
      {media: args.media, ...answersFromFlags([...NEW_INPUTS, ...SOURCE_INPUTS], flags)},
      {yes: flags.yes, interactive, prompter: interactive ? await inquirerPrompter() : undefined, reset: flags.reset, cwd, config: flags.config},
    )
    const dryRun = flags['dry-run']
    // Read, merge and write the config under its lock: parallel runs each add their entry.
    const {result, refused, swept} = await withConfigLock(newConfigFile(cwd, flags.config), !dryRun, async () => {
      const result = await planNew(entry, {cwd, config: flags.config, force: flags.force, allowOutside: flags['allow-outside']})
      const groups = groupWarnings(result.warnings)
      // --strict lists the causes in its error, so they are not printed twice.
      if (flags.strict && groups.length > 0) throw strictError(groups)
      this.warnAll(groups)
      const refused = result.files.some((f) => f.status === 'conflict')
      return {result, refused, swept: dryRun || refused ? [] : (await apply(result.files)).swept}
    })
    const allNotes = [...notes, ...result.notes]
    // A dry run shows the plan (and diff) even when the real run would refuse, then fails like it.
    if (dryRun || !refused) {
      if (recorded) this.say(changeLines(entry.name, changes, flags.reset).join('\n'))
      this.showPlan(result.files, cwd, {dryRun, diff: flags.diff})
    }
    this.refuseConflicts(result.files, cwd, dryRun)
    for (const n of allNotes) this.say(n)
    this.endPlan(result.files, cwd, {dryRun, swept, nextSteps: result.nextSteps})
    return {
      config: relPath(cwd, result.configFile),
      integration: entry,
      edited: Boolean(recorded),
      changes,
      dryRun,
      files: planJson(
        result.files.filter((f) => f.artifact !== 'config'),
        cwd,
      ),
      warnings: result.warnings.map((w) => w.message),
      notes: allNotes,
      nextSteps: result.nextSteps,
    }
  }
}
