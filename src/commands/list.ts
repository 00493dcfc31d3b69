import {BaseCommand} from '../cli/command-base.js'
import {INPUTS} from '../catalog/inputs.js'
import type {InputName} from '../catalog/inputs.js'
import {catalogListing} from '../core/listing.js'

export default class List extends BaseCommand {
  static summary = 'List the media kinds, their scenarios, inputs and outputs.'
  static description =
    'Everything gwe-int can generate, read from its catalogue: each medium with its scenarios (the default marked), the inputs it takes (the required ones named), the files it writes and the attached data it sets. --json gives the same as data.'
  static examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> --json']

  async run() {
    await this.parse(List)
    const media = catalogListing()
    for (const m of media) {
      this.say(`${this.paint('bold', m.id)}${m.deprecated ? ' (deprecated)' : ''}  ${m.summary}`)
      this.say(`  invite:    ${m.invite.map((b) => `${b.type} → ${b.calls}, then ${b.reports}`).join('; ')}`)
      const width = Math.max(0, ...m.scenarios.map((s) => s.id.length + (s.id === m.defaultScenario ? 10 : 0)))
      for (const s of m.scenarios) {
        const name = `${s.id}${s.id === m.defaultScenario ? ' (default)' : ''}`
        const needs = s.requires.length ? `; needs ${s.requires.join(', ')}` : ''
        this.say(`  ${s === m.scenarios[0] ? 'scenarios:' : '          '} ${name.padEnd(width)}  ${s.summary}${needs}`)
      }
      // By flag, as people type them (the config keys are in --json and the README).
      const flag = (i: string) => `--${INPUTS[i as InputName]?.flag ?? i}`
      this.say(`  inputs:    ${m.inputs.map(flag).join(', ') || '-'}${m.requiredInputs.length ? ` (required: ${m.requiredInputs.map(flag).join(', ')})` : ''}`)
      this.say(`  writes:    ${m.outputs.map((o) => o.defaultPath).join(', ')}`)
      this.say(`  attaches:  ${m.attachedData.length ? m.attachedData.join(', ') : 'nothing (no Genesys interaction)'}`)
      if (m.note) this.say(`  note:      ${m.note}`)
      if (m.deprecated) this.say(`  deprecated: ${m.deprecated.text} Source: ${m.deprecated.source}`)
      this.say()
    }
    return {media}
  }
}
