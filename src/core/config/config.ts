/**
 * Reading and writing the config file (its shape: config-schema.ts): a list of named integrations in JSON or YAML. Reading validates
 * against the catalogue-derived schema and reports `file:line: integrations[2].scenario: …`;
 * writing (from `new`) upserts one entry and keeps everything else, YAML comments included.
 */
import path from 'node:path'
import {CONFIG_NAMES, configSchema, SCHEMA_REF, type Config} from './config-schema.js'
import type {IntegrationEntry} from '../integration/integration.js'
import {invalid} from '../../shared/errors.js'
import {findUnsafeChar} from '../integration/validate.js'
import {readTextFile} from '../../shared/regular-file.js'

/** Refuse configs larger than this before reading them (hostile inputs). */
export const MAX_CONFIG_BYTES = 1024 * 1024
/**
 * Flow nesting ([ and {) and block indentation deeper than any real config. The YAML
 * parser recurses per level, so a hostile file could exhaust the stack or the heap.
 */
export const MAX_CONFIG_DEPTH = 64
const MAX_CONFIG_INDENT = 200

const isYaml = (file: string) => /\.ya?ml$/i.test(file)

/** Read a config file: a regular UTF-8 file, its size checked with stat before it is read. */
export function readConfigText(file: string): string {
  return readTextFile(file, {maxBytes: MAX_CONFIG_BYTES, what: 'config'})
}

/**
 * Parse and validate config text. Errors are one line per problem, with the file and line.
 *
 * A JSON config that is valid, has no repeated key and passes the schema is read with
 * JSON.parse alone. Anything else, and every YAML config, goes through the YAML parser
 * (config-yaml.ts, loaded on demand), which also finds the line of each problem: the
 * YAML parser costs ~80 ms on a 200-integration file and is not needed to accept one
 * (generate speed).
 */
export async function parseConfig(input: string, file: string): Promise<Config> {
  // A byte order mark (Windows editors add one) is not part of the config, in JSON as in YAML.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  if (Buffer.byteLength(text) > MAX_CONFIG_BYTES) throw invalid(`${file}: config is larger than ${MAX_CONFIG_BYTES / 1024} KiB`)
  const kind = isYaml(file) ? 'YAML' : 'JSON'
  const deep = tooDeep(text)
  if (deep) throw invalid(`${file}:${deep}: not valid ${kind} for a config: nested deeper than ${MAX_CONFIG_DEPTH} levels`)
  if (kind === 'JSON') {
    const data = plainJson(text, file)
    const result = data === undefined ? undefined : configSchema.safeParse(data)
    // An unsafe character is reported by the YAML path, with its line.
    if (result?.success && !findUnsafeChar(data)) return result.data
  }
  const {parseConfigDocument} = await import('./config-yaml.js')
  return parseConfigDocument(text, file, kind)
}

/** String literals of JSON text, in order; group 1 is set when the string is a key (a `:` follows). */
const JSON_STRING = /"(?:[^"\\]|\\.)*"(\s*:)?/g

/**
 * The value of JSON `text` when no object repeats a key (JSON.parse would silently keep
 * the last one), else undefined. Text that is not JSON (a trailing comma, a comment) is
 * an error from JSON.parse at its line and column: the YAML parser would accept some of
 * it and word the rest in YAML terms. Every key of the text becomes one own
 * property (JSON.parse defines even "__proto__" as one), so the keys are repeated exactly
 * when the text has more keys than the parsed objects. Outside strings JSON has no `"`,
 * so the scan meets the literals one after another.
 */
function plainJson(text: string, file: string): unknown {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw jsonError(text, file, (error as Error).message)
  }
  let keysInText = 0
  for (const m of text.matchAll(JSON_STRING)) if (m[1] !== undefined) keysInText += 1
  return keysInText === countKeys(data) ? data : undefined
}

/** `file:line:col: not valid JSON: <reason>` from a JSON.parse message and its position. */
export function jsonError(text: string, file: string, message: string) {
  const at = /at position (\d+)/.exec(message)
  const offset = at ? Number(at[1]) : /end of JSON input/i.test(message) ? text.length : firstBadOffset(text)
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  const col = offset - before.lastIndexOf('\n')
  // V8 words it `Unexpected token '}', "...": ... is not valid JSON` or `... in JSON at position 9 (line 1 column 10)`.
  let reason = message
    .replace(/\s*in JSON at position \d+.*$/s, '')
    .replace(/, (\.\.\.)?".*" is not valid JSON$/s, '')
    .replace(/^JSON\.parse: /, '')
  if (text[offset] === '}' || text[offset] === ']') {
    if (/,\s*$/.test(before)) reason = 'trailing comma before the closing bracket (JSON allows none)'
  }
  return invalid(`${file}:${line}:${col}: not valid JSON: ${reason}`)
}

/**
 * Where JSON text first goes wrong, for the V8 messages that give no position
 * (`Unexpected token ']', "..." is not valid JSON`): the shortest prefix that fails for
 * another reason than ending early ends one past it. Prefixes only get worse, so a
 * binary search finds it in a few parses.
 */
function firstBadOffset(text: string): number {
  const bad = (k: number) => {
    try {
      JSON.parse(text.slice(0, k))
      return false
    } catch (error) {
      // Ending early reads "end of JSON input" or names a position at the very end.
      const message = (error as Error).message
      const at = /at position (\d+)/.exec(message)
      return !/end of JSON input/i.test(message) && !(at && Number(at[1]) >= k)
    }
  }
  let lo = 0
  let hi = text.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (bad(mid + 1)) hi = mid
    else lo = mid + 1
  }
  return lo
}

function countKeys(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0
  let n = 0
  if (Array.isArray(value)) {
    for (const item of value) n += countKeys(item)
    return n
  }
  for (const key of Object.keys(value)) n += 1 + countKeys((value as Record<string, unknown>)[key])
  return n
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

/** What a generated file's header tells people to run to regenerate it from `configFile`. */
export function regenerateHint(configFile: string): string {
  const rel = path.relative(path.dirname(configFile), configFile)
  return CONFIG_NAMES.includes(rel) ? 'run "gwe-int generate"' : `run "gwe-int generate --config ${rel}"`
}

/** The config path to use: the given one, or the first of CONFIG_NAMES in `cwd`. */
export function findConfig(cwd: string, given: string | undefined, exists: (f: string) => boolean): string | undefined {
  if (given) return path.resolve(cwd, given)
  return CONFIG_NAMES.map((n) => path.join(cwd, n)).find(exists)
}

/**
 * The config text after upserting `entry` (by name): appended when new, replaced in
 * place when an entry of that name exists. `current` is undefined for a new file.
 * YAML keeps its comments and layout (config-yaml.ts).
 */
export async function upsertEntry(current: string | undefined, file: string, entry: IntegrationEntry): Promise<string> {
  if (isYaml(file)) {
    const config = current === undefined ? undefined : await parseConfig(current, file)
    return (await import('./config-yaml.js')).upsertYaml(current, file, config, entry)
  }
  if (current === undefined) return `${JSON.stringify({$schema: SCHEMA_REF, integrations: [entry]}, null, 2)}\n`
  const config = await parseConfig(current, file)
  const index = config.integrations.findIndex((e) => e.name === entry.name)
  if (index >= 0) config.integrations[index] = entry
  else config.integrations.push(entry)
  return `${JSON.stringify(config, null, 2)}\n`
}
