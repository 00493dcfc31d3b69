/**
 * The inquirer-backed Prompter, imported only when a question is really asked
 * (inquirer costs start-up time every other path would pay for).
 */
import type {Prompter} from '../core/integration/answers.js'

export async function inquirerPrompter(): Promise<Prompter> {
  const {input, select} = await import('@inquirer/prompts')
  return {
    select: (message, choices, defaultValue) => select({message, choices, default: defaultValue}),
    input: (message, defaultValue, validate) => input({message, default: defaultValue, validate}),
  }
}
