/**
 * The invitation-widget patch (docs/genesys.md#invite-widget): add the starter function next
 * to startChat/startCallback, and in onAccept replace only the start call of
 * the chosen INVITE_TYPE branch. closeInviteDialogWindow(), sendInviteResult()
 * and the else branch are never touched.
 */
import type * as acorn from 'acorn'
import * as walk from 'acorn-walk'
import {invalid} from '../shared/errors.js'
import {PatchDoc, single} from './doc.js'
import {blankAround} from './text.js'
import {calleeName, isMember, type FnDef} from './js.js'
import {checkCall, checkFunctionSource, oneLine, sameNode} from './snippet.js'
import type {InvitePatchSpec, PatchResult} from './types.js'

/** The built-in start call of each branch. */
const DEFAULT_CALL = {CHAT: 'startChat', CALLBACK: 'startCallback'} as const

type InviteType = keyof typeof DEFAULT_CALL

export function patchInvite(source: string, file: string, spec: InvitePatchSpec): PatchResult {
  checkFunctionSource(spec.starterName, spec.starterSource, 'starter template')
  const seen = new Set<string>()
  const branches = spec.branches.map((b) => {
    if (!(b.type in DEFAULT_CALL)) throw invalid(`invalid patch spec: unknown invitation type ${JSON.stringify(b.type)}; expected CHAT or CALLBACK`)
    if (seen.has(b.type)) throw invalid(`invalid patch spec: the ${b.type} branch is given twice`)
    seen.add(b.type)
    return {type: b.type, ...checkCall(b.call, `${b.type} branch call`)}
  })

  const doc = new PatchDoc(source, file)
  const onAccept = single(
    doc,
    'onAccept',
    'expected a function onAccept (function declaration, var/let/const onAccept = ..., or window.onAccept = ...); found none',
  )
  const changes: string[] = []

  addStarter(doc, onAccept, spec, changes)
  for (const b of branches) patchBranch(doc, onAccept, b.type, b.call, b.text, spec.starterName, changes)
  return doc.result(changes)
}

function addStarter(doc: PatchDoc, onAccept: FnDef, spec: InvitePatchSpec, changes: string[]): void {
  const name = spec.starterName
  const existing = doc.defs(name)
  if (existing.length > 1) single(doc, name, '')
  if (existing.length === 1) {
    const def = existing[0]!
    if (!def.stmt)
      doc.fail(`expected ${name} to be defined by its own statement so it can be updated; found it inside a larger statement`, {
        script: def.script,
        node: def.fn,
      })
    if (doc.replaceStatement(def.script, def.stmt, spec.starterSource)) changes.push(`updated function ${name}`)
    return
  }
  // Next to startChat/startCallback when they are defined in a scope that onAccept can see.
  const script = onAccept.script
  const anchors = [...(script.defs.get('startChat') ?? []), ...(script.defs.get('startCallback') ?? [])]
    .filter((d) => d.anchor.owner.start <= onAccept.fn.start && onAccept.fn.end <= d.anchor.owner.end)
    .sort((a, b) => a.anchor.stmt.end - b.anchor.stmt.end)
  const after = anchors[anchors.length - 1]
  if (after) doc.insertAfter(script, after.anchor.stmt, spec.starterSource, blankAround(script, after.anchor, true))
  else doc.insertBefore(script, onAccept.anchor.stmt, spec.starterSource, blankAround(script, onAccept.anchor, false))
  changes.push(`added function ${name}`)
}

interface Branch {
  /** The `if` test or `case` test. */
  test: acorn.Node
  body: acorn.Node[]
}

/** The INVITE_TYPE.<type> branches of onAccept: `if (... INVITE_TYPE.CHAT ...) {...}`, `case INVITE_TYPE.CHAT:` and `... INVITE_TYPE.CHAT ? a() : b()`. */
function findBranches(fn: acorn.Node, type: InviteType): Branch[] {
  const out: Branch[] = []
  const mentions = (test: acorn.Node): boolean => {
    let found = false
    walk.full(test, (n) => {
      if (isMember(n, 'INVITE_TYPE', type)) found = true
    })
    return found
  }
  walk.full(fn, (n) => {
    if ((n.type === 'IfStatement' || n.type === 'ConditionalExpression') && mentions(n.test)) out.push({test: n.test, body: [n.consequent]})
    else if (n.type === 'SwitchCase' && n.test && mentions(n.test)) out.push({test: n.test, body: n.consequent})
  })
  return out.sort((a, b) => a.test.start - b.test.start)
}

function patchBranch(doc: PatchDoc, onAccept: FnDef, type: InviteType, call: acorn.CallExpression, callText: string, starter: string, changes: string[]): void {
  const script = onAccept.script
  const text = script.block.text
  const branches = findBranches(onAccept.fn, type)
  if (branches.length === 0) {
    const others = (Object.keys(DEFAULT_CALL) as InviteType[]).filter((t) => t !== type && findBranches(onAccept.fn, t).length > 0)
    const found = others.length > 0 ? `only ${others.map((t) => `INVITE_TYPE.${t}`).join(', ')}` : 'no INVITE_TYPE test'
    doc.fail(`expected a branch \`if (_config.type === INVITE_TYPE.${type})\` in onAccept; found ${found}`, {script, node: onAccept.fn})
  }
  if (branches.length > 1) {
    const lines = branches.map((b) => doc.at(script, b.test).replace(`${doc.file}:`, 'line ')).join(', ')
    doc.fail(`ambiguous: onAccept tests INVITE_TYPE.${type} ${branches.length} times (${lines}); expected one branch`, {script, node: branches[1]!.test})
  }
  const branch = branches[0]!
  const wanted = new Set([DEFAULT_CALL[type], starter, calleeName(call)].filter((n): n is string => !!n))
  const calls: acorn.CallExpression[] = []
  const seen: string[] = []
  for (const stmt of branch.body) {
    walk.full(stmt, (n) => {
      if (n.type !== 'CallExpression') return
      const name = calleeName(n)
      if ((name && wanted.has(name)) || sameNode(n, call)) calls.push(n)
      else seen.push(`${oneLine(text.slice(n.callee.start, n.callee.end))}()`)
    })
  }
  if (calls.length === 0) {
    const found = seen.length > 0 ? `calls to ${[...new Set(seen)].join(', ')}` : 'no call'
    doc.fail(`expected a call to ${DEFAULT_CALL[type]}() in the INVITE_TYPE.${type} branch of onAccept; found ${found}`, {script, node: branch.test})
  }
  if (calls.length > 1) {
    const lines = calls.map((c) => doc.at(script, c).replace(`${doc.file}:`, 'line ')).join(', ')
    doc.fail(`ambiguous: the INVITE_TYPE.${type} branch of onAccept has ${calls.length} start calls (${lines}); expected one`, {script, node: calls[1]!})
  }
  const target = calls[0]!
  if (sameNode(target, call)) return
  const before = oneLine(text.slice(target.start, target.end))
  doc.replace(script, target.start, target.end, callText.split(/\r?\n/).join(doc.eol(script)))
  changes.push(`${type} branch: ${before} -> ${callText}`)
}
