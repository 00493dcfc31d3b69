/**
 * Obsolete files: files gwe-int wrote for this config that the plan no longer produces
 * (an invitation renamed, an integration removed, a medium that writes other files).
 * Only the output folders the config names (and their artifact sub-folders such as
 * engagement-logic/) are looked at, one level each, and only regular files whose header
 * names this config's regenerate command count: nothing else is ever touched. An
 * obsolete file nobody edited becomes a delete entry of the plan; an edited one is kept
 * (listed) unless --force.
 */
import fs from 'node:fs'
import path from 'node:path'
import type {AssessedFile} from './assess.js'
import type {Existing} from './disk.js'
import {generatedFor, provenance} from './header.js'
import {ARTIFACT_DIRS} from './plan.js'

export interface ObsoleteOptions {
  /** Absolute output folders to look in, each with the integration it belongs to (for grouping). */
  folders: {dir: string; integration: string}[]
  /** Every path the config's integrations write (all of them, not only those planned now). */
  expected: ReadonlySet<string>
  /** The regenerate hint of this config's headers (config.ts regenerateHint). */
  regenerate: string
  force: boolean
  read: (file: string) => Existing
}

export function findObsolete(opts: ObsoleteOptions): AssessedFile[] {
  const found = new Map<string, AssessedFile>()
  for (const {dir: out, integration} of opts.folders) {
    for (const sub of ARTIFACT_DIRS) {
      const dir = path.join(out, sub)
      for (const name of entries(dir)) {
        const file = path.join(dir, name)
        if (opts.expected.has(file) || found.has(file)) continue
        const existing = opts.read(file)
        if (existing.kind !== 'file' || !generatedFor(existing.text, opts.regenerate)) continue
        const edited = provenance(existing.text) !== 'pristine'
        found.set(file, {
          path: file,
          content: '',
          integration,
          artifact: 'obsolete',
          executable: false,
          action: 'delete',
          status: edited && !opts.force ? 'kept' : 'deleted',
          reason: edited ? 'no longer generated; edited by hand since gwe-int wrote it' : 'no longer generated',
          previous: existing.text,
        })
      }
    }
  }
  return [...found.values()]
}

/** Names of the regular files directly in `dir` (no dot files: gwe-int's own temp files start with a dot). */
function entries(dir: string): string[] {
  let list: fs.Dirent[]
  try {
    list = fs.readdirSync(dir, {withFileTypes: true})
  } catch {
    return []
  }
  return list
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort()
}
