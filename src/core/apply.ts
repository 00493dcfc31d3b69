/**
 * Writes an assessed plan all or nothing: every file goes to a temp file in its
 * own folder first; only when all were written are they renamed into place. If
 * any step fails, files already renamed get their previous contents back, temp
 * files and created folders are removed, and the error names the path.
 */
import fs from 'fs-extra'
import path from 'node:path'
import type {AssessedFile} from './assess.js'
import {GweIntError, EXIT} from './errors.js'

export interface ApplyResult {
  written: string[]
}

function mkdirs(dir: string, created: string[]): void {
  if (fs.existsSync(dir)) return
  mkdirs(path.dirname(dir), created)
  fs.mkdirSync(dir)
  created.push(dir)
}

export function apply(files: AssessedFile[]): ApplyResult {
  const todo = files.filter((f) => f.status === 'created' || f.status === 'updated')
  const createdDirs: string[] = []
  const temps: {file: AssessedFile; temp: string}[] = []
  const renamed: AssessedFile[] = []
  let current = ''
  try {
    for (const file of todo) {
      current = file.path
      mkdirs(path.dirname(file.path), createdDirs)
      const temp = path.join(path.dirname(file.path), `.${path.basename(file.path)}.gwe-int-${process.pid}.tmp`)
      temps.push({file, temp})
      fs.writeFileSync(temp, file.content, {mode: file.executable ? 0o755 : 0o644, flag: 'wx'})
    }
    for (const {file, temp} of temps) {
      current = file.path
      if (file.executable === false && file.previous === undefined) fs.chmodSync(temp, 0o644)
      fs.renameSync(temp, file.path)
      renamed.push(file)
    }
    return {written: todo.map((f) => f.path)}
  } catch (error) {
    rollback(renamed, temps.map((t) => t.temp), createdDirs)
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message
    throw new GweIntError(`could not write ${current} (${reason}); nothing was changed`, EXIT.invalid)
  }
}

function rollback(renamed: AssessedFile[], temps: string[], createdDirs: string[]): void {
  for (const file of renamed.reverse()) {
    try {
      if (file.previous === undefined) fs.rmSync(file.path, {force: true})
      else fs.writeFileSync(file.path, file.previous)
    } catch {
      // Best effort: the error already reported names the path that failed.
    }
  }
  for (const temp of temps) fs.rmSync(temp, {force: true})
  for (const dir of createdDirs.reverse()) {
    try {
      fs.rmdirSync(dir)
    } catch {
      // not empty: something else lives there now
    }
  }
}

/** What is on disk at a path, for assess(). */
export function readExisting(file: string): import('./assess.js').Existing {
  try {
    const stat = fs.statSync(file)
    if (stat.isDirectory()) return {kind: 'dir'}
    return {kind: 'file', text: fs.readFileSync(file, 'utf8')}
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {kind: 'none'}
    throw error
  }
}
