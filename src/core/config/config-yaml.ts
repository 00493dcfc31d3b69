/**
 * The YAML side of the config (config.ts): YAML configs, and any JSON config the plain
 * JSON.parse path did not accept, are read here with the YAML parser so every problem
 * is reported at its line; and `new` upserts into YAML keeping comments and layout.
 * Loaded on demand: most runs never need the parser (start-up time).
 */
import {isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document} from 'yaml'
import {configSchema, SCHEMA_REF, type Config} from './config-schema.js'
import {invalid} from '../../shared/errors.js'
import {formatIssues, type IntegrationEntry} from '../integration/integration.js'
import {findUnsafeChar, pathText} from '../integration/validate.js'

/** YAML aliases toJS may expand (a "billion laughs" file stops here). */
const MAX_ALIASES = 100

/** Parse and validate; errors name the file, line and path (config.ts parseConfig checked size and depth). */
export function parseConfigDocument(text: string, file: string, kind: 'JSON' | 'YAML'): Config {
  const lineCounter = new LineCounter()
  // JSON is read with the YAML parser too, so both formats report lines the same way.
  // Duplicate keys are found below in one pass (the parser's own check is quadratic).
  const doc = parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: false, strict: true})
  if (doc.errors.length > 0) {
    const e = doc.errors[0]
    const {line, col} = lineCounter.linePos(e.pos[0])
    // The parser's own advice (parseAllDocuments()) is for programmers.
    if (e.code === 'MULTIPLE_DOCS')
      throw invalid(`${file}:${line}:${col}: not valid ${kind} for a config: the config must be one YAML document (a second starts here)`)
    throw invalid(`${file}:${line}:${col}: not valid ${kind}: ${e.message.split('\n')[0]}`)
  }
  // An unknown tag (`!custom`) would be read as a plain string, silently.
  const tag = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED')
  if (tag) {
    const {line, col} = lineCounter.linePos(tag.pos[0])
    const name = /tag: (\S+)/.exec(tag.message)?.[1] ?? 'tag'
    throw invalid(`${file}:${line}:${col}: not valid ${kind} for a config: unknown tag ${name}; a config uses no tags`)
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
  // Before the schema: its messages may quote a value, and this one must not reach the screen.
  const unsafe = findUnsafeChar(data)
  if (unsafe) {
    const line = lineOf(doc, lineCounter, unsafe.path)
    throw invalid(`${file}${line ? `:${line}` : ''}: ${pathText(unsafe.path)}: ${unsafe.message}`)
  }
  const result = configSchema.safeParse(data)
  if (!result.success) {
    const messages = formatIssues(result.error, '', data)
    // An unknown key is reported at the key's own line, not its object's.
    const lines = result.error.issues.map((issue) => lineOf(doc, lineCounter, issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path))
    const all = [...new Set(messages.map((m, k) => `${file}${lines[k] ? `:${lines[k]}` : ''}: ${m}`))]
    throw invalid(all[0], all.slice(1))
  }
  return result.data
}

/** The YAML config text after upserting `entry`; `config` is `current` parsed (undefined for a new file). */
export function upsertYaml(current: string | undefined, file: string, config: Config | undefined, entry: IntegrationEntry): string {
  if (current === undefined || config === undefined)
    return `# yaml-language-server: $schema=${SCHEMA_REF}\n${parseDocument(JSON.stringify({integrations: [entry]})).toString()}`
  const index = config.integrations.findIndex((e) => e.name === entry.name)
  const doc = parseDocument(current)
  const seq = doc.get('integrations', true)
  if (!isSeq(seq)) throw invalid(`${file}: "integrations" must be a list`)
  const node = doc.createNode(entry)
  if (index >= 0 && isMap(seq.items[index])) seq.items[index] = node
  else seq.items.push(node)
  return doc.toString()
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
