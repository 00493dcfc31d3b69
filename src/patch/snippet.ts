/**
 * Checks of the code gwe-int inserts (rendered from templates, so a failure is
 * a template error) and structural comparison of small expressions.
 */
import type * as acorn from 'acorn'
import {invalid} from '../shared/errors.js'
import {parseProgram} from './js.js'

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim()

function parseOrFail(code: string, what: string): acorn.Program {
  try {
    return parseProgram(code).program
  } catch (error) {
    throw invalid(`invalid ${what}: ${(error as Error).message}; found ${JSON.stringify(oneLine(code).slice(0, 80))}`)
  }
}

/** A function declaration named `name` and nothing else. */
export function checkFunctionSource(name: string, source: string, what: string): void {
  const program = parseOrFail(source, what)
  const [first] = program.body
  if (program.body.length !== 1 || first?.type !== 'FunctionDeclaration' || first.id?.name !== name) {
    throw invalid(`invalid ${what}: expected exactly one declaration \`function ${name}(...) {...}\`; found ${JSON.stringify(oneLine(source).slice(0, 80))}`)
  }
}

/** Statements; returns the program. */
export function checkStatements(code: string, what: string): acorn.Program {
  return parseOrFail(code, what)
}

/** A single call expression (an optional trailing `;` is dropped); returns the call node and its text. */
export function checkCall(code: string, what: string): {call: acorn.CallExpression; text: string} {
  const text = code.trim().replace(/;+$/, '').trim()
  const program = parseOrFail(text, what)
  const [first] = program.body
  if (program.body.length !== 1 || first?.type !== 'ExpressionStatement' || first.expression.type !== 'CallExpression') {
    throw invalid(`invalid ${what}: expected one call expression such as \`startGms("CHAT-NOW")\`; found ${JSON.stringify(oneLine(code).slice(0, 80))}`)
  }
  return {call: first.expression, text}
}

const IGNORED = new Set(['start', 'end', 'loc', 'range', 'raw'])

/** Structural equality of two AST nodes: positions, raw text and quote style do not matter. */
export function sameNode(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a instanceof RegExp || b instanceof RegExp) return String(a) === String(b)
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const bb = b as unknown[]
    return a.length === bb.length && a.every((x, i) => sameNode(x, bb[i]))
  }
  const ka = Object.keys(a).filter((k) => !IGNORED.has(k))
  const kb = Object.keys(b).filter((k) => !IGNORED.has(k))
  if (ka.length !== kb.length) return false
  return ka.every((k) => sameNode((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}

export {oneLine}
