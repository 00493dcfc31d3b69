/**
 * Static check of the variables a template reads, against the view model's known
 * paths (render/template-docs.ts, kept in step with core/integration/template-context.ts by a unit test).
 * Strict mode only catches `{{a.b}}` at render time; a value passed to a helper,
 * `{{js a.b}}` (how every value is written), reaches the helper as undefined or
 * fails inside Handlebars without a line. This check names file:line:col instead.
 * It follows the context into {{#each list}} (`list[]`) and {{#with x}}; where the
 * context cannot be known (each over a map or a sub-expression) it checks nothing.
 */
import {invalid} from '../shared/errors.js'

type Node = hbs.AST.Node

export interface VariableSchema {
  /** Known dotted paths, lists as `x[]` (`scenarios[].id`). */
  paths: ReadonlySet<string>
  /** Paths holding maps keyed by ids: anything below them is accepted. */
  maps: ReadonlySet<string>
  /** Paths that have the shape of another one: `scenario` -> `scenarios[]`. */
  aliases: Readonly<Record<string, string>>
}

export function checkVariables(ast: hbs.AST.Program, file: string, schema: VariableSchema, helpers: ReadonlySet<string>): void {
  const known = (full: string): boolean => {
    let path = full
    for (const [alias, target] of Object.entries(schema.aliases)) if (path === alias || path.startsWith(`${alias}.`)) path = target + path.slice(alias.length)
    if ([...schema.maps].some((m) => path === m || path.startsWith(`${m}.`))) return true
    if (schema.paths.has(path)) return true
    return [...schema.paths].some((p) => p.startsWith(`${path}.`) || p.startsWith(`${path}[]`))
  }
  // Each scope is the path of the current context ('' = the view model), or undefined when unknown.
  const resolve = (p: hbs.AST.PathExpression, scopes: (string | undefined)[]): string | undefined | null => {
    if (p.data) return null
    const scope = scopes[scopes.length - 1 - p.depth]
    if (scope === undefined) return null
    const parts = p.parts.join('.')
    if (!parts) return scope
    return scope ? `${scope}.${parts}` : parts
  }
  const check = (node: Node | undefined, scopes: (string | undefined)[]): string | undefined => {
    if (node?.type !== 'PathExpression') {
      visit(node, scopes)
      return undefined
    }
    const p = node as hbs.AST.PathExpression
    const full = resolve(p, scopes)
    if (full === null || full === undefined || full === '') return full ?? undefined
    if (!known(full)) {
      throw invalid(
        `${file}:${p.loc.start.line}:${p.loc.start.column + 1}: "${p.original}" is not a variable templates receive${scopes.length > 1 ? ` (here the context is ${scopes.at(-1) || 'the view model'})` : ''}; see README.md of "gwe-int templates eject"`,
      )
    }
    return full
  }
  const args = (n: {params?: Node[]; hash?: hbs.AST.Hash}, scopes: (string | undefined)[]) => {
    for (const param of n.params ?? []) check(param, scopes)
    for (const pair of n.hash?.pairs ?? []) check(pair.value, scopes)
  }
  const visit = (node: Node | undefined, scopes: (string | undefined)[]): void => {
    if (!node) return
    switch (node.type) {
      case 'Program':
        for (const s of (node as hbs.AST.Program).body) visit(s, scopes)
        return
      case 'MustacheStatement':
      case 'SubExpression': {
        const n = node as hbs.AST.MustacheStatement
        const name = n.path.type === 'PathExpression' ? (n.path as hbs.AST.PathExpression).original : ''
        const call = n.params.length > 0 || (n.hash?.pairs.length ?? 0) > 0 || node.type === 'SubExpression' || helpers.has(name)
        if (call) args(n, scopes)
        else check(n.path, scopes)
        return
      }
      case 'BlockStatement': {
        const n = node as hbs.AST.BlockStatement
        const name = n.path.type === 'PathExpression' ? (n.path as hbs.AST.PathExpression).original : ''
        if (name === 'each' || name === 'with') {
          const target = n.params[0] ? check(n.params[0], scopes) : undefined
          for (const pair of n.hash?.pairs ?? []) check(pair.value, scopes)
          const inner = target === undefined || [...schema.maps].some((m) => target === m) ? undefined : name === 'each' ? `${target}[]` : target
          // Block params (`as |item|`) name the item; their paths are not checked.
          visit(n.program, n.program.blockParams?.length ? [...scopes, undefined] : [...scopes, inner])
        } else {
          args(n, scopes)
          visit(n.program, scopes)
        }
        visit(n.inverse, scopes)
        return
      }
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const n = node as hbs.AST.PartialStatement
        if (n.name.type === 'SubExpression') visit(n.name, scopes)
        args(n, scopes)
        return
      }
      default:
    }
  }
  visit(ast, [''])
}
