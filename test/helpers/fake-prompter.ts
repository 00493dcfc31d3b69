import type {Choice, Prompter} from '../../src/core/integration/answers.js'

export interface Asked {
  kind: 'select' | 'input'
  message: string
  defaultValue?: string
  choices?: string[]
  /** What the validator said about each rejected answer (input only). */
  rejected: string[]
}

/**
 * A Prompter with canned answers by question: each answer list is typed in turn until the
 * validator accepts one (as inquirer re-asks); a question without one takes its default.
 * Records every question, its default and choices.
 */
export function fakePrompter(canned: Record<string, string | string[]> = {}): {prompter: Prompter; asked: Asked[]} {
  const asked: Asked[] = []
  const prompter: Prompter = {
    async select(message: string, choices: Choice[], defaultValue?: string) {
      asked.push({kind: 'select', message, defaultValue, choices: choices.map((c) => c.value), rejected: []})
      const answer = [canned[message] ?? defaultValue ?? choices[0].value].flat()[0]
      if (!choices.some((c) => c.value === answer)) throw new Error(`${message}: ${answer} is not a choice`)
      return answer
    },
    async input(message: string, defaultValue: string | undefined, validate: (value: string) => string | true) {
      const record: Asked = {kind: 'input', message, defaultValue, rejected: []}
      asked.push(record)
      for (const answer of [canned[message] ?? defaultValue ?? ''].flat()) {
        const verdict = validate(answer)
        if (verdict === true) return answer
        record.rejected.push(verdict)
      }
      throw new Error(`${message}: every canned answer was rejected: ${record.rejected.join(' / ')}`)
    },
  }
  return {prompter, asked}
}
