/**
 * The config file: a list of named integrations in JSON or YAML. Reading validates
 * against the catalogue-derived schema and reports `file:line: integrations[2].scenario: …`;
 * writing (from `new`) upserts one entry and keeps everything else, YAML comments included.
 */
import path from 'node:path'
import {isMap, isSeq, LineCounter, parseDocument, type Document} from 'yaml'
import {z} from 'zod'
import {formatIssues, integrationSchema, type IntegrationEntry} from './integration.js'
import {invalid} from './errors.js'

export const CONFIG_NAMES = ['gwe-int.config.json', 'gwe-int.config.yaml', 'gwe-int.config.yml']
export const SCHEMA_REF = './node_modules/gwe-int/schema/gwe-int.schema.json'
/** Refuse configs larger than this before parsing them (issue 7: hostile inputs). */
export const MAX_CONFIG_BYTES = 1024 * 1024

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    integrations: z.array(integrationSchema).describe('The integrations gwe-int generates'),
  })
  .strict()
  .superRefine((config, ctx) => {
    const seen = new Map<string, number>()
    config.integrations.forEach((entry, index) => {
      const first = seen.get(entry.name)
      if (first !== undefined) ctx.addIssue({code: 'custom', path: ['integrations', index, 'name'], message: `duplicate name "${entry.name}" (also integrations[${first}])`})
      else seen.set(entry.name, index)
    })
  })

export type Config = z.infer<typeof configSchema>

export interface LoadedConfig {
  file: string
  dir: string
  config: Config
}

const isYaml = (file: string) => /\.ya?ml$/i.test(file)

/** Parse and validate config text. Errors are one line per problem, with the file and line. */
export function parseConfig(text: string, file: string): Config {
  if (Buffer.byteLength(text) > MAX_CONFIG_BYTES) throw invalid(`${file}: config is larger than ${MAX_CONFIG_BYTES / 1024} KiB`)
  const lineCounter = new LineCounter()
  // JSON is read with the YAML parser too, so both formats report lines the same way.
  const doc = parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: true, strict: true})
  if (doc.errors.length > 0) {
    const e = doc.errors[0]
    const {line, col} = lineCounter.linePos(e.pos[0])
    throw invalid(`${file}:${line}:${col}: not valid ${isYaml(file) ? 'YAML' : 'JSON'}: ${e.message.split('\n')[0]}`)
  }
  let data: unknown
  try {
    data = doc.toJS({maxAliasCount: 100})
  } catch (error) {
    throw invalid(`${file}: ${(error as Error).message.split('\n')[0]}`)
  }
  const result = configSchema.safeParse(data)
  if (!result.success) {
    const messages = formatIssues(result.error)
    // An unknown key is reported at the key's own line, not its object's.
    const lines = result.error.issues.map((issue) => lineOf(doc, lineCounter, issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path))
    const all = messages.map((m, k) => `${file}${lines[k] ? `:${lines[k]}` : ''}: ${m}`)
    throw invalid(all[0], all.slice(1))
  }
  return result.data
}

function lineOf(doc: Document, counter: LineCounter, issuePath: PropertyKey[]): number | undefined {
  for (let n = issuePath.length; n >= 0; n -= 1) {
    const at = issuePath.slice(0, n) as (string | number)[]
    const parent = n > 0 ? doc.getIn(at.slice(0, -1), true) : undefined
    // For a map entry, the key's position (so `colour: red` points at its own line).
    const pair = isMap(parent) ? parent.items.find((p) => (p.key as {value?: unknown})?.value === at[at.length - 1]) : undefined
    const node = (pair?.key ?? doc.getIn(at, true)) as {range?: [number, number, number]} | undefined
    if (node && typeof node === 'object' && node.range) return counter.linePos(node.range[0]).line
  }
  return undefined
}

/** The config path to use: the given one, or the first of CONFIG_NAMES in `cwd`. */
export function findConfig(cwd: string, given: string | undefined, exists: (f: string) => boolean): string | undefined {
  if (given) return path.resolve(cwd, given)
  return CONFIG_NAMES.map((n) => path.join(cwd, n)).find(exists)
}

/**
 * The config text after upserting `entry` (by name): appended when new, replaced in
 * place when an entry of that name exists. `current` is undefined for a new file.
 */
export function upsertEntry(current: string | undefined, file: string, entry: IntegrationEntry): string {
  if (current === undefined) {
    const config = {$schema: SCHEMA_REF, integrations: [entry]}
    return isYaml(file) ? `# yaml-language-server: $schema=${SCHEMA_REF}\n${parseDocument(JSON.stringify({integrations: [entry]})).toString()}` : `${JSON.stringify(config, null, 2)}\n`
  }
  const config = parseConfig(current, file)
  const index = config.integrations.findIndex((e) => e.name === entry.name)
  if (!isYaml(file)) {
    if (index >= 0) config.integrations[index] = entry
    else config.integrations.push(entry)
    return `${JSON.stringify(config, null, 2)}\n`
  }
  const doc = parseDocument(current)
  const seq = doc.get('integrations', true)
  if (!isSeq(seq)) throw invalid(`${file}: "integrations" must be a list`)
  const node = doc.createNode(entry)
  if (index >= 0 && isMap(seq.items[index])) seq.items[index] = node
  else seq.items.push(node)
  return doc.toString()
}
