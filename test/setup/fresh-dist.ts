/**
 * Global setup of the tests that run the built CLI (test/e2e, test/browser): they
 * exercise dist/, so a source or template edited after the last build would be
 * tested as it was before the edit. Refuses to start them then, with one line.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
/** Written by the bundler, after tsc and the template precompiler (scripts/bundle.mjs). */
const BUILT = path.join('dist', 'main', 'run.cjs')
/** What the build reads. */
const SOURCES = ['src', 'templates']

/** The most recently modified file below `dir`, relative to the root. */
function newest(dir: string): {file: string; mtimeMs: number} | undefined {
  let found: {file: string; mtimeMs: number} | undefined
  for (const entry of fs.readdirSync(path.join(ROOT, dir), {recursive: true, withFileTypes: true})) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    const {mtimeMs} = fs.statSync(file)
    if (!found || mtimeMs > found.mtimeMs) found = {file: path.relative(ROOT, file), mtimeMs}
  }
  return found
}

/** Why dist/ cannot be tested as it is, or undefined when it is at least as new as its sources. */
export function staleDist(): string | undefined {
  let built: number
  try {
    built = fs.statSync(path.join(ROOT, BUILT)).mtimeMs
  } catch {
    return `${BUILT} is missing; run npm run build`
  }
  for (const dir of SOURCES) {
    const latest = newest(dir)
    if (latest && latest.mtimeMs > built) return `dist/ is older than ${dir}/ (${latest.file} changed after the last build); run npm run build`
  }
  return undefined
}

export default function setup(): void {
  const reason = staleDist()
  if (!reason) return
  const error = new Error(reason)
  // The line says it all; a stack into Vitest would only bury it.
  error.stack = `Error: ${reason}`
  throw error
}
