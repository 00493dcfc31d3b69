import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'
import {BaseCommand} from '../cli/command-base.js'
import {MEDIA_IDS} from '../catalog/media.js'
import {apply} from '../core/write/apply.js'
import {GweIntError} from '../shared/errors.js'
import {diffOf} from '../core/result.js'
import {planPatch} from '../core/patch-file.js'
import {EXIT_CODES_HELP} from '../cli/help-text.js'
import {relPath} from '../cli/plan-report.js'
import {answersFromFlags, inputFlags} from '../cli/input-flags.js'

/** The answers `patch` takes as flags (besides --media), in the order --help lists them. */
const PATCH_INPUTS = ['scenario', 'host', 'service', 'widgetName', 'widgetUrl', 'vendorFunction', 'gweVersion', 'templates'] as const

export default class Patch extends BaseCommand {
  static summary = 'Apply an integration to your own invite.html or GMS index.html, changing nothing else.'
  static description =
    `The file kind (invitation widget or GMS sample widget) is detected from its content, or given with --kind. Scripts are located with an HTML parser and functions with a JavaScript parser; the edit is minimal, every other byte (line endings, indentation, BOM, markup) stays as it was. Patching a patched file changes nothing; a new scenario updates the starter in place.

Invitation: adds the starter (e.g. startGms) once and replaces only startChat()/startCallback() in the chosen onAccept() branch, keeping closeInviteDialogWindow() and sendInviteResult(). GMS widget: adds getUrlVars and gpeStartScenario (called on ready) and the visitID/pageID/webengagement parameters in connect().

With --in-place, FILE.bak is written and flushed before FILE is replaced, so an interruption at any point leaves the original in one of them.

${EXIT_CODES_HELP}`

  static examples = [
    {
      description: 'Patch a copy of your invitation',
      command:
        '<%= config.bin %> <%= command.id %> path/to/invite.html --media gms-chat --scenario CHAT-NOW --host https://gms.example.com --out inviteGMS.html',
    },
    {
      description: 'Patch a copy of the GMS sample page',
      command: '<%= config.bin %> <%= command.id %> path/to/index.html --media gms-chat --out indexGPE.html',
    },
    {
      description: 'Patch in place (keeps the original as invite.html.bak)',
      command: '<%= config.bin %> <%= command.id %> path/to/invite.html --media gms-chat --in-place',
    },
    {
      description: 'In CI: exit 1 with a diff if patching would change the file',
      command: '<%= config.bin %> <%= command.id %> invite.html --media gms-chat --check',
    },
  ]

  static args = {file: Args.string({description: 'The invite.html or GMS index.html to patch', required: true})}

  static flags = {
    media: Flags.string({char: 'm', summary: 'Media kind', options: MEDIA_IDS, required: true}),
    kind: Flags.string({summary: 'What the file is (default: detected from its content)', options: ['invite', 'gms-widget']}),
    ...inputFlags(PATCH_INPUTS, {gweVersion: {summary: 'GWE version: 8.1 or 8.5'}, templates: {summary: 'Folder of template overrides'}}),
    out: Flags.string({char: 'o', summary: 'Write the patched copy here', helpValue: 'FILE'}),
    'in-place': Flags.boolean({summary: 'Patch the file itself (atomically; keeps FILE.bak)'}),
    backup: Flags.boolean({summary: 'With --in-place: keep FILE.bak', default: true, allowNo: true}),
    check: Flags.boolean({summary: 'Write nothing; exit 1 with a diff if patching would change the file'}),
    'dry-run': Flags.boolean({summary: 'Show the diff; write nothing'}),
    force: Flags.boolean({char: 'f', summary: 'Overwrite an --out file that is not a patched copy of this source'}),
  }

  async run() {
    const {args, flags} = await this.parse(Patch)
    const cwd = process.cwd()
    if (!flags.out && !flags['in-place'] && !flags.check && !flags['dry-run']) {
      throw new GweIntError('say where the result goes: --out FILE or --in-place (or --check / --dry-run to only look)')
    }
    const plan = planPatch({
      cwd,
      file: args.file,
      kind: flags.kind as 'invite' | 'gms-widget' | undefined,
      out: flags.out,
      inPlace: flags['in-place'],
      backup: flags.backup,
      force: flags.force,
      answers: {media: flags.media, ...answersFromFlags(PATCH_INPUTS, flags)},
    })
    for (const w of plan.warnings) this.warnLine(w)
    const source = relPath(cwd, plan.source)
    const json = {
      file: source,
      kind: plan.kind,
      changed: plan.result.changed,
      changes: plan.result.changes,
      files: plan.files.map((f) => ({path: relPath(cwd, f.path), status: f.status})),
    }
    if (flags.check || flags['dry-run']) {
      if (plan.result.changed && !this.jsonEnabled()) {
        process.stdout.write(diffOf({...plan.files[0], path: plan.source, previous: plan.original, content: plan.result.content, status: 'updated'}, cwd))
      }
      this.say(plan.result.changed ? `${source}: patching would change it (${plan.result.changes.join('; ')})` : `${source}: unchanged (already patched)`)
      if (flags.check && plan.result.changed) this.drifted(json)
      return json
    }
    this.refuseConflicts(plan.files, cwd)
    await apply(plan.files)
    for (const f of plan.files) this.say(`${f.status.padEnd(10)} ${relPath(cwd, f.path)}`)
    for (const change of plan.result.changes) this.say(`  ${change}`)
    if (!plan.result.changed) this.say(`${source}: already patched`)
    return json
  }
}
