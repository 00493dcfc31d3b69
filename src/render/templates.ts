/**
 * Loading and rendering the Handlebars templates under templates/ (ids and partial
 * names: template-files.ts). The built-in set is precompiled at build time
 * (precompiled.ts), so a run only instantiates template functions with the small
 * Handlebars runtime. An override folder has the same relative paths and replaces
 * files one by one; only its files are compiled at run time (compile.ts), after a
 * static check of their helpers and partials.
 *
 * Render errors name the template file and line: strict mode makes an unknown
 * variable an error, and every template and partial is wrapped so the innermost
 * file is the one reported.
 */
import {existsSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type HandlebarsNS from 'handlebars'
import * as runtimeModule from 'handlebars/runtime.js'
import {GweIntError, invalid} from '../shared/errors.js'
import {readTextFile} from '../shared/regular-file.js'
import {VIEW_MODEL} from './template-docs.js'
import {compileTemplate, handlebarsCompiler, parseTemplate} from './compile.js'
import {registerHelpers} from './helpers.js'
import {PRECOMPILED} from './precompiled.js'
import {isPartial, listStrayFiles, listTemplateFiles, partialName, templateId} from './template-files.js'

type HB = typeof HandlebarsNS
type Render = HandlebarsTemplateDelegate

/** The Handlebars runtime (no parser or compiler), a CommonJS module. */
const runtime = (runtimeModule as unknown as {default: HB}).default

export const BUILTIN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url))

export interface TemplateSet {
  render(id: string, context: object): string
  /** Template ids (including partials) in this set. */
  ids(): string[]
}

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

/** Built-in template files: from the precompiled module, or templates/ when running from sources. */
function builtinFiles(): string[] {
  return PRECOMPILED ? Object.keys(PRECOMPILED).sort() : listTemplateFiles(BUILTIN_TEMPLATES)
}

/** Partials that were split or moved: an override of the old name says where its contents went. */
const MOVED: Record<string, string> = {
  'gms-widget/partials/get-url-vars.js.hbs': 'shared/partials/get-url-vars.js.hbs',
  'gms-widget/partials/gpe-start-scenario.js.hbs': 'patch/partials/gpe-start-scenario.js.hbs',
}

function overrideFiles(overrideDir: string, builtin: string[]): Map<string, string> {
  if (!existsSync(overrideDir) || !statSync(overrideDir).isDirectory()) throw invalid(`templates: folder ${overrideDir} does not exist`)
  const known = new Set(builtin)
  const files = new Map<string, string>()
  const stray = listStrayFiles(overrideDir)
  if (stray.length > 0) throw invalid(`templates: ${path.join(overrideDir, stray[0])} is not a template (templates end in .hbs; known: ${builtin.join(', ')})`)
  for (const rel of listTemplateFiles(overrideDir)) {
    const moved = MOVED[rel]
    if (!known.has(rel) && moved)
      throw invalid(`templates: ${path.join(overrideDir, rel)} is an old name: its contents are now in ${moved}; move your edits there`)
    if (!known.has(rel)) throw invalid(`templates: ${path.join(overrideDir, rel)} is not a known template; known: ${builtin.join(', ')}`)
    files.set(rel, path.join(overrideDir, rel))
  }
  return files
}

function createSet(overrideDir?: string): TemplateSet {
  const builtin = builtinFiles()
  const overrides = overrideDir ? overrideFiles(overrideDir, builtin) : new Map<string, string>()
  // The compiler is needed only for files that are not precompiled.
  const compiled = !PRECOMPILED || overrides.size > 0
  const hb: HB = (compiled ? handlebarsCompiler() : runtime).create()
  const own = new Set(Object.keys(hb.helpers))
  registerHelpers(hb)
  locateHelperErrors(hb, own)
  const names = {helpers: Object.keys(hb.helpers), partials: builtin.filter(isPartial).map(partialName)}
  const templates = new Map<string, Render>()
  for (const rel of builtin) {
    const override = overrides.get(rel)
    const file = override ?? path.join(BUILTIN_TEMPLATES, rel)
    const spec = override ? undefined : PRECOMPILED?.[rel]
    // Custom templates also get their variables checked: a typo fails with file:line before rendering.
    const checks = override ? {...names, variables: VIEW_MODEL} : names
    const render = spec
      ? onFirstUse(() => hb.template(spec()))
      : compileTemplate(hb, parseTemplate(override ? readTextFile(file, {what: 'template'}) : readFileSync(file, 'utf8'), file, checks))
    const wrapped = reportingFile(render, file)
    if (isPartial(rel)) hb.registerPartial(partialName(rel), wrapped)
    else templates.set(templateId(rel), wrapped)
  }
  return {
    ids: () => builtin.map(templateId),
    render(id, context) {
      const template = templates.get(id) ?? (hb.partials[id] as Render | undefined)
      if (!template) throw new Error(`no template ${id}`)
      return template(context, {allowProtoPropertiesByDefault: false})
    },
  }
}

/**
 * Wraps gwe-int's helpers (not Handlebars' own, `except`) so an error they throw
 * carries the location of the call: Handlebars passes it as options.loc.
 */
function locateHelperErrors(hb: HB, except: ReadonlySet<string>): void {
  for (const [name, helper] of Object.entries(hb.helpers)) {
    if (except.has(name)) continue
    hb.registerHelper(name, function (this: unknown, ...args: unknown[]) {
      try {
        return (helper as (...a: unknown[]) => unknown).apply(this, args)
      } catch (error) {
        const loc = (args.at(-1) as {loc?: hbs.AST.SourceLocation} | undefined)?.loc
        if (loc && error instanceof Error && !('loc' in error)) Object.assign(error, {loc})
        throw error
      }
    })
  }
}

/** A built-in template made on its first render: `new` renders the files of one medium of many. */
function onFirstUse(make: () => Render): Render {
  let render: Render | undefined
  return (context, options) => (render ??= make())(context, options)
}

/** `render`, with any error turned into one line naming `file` (and the line, when Handlebars knows it). */
function reportingFile(render: Render, file: string): Render {
  return (context, options) => {
    try {
      return render(context, options)
    } catch (error) {
      if (error instanceof GweIntError) throw error
      throw renderError(file, error as Error)
    }
  }
}

export function renderError(file: string, error: Error & {loc?: hbs.AST.SourceLocation}): GweIntError {
  const message = error.message.split('\n')[0]
  if (error.loc) {
    const hint = / got undefined$/.test(message) ? '; is the variable name right? (see the README.md written by "gwe-int templates eject")' : ''
    return invalid(`${file}:${error.loc.start.line}:${error.loc.start.column + 1}: ${message}${hint}`)
  }
  // Strict mode: `"name" not defined in [object Object] - 12:4` (line, 0-based column).
  const missing = /^"(.+)" not defined in .* - (\d+):(\d+)$/.exec(message)
  if (missing)
    return invalid(
      `${file}:${missing[2]}:${Number(missing[3]) + 1}: "${missing[1]}" is not a variable or helper this template receives (see the README.md written by "gwe-int templates eject")`,
    )
  // A path whose first part is absent here (`scenario.id` for a medium without scenarios).
  const absent = /^Cannot read properties of (?:undefined|null) \(reading '(.+)'\)$/.exec(message)
  if (absent)
    return invalid(
      `${file}: a value read as "….${absent[1]}" is absent for this integration; guard it with {{#if}} (see the README.md written by "gwe-int templates eject")`,
    )
  const partial = /^The partial (.+) could not be found$/.exec(message)
  if (partial) return invalid(`${file}: unknown partial "${partial[1]}"`)
  return invalid(`${file}: ${message}`)
}
