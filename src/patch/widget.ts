/**
 * The GMS-widget patch (docs/genesys.md#gms-sample): add the helper
 * functions before connect(), put the attached-data parameters into connect()'s
 * params (in a marked block, so re-patching finds it), and call the scenario
 * starter from the page's on-ready callback.
 */
import * as acorn from 'acorn'
import * as walk from 'acorn-walk'
import {lineIndentAt} from './indent.js'
import {PatchDoc, single} from './doc.js'
import {blankAround, commentAt, lineStart} from './text.js'
import {anchorOf, calleeName, memberName, type Anchor, type FnDef, type FnNode, type ParsedScript, type ReadyCallback, type Stmt} from './js.js'
import {checkCall, checkFunctionSource, checkStatements, oneLine, sameNode} from './snippet.js'
import type {PatchResult, WidgetPatchSpec} from './types.js'

export const BEGIN_MARK = 'gwe-int:begin attached-data'
export const END_MARK = 'gwe-int:end attached-data'

const PARAMS = new Set(['params'])
const CONTROL = new Set([
  'IfStatement',
  'SwitchStatement',
  'ForStatement',
  'ForInStatement',
  'ForOfStatement',
  'WhileStatement',
  'DoWhileStatement',
  'TryStatement',
])

export function patchWidget(source: string, file: string, spec: WidgetPatchSpec): PatchResult {
  for (const f of spec.functions) checkFunctionSource(f.name, f.source, `template of function ${f.name}`)
  const statements = spec.connectStatements.replace(/\s+$/, '')
  const keys = assignedParams(checkStatements(statements, 'attached-data statements').body)
  const ready = checkCall(spec.readyCall, 'on-ready call')
  const readyStmt = `${ready.text};`

  const doc = new PatchDoc(source, file)
  const connect = findConnect(doc)
  const params = findParams(connect)
  if (!params)
    return doc.fail('connect() has no params object; expected `var params = new Object();` or `var params = {};` in it', {
      script: connect.script,
      node: connect.fn,
    })
  const changes: string[] = []

  addFunctions(doc, connect, spec, changes)
  attachData(doc, connect, params, statements, keys, changes)
  addReadyCall(doc, ready.call, readyStmt, changes)
  return doc.result(changes)
}

function findConnect(doc: PatchDoc): FnDef {
  const defs = doc.defs('connect')
  // Other code may define a connect() of its own; the GMS sample's is the one building `params`.
  const withParams = defs.filter((d) => findParams(d))
  if (defs.length > 1 && withParams.length === 1) return withParams[0]!
  return single(doc, 'connect', "expected a function connect (the GMS sample's connect(e) that builds params); found none")
}

/** `params.key = ...;` keys assigned by top-level statements. */
function assignedParams(body: readonly acorn.Node[]): string[] {
  return body.flatMap((s) => {
    const key = paramsKey(s)
    return key === undefined ? [] : [key]
  })
}

function paramsKey(stmt: acorn.Node): string | undefined {
  if (stmt.type !== 'ExpressionStatement') return undefined
  const e = (stmt as acorn.ExpressionStatement).expression
  if (e.type !== 'AssignmentExpression' || e.operator !== '=') return undefined
  return memberName(e.left, PARAMS)
}

/** `var params = new Object()` / `{}` inside connect, as a statement anchor. */
function findParams(connect: FnDef): Anchor | undefined {
  let found: Anchor | undefined
  walk.fullAncestor(connect.fn.body, (n, _s, ancestors) => {
    if (found || n.type !== 'VariableDeclarator' || n.id.type !== 'Identifier' || n.id.name !== 'params') return
    const init = n.init
    const isObject = init?.type === 'ObjectExpression' || (init?.type === 'NewExpression' && init.callee.type === 'Identifier' && init.callee.name === 'Object')
    if (!isObject) return
    // `ancestors` starts at connect's body; prefix the function so the body is a statement list owner.
    found = anchorOf([connect.fn, ...ancestors])
  })
  return found
}

function addFunctions(doc: PatchDoc, connect: FnDef, spec: WidgetPatchSpec, changes: string[]): void {
  const missing: {name: string; source: string}[] = []
  for (const f of spec.functions) {
    const defs = doc.defs(f.name)
    if (defs.length === 0) {
      missing.push(f)
      continue
    }
    const def = single(doc, f.name, '')
    if (!def.stmt)
      doc.fail(`expected ${f.name} to be defined by its own statement so it can be updated; found it inside a larger statement`, {
        script: def.script,
        node: def.fn,
      })
    if (doc.replaceStatement(def.script, def.stmt, f.source)) changes.push(`updated function ${f.name}`)
  }
  if (missing.length === 0) return
  const script = connect.script
  const blank = blankAround(script, connect.anchor, false)
  doc.insertBefore(script, connect.anchor.stmt, missing.map((f) => f.source.replace(/\s+$/, '')).join(blank ? '\n\n' : '\n'), blank)
  for (const f of missing) changes.push(`added function ${f.name}`)
}

/** Offset just past comments that follow `pos` on the same line. */
function trailingCommentsEnd(script: ParsedScript, pos: number): number {
  const text = script.block.text
  let end = pos
  for (;;) {
    let q = end
    while (q < text.length && (text[q] === ' ' || text[q] === '\t')) q++
    const c = commentAt(script, q)
    if (!c || /[\r\n]/.test(text.slice(c.start, c.end))) return end
    end = c.end
  }
}

function attachData(doc: PatchDoc, connect: FnDef, params: Anchor, statements: string, keys: string[], changes: string[]): void {
  const script = connect.script
  const text = script.block.text
  const block = [`// ${BEGIN_MARK}`, statements, `// ${END_MARK}`].join('\n')
  const inConnect = script.comments.filter((c) => c.type === 'Line' && c.start >= connect.fn.start && c.end <= connect.fn.end)
  const begins = inConnect.filter((c) => c.value.trim() === BEGIN_MARK)
  const ends = inConnect.filter((c) => c.value.trim() === END_MARK)
  if (begins.length > 0 || ends.length > 0) {
    const [begin] = begins
    const [end] = ends
    if (begins.length !== 1 || ends.length !== 1 || !begin || !end || end.start < begin.start) {
      const at = begin ?? end!
      doc.fail(`expected one \`// ${BEGIN_MARK}\` ... \`// ${END_MARK}\` pair in connect(); found ${begins.length} begin and ${ends.length} end marker(s)`, {
        script,
        node: at,
      })
    }
    const base = lineIndentAt(text, begin.start)
    const rendered = doc.render(script, block, base).slice(base.length)
    if (text.slice(begin.start, end.end) !== rendered) {
      doc.replace(script, begin.start, end.end, rendered)
      changes.push('connect(): updated the attached-data parameters')
    }
    return
  }
  // The params assignments that precede the scenario logic (in the guide: first_name, last_name, _provide_code).
  const i = params.list.indexOf(params.stmt)
  const run: Stmt[] = []
  for (const s of params.list.slice(i + 1)) {
    if (CONTROL.has(s.type)) break
    run.push(s)
  }
  const assigns = run.filter((s) => paramsKey(s) !== undefined)
  // A hand-edited copy (as in the integration guide) may already assign some of the keys: replace those lines with the block.
  const handIdx = run.map((s, j) => (keys.includes(paramsKey(s) ?? '\0') ? j : -1)).filter((j) => j >= 0)
  const contiguous = handIdx.length > 0 && handIdx[handIdx.length - 1]! - handIdx[0]! === handIdx.length - 1
  if (contiguous) {
    const first = run[handIdx[0]!]!
    const last = run[handIdx[handIdx.length - 1]!]!
    const base = lineIndentAt(text, first.start)
    doc.replace(script, first.start, trailingCommentsEnd(script, last.end), doc.render(script, block, base).slice(base.length))
    const names = handIdx.map((j) => `params.${paramsKey(run[j]!)}`).join(', ')
    changes.push(`connect(): replaced ${names} with the attached-data parameters (${keys.join(', ')})`)
    return
  }
  const after = assigns[assigns.length - 1] ?? params.stmt
  doc.insertAfter(script, after, block, false)
  changes.push(`connect(): added the attached-data parameters (${keys.join(', ')})`)
}

/** The callback function of a ready registration (inline, or a named function defined once). */
function readyFn(doc: PatchDoc, r: ReadyCallback): {fn: FnNode; script: ParsedScript} | undefined {
  if (r.fn) return {fn: r.fn, script: r.script}
  const defs = r.ref ? doc.defs(r.ref) : []
  return defs.length === 1 ? {fn: defs[0]!.fn, script: defs[0]!.script} : undefined
}

function addReadyCall(doc: PatchDoc, call: acorn.CallExpression, stmtText: string, changes: string[]): void {
  const name = calleeName(call)
  const callbacks = doc.readyCallbacks().flatMap((r) => {
    const f = readyFn(doc, r)
    return f ? [{...f, kind: r.kind}] : []
  })
  // Already called from an on-ready callback: keep, or update in place when the call differs.
  for (const cb of callbacks) {
    let existing: acorn.ExpressionStatement | undefined
    walk.full(cb.fn.body, (n) => {
      if (!existing && n.type === 'ExpressionStatement' && n.expression.type === 'CallExpression' && name !== undefined && calleeName(n.expression) === name)
        existing = n
    })
    if (!existing) continue
    if (!sameNode(existing.expression, call)) {
      const before = oneLine(cb.script.block.text.slice(existing.start, existing.end))
      doc.replace(cb.script, existing.start, existing.end, stmtText)
      changes.push(`on-ready: ${before} -> ${stmtText}`)
    }
    return
  }
  // The last registered callback runs last, after the page's own initialisation.
  const target = callbacks[callbacks.length - 1]
  if (!target) {
    doc.fail(
      `expected an on-ready callback to call ${stmtText} from ($(function () {...}), $(document).ready(...), document.addEventListener('DOMContentLoaded', ...) or window.onload = ...); found none`,
    )
  }
  appendToFunction(doc, target.script, target.fn, stmtText)
  changes.push(`on-ready: added ${stmtText} to the ${target.kind} callback`)
}

function appendToFunction(doc: PatchDoc, script: ParsedScript, fn: FnNode, code: string): void {
  const text = script.block.text
  const body = fn.body
  if (body.type !== 'BlockStatement') {
    // `() => init()`: turn the expression body into a block.
    const arrowEnd = arrowTokenEnd(text, fn)
    const expr = text.slice(arrowEnd, fn.end).trim()
    doc.replace(script, arrowEnd, fn.end, ` { ${expr}; ${code} }`)
    return
  }
  const last = body.body[body.body.length - 1]
  if (last) return doc.insertAfter(script, last, code, false)
  const close = body.end - 1
  const base = lineIndentAt(text, body.start)
  const inner = base + doc.unit(script)
  const ls = lineStart(text, close)
  if (/^[ \t]*$/.test(text.slice(ls, close))) doc.insert(script, ls, doc.render(script, code, inner) + doc.eol(script))
  else doc.insert(script, close, doc.eol(script) + doc.render(script, code, inner) + doc.eol(script) + base)
}

function arrowTokenEnd(text: string, fn: FnNode): number {
  let end = -1
  for (const t of acorn.tokenizer(text.slice(fn.start, fn.body.start), {ecmaVersion: 'latest'})) {
    if (t.type === acorn.tokTypes.arrow) end = fn.start + t.end
  }
  return end
}
