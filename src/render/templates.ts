/**
 * Loading and rendering the Handlebars templates under templates/. A template id
 * is its path below templates/ without `.hbs` (e.g. `invite/invite.html`);
 * files in a `partials/` folder register as partials named `<family>/<name>`
 * (`invite/partials/get-ids.js.hbs` -> `{{> invite/get-ids.js}}`).
 * An override folder has the same relative paths and replaces files one by one.
 */
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import Handlebars from 'handlebars'
import {GweIntError, invalid} from '../core/errors.js'
import {registerHelpers} from './helpers.js'

export const BUILTIN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url))

export interface TemplateSet {
  render(id: string, context: object): string
  /** Template ids (including partials) in this set. */
  ids(): string[]
}

function listFiles(root: string, dir = ''): string[] {
  const out: string[] = []
  for (const entry of readdirSync(path.join(root, dir), {withFileTypes: true})) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name
    if (entry.isDirectory()) out.push(...listFiles(root, rel))
    else if (entry.name.endsWith('.hbs')) out.push(rel)
  }
  return out.sort()
}

const partialName = (rel: string) => rel.replace('/partials/', '/').replace(/\.hbs$/, '')
const isPartial = (rel: string) => rel.includes('/partials/')

const cache = new Map<string, TemplateSet>()

/** The built-in set, or the built-in set with `overrideDir`'s files replacing theirs. */
export function loadTemplates(overrideDir?: string): TemplateSet {
  const key = overrideDir ?? ''
  let set = cache.get(key)
  if (!set) {
    set = createSet(overrideDir)
    cache.set(key, set)
  }
  return set
}

function createSet(overrideDir?: string): TemplateSet {
  const builtin = listFiles(BUILTIN_TEMPLATES)
  const sources = new Map<string, {file: string; text: string}>()
  for (const rel of builtin) sources.set(rel, {file: path.join(BUILTIN_TEMPLATES, rel), text: ''})
  if (overrideDir) {
    if (!existsSync(overrideDir) || !statSync(overrideDir).isDirectory()) throw invalid(`templates: folder ${overrideDir} does not exist`)
    for (const rel of listFiles(overrideDir)) {
      if (!sources.has(rel)) throw invalid(`templates: ${path.join(overrideDir, rel)} is not a known template; known: ${builtin.join(', ')}`)
      sources.set(rel, {file: path.join(overrideDir, rel), text: ''})
    }
  }
  const hb = Handlebars.create()
  registerHelpers(hb)
  const compiled = new Map<string, HandlebarsTemplateDelegate>()
  const compile = (rel: string) => {
    const src = sources.get(rel)!
    const text = readFileSync(src.file, 'utf8')
    try {
      // strict: an unknown variable is an error at render time, not an empty string.
      const template = hb.compile(text, {strict: true, noEscape: false, preventIndent: false})
      return {template, file: src.file}
    } catch (error) {
      throw invalid(`${src.file}: ${(error as Error).message.split('\n')[0]}`)
    }
  }
  const files = new Map<string, string>()
  for (const rel of sources.keys()) {
    const {template, file} = compile(rel)
    files.set(rel, file)
    if (isPartial(rel)) hb.registerPartial(partialName(rel), template)
    else compiled.set(rel.replace(/\.hbs$/, ''), template)
  }
  return {
    ids: () => [...sources.keys()].map((rel) => rel.replace(/\.hbs$/, '')),
    render(id, context) {
      const template = compiled.get(id) ?? (hb.partials[id] as HandlebarsTemplateDelegate | undefined)
      if (!template) throw new Error(`no template ${id}`)
      try {
        return template(context, {helpers: {}, allowProtoPropertiesByDefault: false})
      } catch (error) {
        if (error instanceof GweIntError) throw error
        throw invalid(`${files.get(`${id}.hbs`) ?? id}: ${(error as Error).message.split('\n')[0]}`)
      }
    },
  }
}
