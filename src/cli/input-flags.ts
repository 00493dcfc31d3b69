/**
 * The oclif flags of `new` and `patch`, made from the inputs table (catalog/inputs.ts),
 * and the way back from parsed flags to answers: a flag added to the table is a flag of
 * every command that lists its input, and reaches the core under its answer's name.
 */
import * as Flags from '@oclif/core/flags'
import type {OptionFlag} from '@oclif/core/interfaces'
import {INPUTS, type AnswerName, type FlagName} from '../catalog/inputs.js'
import type {NewAnswers} from '../core/integration/answers.js'

/** Where a command words a flag differently from the table (e.g. a default it alone applies). */
export type FlagOverrides<N extends AnswerName> = Partial<Record<N, {summary?: string; helpValue?: string}>>

export type InputFlags<N extends AnswerName> = {[K in N as FlagName<K>]: OptionFlag<string | undefined>}

/** One string flag per input, in the order given (the order `--help` lists them in). */
export function inputFlags<const N extends AnswerName>(names: readonly N[], overrides: FlagOverrides<N> = {}): InputFlags<N> {
  const flags: Record<string, OptionFlag<string | undefined>> = {}
  for (const name of names) {
    const spec: {flag: string; deprecatedFlag?: string; summary: string; helpValue?: string; options?: readonly string[]; char?: 'o'} = INPUTS[name]
    const override = overrides[name] ?? {}
    flags[spec.flag] = Flags.string({
      summary: override.summary ?? spec.summary,
      ...(spec.options ? {options: [...spec.options]} : {helpValue: override.helpValue ?? spec.helpValue}),
      ...(spec.char ? {char: spec.char} : {}),
      // oclif parses the old spelling as the flag and warns on stderr that it is deprecated.
      ...(spec.deprecatedFlag ? {aliases: [spec.deprecatedFlag], deprecateAliases: true} : {}),
    })
  }
  return flags as InputFlags<N>
}

/** The answers the parsed flags give for these inputs (absent flags stay absent). */
export function answersFromFlags(names: readonly AnswerName[], flags: Record<string, unknown>): NewAnswers {
  const answers: NewAnswers = {}
  for (const name of names) {
    const value = flags[INPUTS[name].flag]
    if (typeof value === 'string') answers[name] = value
  }
  return answers
}
