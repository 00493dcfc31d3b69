import * as Flags from '@oclif/core/flags'
import {BaseCommand} from '../cli/command-base.js'
import {doctorLines, parseTimeout} from '../cli/doctor-report.js'
import {gweUrlFlag, runDoctor, targetsFromConfig} from '../core/doctor/index.js'
import {previewTargets} from '../preview/doctor-targets.js'

export default class Doctor extends BaseCommand {
  static summary = 'Check the live GWE and GMS installation against the config, read-only: reachable, services, CORS, deployed files.'
  static description =
    `Reads ./gwe-int.config.json (or .yaml/.yml, or --config) and, for each integration, asks the servers it names what a visitor's browser would meet: GMS reachable at "host" (DNS, TCP, TLS certificate, an answer from /genesys/), the callback service's availability query, cross-origin access for every generated page that calls GMS from another origin, the invitation and the widget deployed byte for byte as "gwe-int generate" writes them, GWE reachable at gweUrl (or --gwe-url). One line per check: ✓ passed, ✗ failed (with a line on what to do), ? could not tell (with the reason).

Read-only, always: doctor sends only GET, HEAD and OPTIONS requests. It never creates a callback, a chat or an interaction, never sends a notification and never sends a visitor's data. Each request waits at most --timeout; a few run per host at a time; a host that does not answer is one ✗ line, and the checks that need it become ?.

HTTPS_PROXY, HTTP_PROXY and NO_PROXY are honoured as npm and curl read them, and the report says which proxy was used. For a GMS or GWE with a certificate of your own certificate authority, set NODE_EXTRA_CA_CERTS=/path/to/ca.pem. Nothing from the config is printed that is not in the generated files.

The quickest way to see a passing run: start "gwe-int preview" and run "gwe-int doctor --preview <its URL>".

Exit codes: 0 no check failed; 1 a check failed (or, with --strict, a warning of "gwe-int generate" applies); 2 invalid input (flags, config).`

  static examples = [
    {description: 'Check every integration of the config', command: '<%= config.bin %> <%= command.id %>'},
    {
      description: 'One integration, with the GWE server given, in CI as JSON',
      command: '<%= config.bin %> <%= command.id %> --integration support-chat --gwe-url https://gwe.acme.test:9443 --json',
    },
    {description: 'Show how deployed files differ from the generated ones', command: '<%= config.bin %> <%= command.id %> --diff'},
    {
      description: 'Behind a proxy, trusting an internal certificate authority',
      command: 'HTTPS_PROXY=http://proxy:3128 NODE_EXTRA_CA_CERTS=ca.pem <%= config.bin %> <%= command.id %>',
    },
    {description: 'A passing run: check the running preview', command: '<%= config.bin %> <%= command.id %> --preview http://127.0.0.1:8080/'},
  ]

  static flags = {
    config: Flags.string({char: 'c', summary: 'Config file (default: ./gwe-int.config.json, .yaml or .yml)', helpValue: 'FILE'}),
    integration: Flags.string({char: 'i', summary: 'Only these integrations (repeatable)', multiple: true, helpValue: 'NAME'}),
    'gwe-url': Flags.string({summary: "The GWE server's base URL, over the config's gweUrl", helpValue: 'URL'}),
    timeout: Flags.string({summary: 'How long each request may take (e.g. 5s, 500ms)', default: '5s', helpValue: 'TIME'}),
    diff: Flags.boolean({summary: 'Show a short unified diff of each deployed file that differs from the generated one'}),
    strict: Flags.boolean({summary: 'Also fail on what "gwe-int generate" warns about (placeholder hosts, built-in invitations)'}),
    preview: Flags.string({summary: 'Check a running "gwe-int preview" at this URL instead of the servers the config names', helpValue: 'URL'}),
  }

  async run() {
    const {flags} = await this.parse(Doctor)
    const cwd = process.cwd()
    const timeoutMs = parseTimeout(flags.timeout)
    const gweUrl = gweUrlFlag(flags['gwe-url'])
    const targets =
      flags.preview === undefined
        ? (await targetsFromConfig(cwd, flags.config, flags.integration)).targets
        : await previewTargets(cwd, {config: flags.config, integration: flags.integration, preview: flags.preview})
    const report = await runDoctor(targets, {cwd, gweUrl: flags.preview === undefined ? gweUrl : undefined, strict: flags.strict, diff: flags.diff, timeoutMs})
    const json = {integrations: report.integrations, proxies: report.proxies, summary: report.summary}
    if (!this.jsonEnabled()) {
      // The checklist is the command's result: printed with --quiet too.
      this.log(doctorLines(report, this.paint.bind(this)).join('\n'))
    }
    if (report.summary.fail > 0) this.drifted(json)
    return json
  }
}
