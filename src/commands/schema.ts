import {BaseCommand} from '../cli/command-base.js'
import {configJsonSchema} from '../core/config/json-schema.js'

export default class Schema extends BaseCommand {
  static summary = 'Print the JSON Schema of the config file, for editor completion.'
  static description =
    'Derived from the same rules that validate the config. The package also ships it as node_modules/gwe-int/schema/gwe-int.schema.json, which the "$schema" of configs written by "gwe-int new" points at.'
  static examples = ['<%= config.bin %> <%= command.id %> > gwe-int.schema.json']
  static enableJsonFlag = false

  async run() {
    await this.parse(Schema)
    process.stdout.write(`${JSON.stringify(configJsonSchema(), null, 2)}\n`)
  }
}
