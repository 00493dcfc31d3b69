import {BaseCommand} from '../command-base.js'
import {catalogueListing} from '../core/listing.js'

export default class List extends BaseCommand {
  static summary = 'List the media kinds, their scenarios, inputs and outputs.'
  static examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> --json']

  async run() {
    await this.parse(List)
    const media = catalogueListing()
    for (const m of media) {
      this.say(`${this.paint('bold', m.id)}  ${m.summary}`)
      if (m.scenarios.length) this.say(`  scenarios: ${m.scenarios.map((s) => (s.id === m.defaultScenario ? `${s.id} (default)` : s.id)).join(', ')}`)
      this.say(`  inputs:    ${m.inputs.join(', ') || '-'}${m.requiredInputs.length ? ` (required: ${m.requiredInputs.join(', ')})` : ''}`)
      this.say(`  writes:    ${m.outputs.map((o) => o.path.replace('{invite}', m.defaults.inviteName).replace('{widget}', m.defaults.widgetName ?? '')).join(', ')}`)
      if (m.attachedData.length) this.say(`  attaches:  ${m.attachedData.join(', ')}`)
      this.say()
    }
    return {media}
  }
}
