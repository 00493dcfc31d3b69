/**
 * The inputs an integration takes, described once in the table (INPUTS, input-table.ts)
 * and derived from it here: the flags of `new` and their `--help` order, which media take
 * an input, the config schema and entry, the template context (`inputs.<name>`) and the
 * context fields `templates eject` documents.
 *
 * To add an input: add its row to INPUTS, then use it in a template as `{{… inputs.<name>}}`.
 * A `visitor` row is taken by every medium. A `medium` or `invitation` row is taken only by
 * the media that list it in their `inputs` (media.ts), so add it to those lists too.
 * test/unit/inputs-table.test.ts adds a row and follows it through all of the above.
 */
import {INPUT_GROUPS, INPUTS, type InputGroup, type InputSpec} from './input-table.js'

// The table has its own file so that a test can load what is derived here from a table with one more row.
export * from './input-table.js'

/** Every answer `new` and `patch` take: the medium's inputs, and where and how the files are written. */
export type AnswerName = keyof typeof INPUTS
// Each row's name is its key.
INPUTS satisfies {readonly [N in AnswerName]: {readonly name: N}}
/** The rows in table order. */
export const ANSWER_NAMES = Object.keys(INPUTS) as AnswerName[]

type NamesIn<G extends InputGroup> = {[N in AnswerName]: (typeof INPUTS)[N]['group'] extends G ? N : never}[AnswerName]
/** The answers that come from the rows of these groups, in table order. */
export function inputsOf<G extends InputGroup>(...groups: G[]): NamesIn<G>[] {
  return ANSWER_NAMES.filter((n): n is NamesIn<G> => (groups as InputGroup[]).includes(INPUTS[n].group))
}

/** Inputs a medium takes (media.ts `inputs`), as opposed to where and how the files are written. */
export type InputName = NamesIn<'medium' | 'visitor' | 'invitation'>
/** Inputs of every medium: what the visitor sees (language, accent colour, logo). */
export type VisitorInput = NamesIn<'visitor'>
export const VISITOR_INPUTS: readonly VisitorInput[] = inputsOf('visitor')
/** The inputs the template context holds under `inputs` (core/integration/template-context.ts), resolved. */
export const CONTEXT_INPUTS: readonly InputName[] = inputsOf('medium', 'visitor', 'invitation')
/** What `templates eject` says of `inputs.<name>`: the row's summary. */
export function contextDescription(spec: InputSpec): string {
  return `${spec.summary} (config "${spec.name}", defaults filled; "" when none)`
}
/** The answers `new` lists before --config and after it, in `--help` order. */
export const HELP_ORDER: {beforeConfig: AnswerName[]; afterConfig: AnswerName[]} = {
  beforeConfig: (Object.keys(INPUT_GROUPS) as InputGroup[]).filter((g) => INPUT_GROUPS[g] === 'before --config').flatMap((g) => inputsOf(g)),
  afterConfig: inputsOf('source'),
}

/** The answers a config entry records under their own name (`integration` is its `name`). */
export type EntryInput = Exclude<AnswerName, 'integration'>
export const ENTRY_INPUTS = ANSWER_NAMES.filter((n): n is EntryInput => n !== 'integration')

/** The value an input holds: one of its options, or a string. */
export type InputValue<N extends AnswerName> = (typeof INPUTS)[N] extends {options: readonly (infer O)[]} ? O : string

/** What the config file says of a key: the row's summary, and where a path is relative to. */
export function configDescription(spec: InputSpec): string {
  return spec.value === 'path' ? `${spec.summary}; relative to the config file` : spec.summary
}

/** `--widget-name` for widgetName. */
export type FlagName<N extends AnswerName> = (typeof INPUTS)[N]['flag']
