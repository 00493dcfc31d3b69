/**
 * The config file: a list of named integrations in JSON or YAML. Reading validates
 * against the catalogue-derived schema and reports `file:line: integrations[2].scenario: …`;
 * writing (from `new`) upserts one entry and keeps everything else, YAML comments included.
 */
import path from 'node:path'
import {isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document} from 'yaml'
import {z} from 'zod'
import {formatIssues, integrationSchema, type IntegrationEntry} from './integration.js'
import {invalid} from './errors.js'
import {readTextFile} from './read-source.js'

export const CONFIG_NAMES = ['gwe-int.config.json', 'gwe-int.config.yaml', 'gwe-int.config.yml']
export const SCHEMA_REF = './node_modules/gwe-int/schema/gwe-int.schema.json'
/** Refuse configs larger than this before reading them (issue 7: hostile inputs). */
export const MAX_CONFIG_BYTES = 1024 * 1024
/**
 * Flow nesting ([ and {) and block indentation deeper than any real config. The YAML
 * parser recurses per level, so a hostile file could exhaust the stack or the heap.
 */
export const MAX_CONFIG_DEPTH = 64
const MAX_CONFIG_INDENT = 200
/** YAML aliases toJS may expand (a "billion laughs" file stops here). */
const MAX_ALIASES = 100

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

/** Read a config file: a regular UTF-8 file, its size checked with stat before it is read. */
export function readConfigText(file: string): string {
  return readTextFile(file, {maxBytes: MAX_CONFIG_BYTES, what: 'config'})
}

/** Parse and validate config text. Errors are one line per problem, with the file and line. */
export function parseConfig(text: string, file: string): Config {
  if (Buffer.byteLength(text) > MAX_CONFIG_BYTES) throw invalid(`${file}: config is larger than ${MAX_CONFIG_BYTES / 1024} KiB`)
  const kind = isYaml(file) ? 'YAML' : 'JSON'
  const deep = tooDeep(text)
  if (deep) throw invalid(`${file}:${deep}: not valid ${kind} for a config: nested deeper than ${MAX_CONFIG_DEPTH} levels`)
  const lineCounter = new LineCounter()
  // JSON is read with the YAML parser too, so both formats report lines the same way.
  // Duplicate keys are found below in one pass (the parser's own check is quadratic).
  const doc = parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: false, strict: true})
  if (doc.errors.length > 0) {
    const e = doc.errors[0]
    const {line, col} = lineCounter.linePos(e.pos[0])
    throw invalid(`${file}:${line}:${col}: not valid ${kind}: ${e.message.split('\n')[0]}`)
  }
  const duplicate = duplicateKey(doc)
  if (duplicate) {
    const {line, col} = lineCounter.linePos(duplicate.offset)
    throw invalid(`${file}:${line}:${col}: not valid ${kind}: duplicate key "${duplicate.key}"`)
  }
  let data: unknown
  try {
    data = doc.toJS({maxAliasCount: MAX_ALIASES})
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

/** The line where flow nesting or block indentation first goes past the limits, if it does. */
function tooDeep(text: string): number | undefined {
  let depth = 0
  let line = 1
  let lineStart = true
  let indent = 0
  for (let k = 0; k < text.length; k += 1) {
    const c = text.charCodeAt(k)
    if (c === 10) {
      line += 1
      lineStart = true
      indent = 0
      continue
    }
    // Leading spaces and compact "- " / "? " / ": " markers all open a block level.
    if (lineStart && (c === 32 || c === 9 || c === 45 || c === 63 || c === 58)) {
      indent += 1
      if (indent > MAX_CONFIG_INDENT) return line
    } else lineStart = false
    // Counted even inside quoted strings: an over-count only ever refuses, never lets through.
    if (c === 91 || c === 123) {
      depth += 1
      if (depth > MAX_CONFIG_DEPTH) return line
    } else if ((c === 93 || c === 125) && depth > 0) depth -= 1
  }
  return undefined
}

/** The first repeated key of any mapping, by its scalar value. */
function duplicateKey(doc: Document): {key: string; offset: number} | undefined {
  let found: {key: string; offset: number} | undefined
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>()
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : JSON.stringify(pair.key)
        if (seen.has(key)) {
          found = {key, offset: (isScalar(pair.key) && pair.key.range?.[0]) || map.range?.[0] || 0}
          return visit.BREAK
        }
        seen.add(key)
      }
      return undefined
    },
  })
  return found
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
