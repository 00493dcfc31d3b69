/**
 * Compiling template text with the full Handlebars compiler: at build time for the
 * built-in set (precompile.ts), at run time only for a folder of overrides. The
 * compiler is loaded on first use, so a run without overrides never pays for it.
 * Templates are parsed eagerly and checked statically, so a syntax error, an unknown
 * helper or an unknown partial is reported with file and line before anything renders.
 */
import {createRequire} from 'node:module'
import type HandlebarsNS from 'handlebars'
import {invalid} from '../shared/errors.js'
import {checkVariables, type VariableSchema} from './check-variables.js'
import {COMPILE_OPTIONS} from './template-files.js'

type HB = typeof HandlebarsNS
type Node = hbs.AST.Node

let compiler: HB | undefined
/** The full Handlebars (parser + code generator), loaded once, on demand. */
export function handlebarsCompiler(): HB {
  compiler ??= createRequire(import.meta.url)('handlebars') as HB
  return compiler
}

/** Handlebars' built-in helpers, always available. */
const BUILTIN_HELPERS = ['if', 'unless', 'each', 'with', 'lookup', 'log']

export interface CheckNames {
  helpers: readonly string[]
  partials: readonly string[]
  /** The view model's paths, to check the variables a template reads (check-variables.ts). */
  variables?: VariableSchema
}

/** Parse `text` (from `file`) and check it; returns the AST. Errors name file:line:col. */
export function parseTemplate(text: string, file: string, names: CheckNames): hbs.AST.Program {
  const hb = handlebarsCompiler()
  let ast: hbs.AST.Program
  try {
    ast = hb.parse(text)
  } catch (error) {
    const lines = (error as Error).message.split('\n')
    const line = /line (\d+)/.exec(lines[0])?.[1]
    throw invalid(`${file}${line ? `:${line}` : ''}: not a valid Handlebars template: ${lines.at(-1)?.trim() || lines[0]}`)
  }
  checkNames(ast, file, names)
  if (names.variables) checkVariables(ast, file, names.variables, new Set([...BUILTIN_HELPERS, ...names.helpers]))
  return ast
}

/** Every helper call with arguments must name a known helper, every static partial a known partial. */
function checkNames(ast: hbs.AST.Program, file: string, names: CheckNames): void {
  const helpers = new Set([...BUILTIN_HELPERS, ...names.helpers])
  const partials = new Set(names.partials)
  const at = (node: Node) => `${file}:${node.loc.start.line}:${node.loc.start.column + 1}`
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return
    if (Array.isArray(node)) {
      for (const n of node) visit(n)
      return
    }
    const n = node as Node & Record<string, unknown>
    if ((n.type === 'MustacheStatement' || n.type === 'BlockStatement' || n.type === 'SubExpression') && isHelperCall(n)) {
      const name = (n.path as hbs.AST.PathExpression).original
      if (!helpers.has(name))
        throw invalid(
          `${at(n)}: unknown helper "${name}"; templates can use ${[...helpers]
            .filter((h) => !h.endsWith('Missing'))
            .sort()
            .join(', ')}`,
        )
    }
    if ((n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') && (n.name as Node).type === 'PathExpression') {
      const name = (n.name as hbs.AST.PathExpression).original
      if (!partials.has(name)) throw invalid(`${at(n)}: unknown partial "${name}"; partials are ${[...partials].sort().join(', ')}`)
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'loc' && key !== 'strip' && key !== 'openStrip' && key !== 'closeStrip') visit(value)
  }
  visit(ast)
}

/** `{{name arg}}`, `{{#name arg}}`, `(name arg)`: a call; a bare `{{name}}` may be a variable. */
function isHelperCall(n: Record<string, unknown>): boolean {
  const path = n.path as Node
  const params = (n.params as unknown[] | undefined) ?? []
  const hash = n.hash as {pairs?: unknown[]} | undefined
  return path.type === 'PathExpression' && (params.length > 0 || (hash?.pairs?.length ?? 0) > 0 || n.type === 'SubExpression')
}

/** A render function for a parsed template in `hb` (an environment of the full compiler). */
export function compileTemplate(hb: HB, ast: hbs.AST.Program): HandlebarsTemplateDelegate {
  return hb.compile(ast, COMPILE_OPTIONS)
}

/** JavaScript source of the precompiled template (Handlebars.precompile), for the build step. */
export function precompileTemplate(ast: hbs.AST.Program): string {
  return handlebarsCompiler().precompile(ast, COMPILE_OPTIONS) as string
}

/**
 * The view-model fields a template reads from its own context (`media` for
 * `{{js media.id}}`), sorted. Inside {{#each}}/{{#with}} the context is the item, so
 * only the block's argument counts there.
 */
export function contextFields(ast: hbs.AST.Program): string[] {
  const fields = new Set<string>()
  const record = (node: Node) => {
    if (node.type !== 'PathExpression') return
    const p = node as hbs.AST.PathExpression
    if (!p.data && p.parts.length > 0 && p.original !== 'this' && !p.original.startsWith('this.')) fields.add(p.parts[0])
  }
  const expressions = (n: {params?: Node[]; hash?: hbs.AST.Hash}, depth: number) => {
    for (const param of n.params ?? []) visit(param, depth)
    for (const pair of n.hash?.pairs ?? []) visit(pair.value, depth)
  }
  const visit = (node: Node | undefined, depth: number): void => {
    if (!node) return
    switch (node.type) {
      case 'Program':
        for (const s of (node as hbs.AST.Program).body) visit(s, depth)
        return
      case 'PathExpression':
        if (depth === 0) record(node)
        return
      case 'SubExpression':
      case 'MustacheStatement': {
        const n = node as hbs.AST.MustacheStatement
        if (n.params.length > 0 || (n.hash?.pairs.length ?? 0) > 0 || node.type === 'SubExpression') expressions(n, depth)
        else visit(n.path, depth)
        return
      }
      case 'BlockStatement': {
        const n = node as hbs.AST.BlockStatement
        expressions(n, depth)
        const name = (n.path as hbs.AST.PathExpression).original
        const inner = name === 'each' || name === 'with' ? depth + 1 : depth
        visit(n.program, inner)
        visit(n.inverse, depth)
        return
      }
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const n = node as hbs.AST.PartialStatement
        if (n.name.type === 'SubExpression') visit(n.name, depth)
        expressions(n, depth)
        return
      }
      default:
    }
  }
  visit(ast, 0)
  return [...fields].sort()
}
