import {describe, expect, it} from 'vitest'
import {INPUTS, type AnswerName} from '../../src/catalog/inputs.js'
import {answersFromFlags, inputFlags} from '../../src/cli/input-flags.js'
import {FLAG_OF} from '../../src/core/integration/answers.js'
import New from '../../src/commands/new.js'
import Patch from '../../src/commands/patch.js'

const ALL = Object.keys(INPUTS) as AnswerName[]

describe('flags made from the inputs table', () => {
  it('names each flag as the table does, with its help value, options and char', () => {
    const flags = inputFlags(['inviteName', 'gweVersion', 'out'])
    expect(Object.keys(flags)).toEqual(['invite-name', 'gwe-version', 'out'])
    expect(flags['invite-name'].helpValue).toBe('FILE')
    expect(flags['invite-name']).toMatchObject({aliases: ['name'], deprecateAliases: true})
    expect(flags['gwe-version'].options).toEqual(['8.1', '8.5'])
    expect(flags.out.char).toBe('o')
    expect(flags['invite-name'].summary).toBe(INPUTS.inviteName.summary)
  })

  it('lets a command word a summary its own way', () => {
    const flags = inputFlags(['templates'], {templates: {summary: 'Folder of template overrides'}})
    expect(flags.templates.summary).toBe('Folder of template overrides')
  })

  it('maps parsed flags back to answers, leaving absent ones out', () => {
    const answers = answersFromFlags(ALL, {'invite-name': 'a.html', 'widget-url': 'https://w.example/x', yes: true, out: undefined})
    expect(answers).toEqual({inviteName: 'a.html', widgetUrl: 'https://w.example/x'})
  })

  it('gives every answer its flag in error messages', () => {
    for (const name of ALL) expect(FLAG_OF[name]).toBe(`--${INPUTS[name].flag}`)
    expect(FLAG_OF.inviteName).toBe('--invite-name')
  })

  it('is where every answer flag of new and patch comes from', () => {
    const flagNames = new Set<string>(ALL.map((n) => INPUTS[n].flag))
    const newInputs = Object.keys(New.flags).filter((f) => flagNames.has(f))
    expect(newInputs.sort()).toEqual([...flagNames].sort())
    const patchInputs = Object.keys(Patch.flags).filter((f) => flagNames.has(f))
    expect(patchInputs.sort()).toEqual(['gwe-version', 'host', 'out', 'scenario', 'service', 'templates', 'vendor-function', 'widget-name', 'widget-url'])
  })
})
