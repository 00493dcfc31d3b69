import * as Flags from '@oclif/core/flags'
import {BaseCommand} from '../cli/command-base.js'
import {openUrl} from '../preview/open.js'
import {startPreviewThread} from '../preview/thread.js'

export default class Preview extends BaseCommand {
  static summary = 'Serve the generated widgets on 127.0.0.1 with GWE and GMS stand-ins, to click through the flow.'
  static description =
    `Re-plans every integration of the config in memory with its URLs pointing at a local server (the files are those "gwe-int generate" writes, only with local URLs) and serves them with:
  - a customer-like page per integration with the GWE tracker stand-in (_gt, getIDs) and a button that delivers the invitation the way the Notification Service does;
  - a GMS stand-in answering service/callback v1, request-chat, request-interaction and Chat API v2 (with a scripted agent), listing every request it received;
  - a vendor stand-in for third-party media.
It listens on 127.0.0.1 only, prints the URL as soon as it listens, and runs until Ctrl-C. What the stand-ins received is also at /__gwe-int/requests?integration=NAME (JSON).

Exit codes: 0 stopped (Ctrl-C, SIGTERM or SIGHUP); 2 invalid config, --only or --port (port in use).`

  static examples = [
    {description: 'Serve on a free port', command: '<%= config.bin %> <%= command.id %>'},
    {description: 'A fixed port, opened in the browser', command: '<%= config.bin %> <%= command.id %> --port 8080 --open'},
    {description: 'One integration of another config', command: '<%= config.bin %> <%= command.id %> --config ci/gwe.yaml --only support-chat'},
  ]

  static flags = {
    config: Flags.string({char: 'c', summary: 'Config file (default: ./gwe-int.config.json, .yaml or .yml)', helpValue: 'FILE'}),
    port: Flags.integer({char: 'p', summary: 'Port on 127.0.0.1; 0 picks a free one', default: 0, min: 0, max: 65535, helpValue: 'PORT'}),
    open: Flags.boolean({summary: "Open the preview in the system's browser"}),
    only: Flags.string({summary: 'Only these integrations (repeatable)', multiple: true, helpValue: 'NAME'}),
  }

  async run() {
    const {flags} = await this.parse(Preview)
    // Listening before anything is printed: a Ctrl-C as soon as the URL shows (or while the
    // server starts) stops it cleanly with exit 0, as does a closed terminal (SIGHUP).
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const
    const stopped = new Promise<NodeJS.Signals>((resolve) => {
      const stop = (s: NodeJS.Signals) => {
        for (const signal of signals) process.off(signal, stop)
        resolve(s)
      }
      for (const signal of signals) process.on(signal, stop)
    })
    const preview = await startPreviewThread({cwd: process.cwd(), config: flags.config, only: flags.only, port: flags.port})
    if (this.jsonEnabled()) {
      process.stdout.write(`${JSON.stringify({url: preview.url, config: preview.configFile, integrations: preview.integrations})}\n`)
    } else {
      // The first line is for people and scripts alike, --quiet or not.
      this.log(`gwe-int preview: ${preview.url}`)
      const width = Math.max(0, ...preview.integrations.map((i) => i.name.length))
      for (const i of preview.integrations) this.say(`  ${i.name.padEnd(width)}  ${this.paint('dim', i.media.padEnd(15))}  ${i.url}`)
      this.say(this.paint('dim', 'Press Ctrl-C to stop.'))
    }
    if (flags.open) {
      const problem = await openUrl(preview.url)
      if (problem) this.warnLine(`--open: could not start the browser (${problem}); open ${preview.url} yourself`)
    }
    const signal = await Promise.race([stopped, preview.failure])
    await preview.close()
    this.say(`gwe-int preview: stopped (${signal})`)
  }
}
