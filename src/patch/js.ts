/**
 * Parses one inline script with acorn and indexes, in a single walk, what the
 * patchers look for: function definitions by name, on-ready callbacks and the
 * names used (for kind detection). Node offsets are relative to the script text.
 */
import * as acorn from 'acorn'
import * as walk from 'acorn-walk'
import type {ScriptBlock} from './types.js'

export type FnNode = acorn.FunctionDeclaration | acorn.FunctionExpression | acorn.ArrowFunctionExpression
export type DefKind = 'function declaration' | 'variable' | 'assignment'

export interface FnDef {
  name: string
  kind: DefKind
  fn: FnNode
  /** The statement that is exactly this definition (replaceable as a whole), when there is one. */
  stmt?: Stmt
  /** The nearest enclosing statement that sits in a statement list: where to insert next to the definition. */
  anchor: Anchor
  script: ParsedScript
}

export type Stmt = acorn.Statement | acorn.ModuleDeclaration

export interface Anchor {
  stmt: Stmt
  /** The statement list holding `stmt`. */
  list: readonly Stmt[]
  /** The Program/block/case owning `list`; its range is the scope the statement lives in. */
  owner: acorn.Node
}

export interface ReadyCallback {
  /** How it is registered, for messages: `$(function)`, `$(document).ready`, `DOMContentLoaded`, `window.onload`, ... */
  kind: string
  /** The callback when written inline. */
  fn?: FnNode
  /** The callback's name when passed by reference (`$(init)`). */
  ref?: string
  /** The registering call or assignment. */
  node: acorn.Node
  script: ParsedScript
}

export interface ParsedScript {
  block: ScriptBlock
  program: acorn.Program
  /** Comments in source order. */
  comments: acorn.Comment[]
  defs: Map<string, FnDef[]>
  ready: ReadyCallback[]
  /** Identifier names and non-computed member property names. */
  names: Set<string>
  /** String literals mentioning the GMS sample's `#scenario` field were seen. */
  scenarioSelector: boolean
}

export interface BrokenScript {
  block: ScriptBlock
  /** Offset of the syntax error in the script text. */
  pos: number
  message: string
}

const GLOBAL_OBJECTS = new Set(['window', 'self', 'globalThis'])
const JQUERY = new Set(['$', 'jQuery'])

/** Parses with acorn (latest syntax; classic script first, then module, or the other way for type=module). */
export function parseProgram(text: string, preferModule = false): {program: acorn.Program; comments: acorn.Comment[]} {
  const kinds: acorn.Options['sourceType'][] = preferModule ? ['module', 'script'] : ['script', 'module']
  let first: unknown
  for (const sourceType of kinds) {
    const comments: acorn.Comment[] = []
    try {
      const program = acorn.parse(text, {ecmaVersion: 'latest', sourceType, onComment: comments, allowHashBang: true})
      return {program, comments}
    } catch (error) {
      first ??= error
    }
  }
  throw first
}

export function parseScript(block: ScriptBlock): ParsedScript | BrokenScript {
  let parsed: {program: acorn.Program; comments: acorn.Comment[]}
  try {
    parsed = parseProgram(block.text, block.module)
  } catch (error) {
    const e = error as {pos?: number; message?: string}
    return {block, pos: e.pos ?? 0, message: String(e.message ?? error).replace(/ \(\d+:\d+\)$/, '')}
  }
  const script: ParsedScript = {
    block,
    program: parsed.program,
    comments: parsed.comments,
    defs: new Map(),
    ready: [],
    names: new Set(),
    scenarioSelector: false,
  }
  index(script)
  script.ready.sort((a, b) => a.node.start - b.node.start)
  return script
}

export const isBroken = (s: ParsedScript | BrokenScript): s is BrokenScript => !('program' in s)

export const isFunction = (n: acorn.Node | null | undefined): n is FnNode =>
  !!n && (n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression' || n.type === 'FunctionDeclaration')

/** `obj.prop` or `obj['prop']` with `obj` an identifier in `objects` (any when omitted). */
export function memberName(n: acorn.Node | null | undefined, objects?: ReadonlySet<string>): string | undefined {
  if (n?.type !== 'MemberExpression') return undefined
  const m = n as acorn.MemberExpression
  if (objects && (m.object.type !== 'Identifier' || !objects.has(m.object.name))) return undefined
  if (!m.computed && m.property.type === 'Identifier') return m.property.name
  if (m.computed && m.property.type === 'Literal' && typeof m.property.value === 'string') return m.property.value
  return undefined
}

/** True when `n` is `obj.prop` (or `obj['prop']`). */
export function isMember(n: acorn.Node | null | undefined, obj: string, prop: string): boolean {
  if (n?.type !== 'MemberExpression') return false
  const m = n as acorn.MemberExpression
  return m.object.type === 'Identifier' && m.object.name === obj && memberName(m) === prop
}

/** The called function's name for `name(...)` and `window.name(...)`. */
export function calleeName(call: acorn.Node): string | undefined {
  if (call.type !== 'CallExpression') return undefined
  const callee = (call as acorn.CallExpression).callee
  if (callee.type === 'Identifier') return callee.name
  return memberName(callee, GLOBAL_OBJECTS)
}

/** The statement list of a node that has one. */
export function statementList(n: acorn.Node | undefined): readonly (acorn.Statement | acorn.ModuleDeclaration)[] | undefined {
  if (!n) return undefined
  if (n.type === 'Program') return (n as acorn.Program).body
  if (n.type === 'BlockStatement' || n.type === 'StaticBlock') return (n as acorn.BlockStatement).body
  if (n.type === 'SwitchCase') return (n as acorn.SwitchCase).consequent
  return undefined
}

/** The innermost ancestor that sits directly in a statement list. */
export function anchorOf(ancestors: readonly acorn.Node[]): Anchor {
  for (let i = ancestors.length - 1; i >= 1; i--) {
    const owner = ancestors[i - 1]!
    const list = statementList(owner)
    const stmt = ancestors[i] as Stmt
    if (list && (owner.type !== 'SwitchCase' || (owner as acorn.SwitchCase).test !== (stmt as acorn.Node))) return {stmt, list, owner}
  }
  throw new Error('internal: node outside any statement list')
}

function addDef(script: ParsedScript, name: string, kind: DefKind, fn: FnNode, stmt: Stmt | undefined, ancestors: readonly acorn.Node[]): void {
  const anchor = anchorOf(ancestors)
  const def: FnDef = {name, kind, fn, stmt: anchor.stmt === stmt ? stmt : undefined, anchor, script}
  const defs = script.defs.get(name)
  if (defs) defs.push(def)
  else script.defs.set(name, [def])
}

function index(script: ParsedScript): void {
  walk.fullAncestor(script.program, (node, _state, ancestors) => {
    // `ancestors` ends with `node` itself.
    const parent = ancestors[ancestors.length - 2]
    switch (node.type) {
      case 'Identifier':
        script.names.add(node.name)
        break
      case 'Literal':
        if (typeof node.value === 'string' && node.value.includes('#scenario')) script.scenarioSelector = true
        break
      case 'MemberExpression': {
        const name = memberName(node)
        if (name !== undefined) script.names.add(name)
        break
      }
      case 'FunctionDeclaration':
        if (node.id) {
          // `export function f() {}` sits in the Program through its export declaration.
          const exported = parent?.type === 'ExportNamedDeclaration' || parent?.type === 'ExportDefaultDeclaration'
          const stmt = exported ? (parent as acorn.ModuleDeclaration) : node
          addDef(script, node.id.name, 'function declaration', node, stmt, ancestors)
        }
        break
      case 'VariableDeclarator':
        if (node.id.type === 'Identifier' && isFunction(node.init)) {
          const decl = parent as acorn.VariableDeclaration
          const single = decl.declarations.length === 1
          addDef(script, node.id.name, 'variable', node.init, single ? decl : undefined, ancestors)
        }
        break
      case 'AssignmentExpression': {
        if (node.operator !== '=') break
        const name = node.left.type === 'Identifier' ? node.left.name : memberName(node.left, GLOBAL_OBJECTS)
        if (name !== undefined && isFunction(node.right)) {
          const stmt = parent?.type === 'ExpressionStatement' ? (parent as acorn.ExpressionStatement) : undefined
          addDef(script, name, 'assignment', node.right, stmt, ancestors)
        }
        if (memberName(node.left, GLOBAL_OBJECTS) === 'onload') addReady(script, 'window.onload', node.right, node)
        break
      }
      case 'CallExpression':
        readyCall(script, node)
        break
    }
  })
}

function addReady(script: ParsedScript, kind: string, callback: acorn.Node | undefined | null, node: acorn.Node): void {
  if (isFunction(callback)) script.ready.push({kind, fn: callback, node, script})
  else if (callback?.type === 'Identifier') script.ready.push({kind, ref: (callback as acorn.Identifier).name, node, script})
}

function readyCall(script: ParsedScript, call: acorn.CallExpression): void {
  const callee = call.callee
  const [a0, a1] = call.arguments
  // $(function () {...}) / jQuery(function () {...})
  if (callee.type === 'Identifier' && JQUERY.has(callee.name) && call.arguments.length === 1) {
    if (isFunction(a0) || a0?.type === 'Identifier') addReady(script, `${callee.name}(function)`, a0, call)
    return
  }
  if (callee.type !== 'MemberExpression') return
  const method = memberName(callee)
  // $(document).ready(fn) / jQuery(document).ready(fn) / $().ready(fn)
  if (method === 'ready' && callee.object.type === 'CallExpression') {
    const inner = callee.object.callee
    if (inner.type === 'Identifier' && JQUERY.has(inner.name)) addReady(script, `${inner.name}(document).ready`, a0, call)
    return
  }
  // document.addEventListener('DOMContentLoaded', fn) / window.addEventListener('load', fn)
  if (method === 'addEventListener' && a0?.type === 'Literal' && callee.object.type === 'Identifier') {
    const target = callee.object.name
    const event = a0.value
    if ((target === 'document' || target === 'window') && event === 'DOMContentLoaded')
      addReady(script, `${target}.addEventListener('DOMContentLoaded')`, a1, call)
    else if (GLOBAL_OBJECTS.has(target) && event === 'load') addReady(script, `${target}.addEventListener('load')`, a1, call)
  }
}
