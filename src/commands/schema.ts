import {BaseCommand} from '../command-base.js'
import {configJsonSchema} from '../core/json-schema.js'

export default class Schema extends BaseCommand {
  static summary = 'Print the JSON Schema of the config file, for editor completion.'
  static examples = ['<%= config.bin %> <%= command.id %> > gwe-int.schema.json']
  static enableJsonFlag = false

  async run() {
    await this.parse(Schema)
    process.stdout.write(`${JSON.stringify(configJsonSchema(), null, 2)}\n`)
  }
}
