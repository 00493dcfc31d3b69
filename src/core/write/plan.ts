/**
 * Answers in, plan out: every file an integration produces with its full new
 * contents, computed in memory. Writing, --dry-run, --check, diffs and conflict
 * detection all consume the same plan (see assess.ts and apply.ts).
 */
import path from 'node:path'
import {ARTIFACTS} from '../../catalog/artifacts.js'
import {loadTemplates, type TemplateSet} from '../../render/templates.js'
import {buildContext} from '../integration/template-context.js'
import {invalid} from '../../shared/errors.js'
import {addHeader} from './header.js'
import type {ResolvedIntegration} from '../integration/integration.js'
import type {ArtifactId} from '../../catalog/media.js'

export interface PlannedFile {
  /** Absolute path. */
  path: string
  content: string
  integration: string
  /**
   * Which artifact this is; 'config' for the config file `new` updates, 'backup' for patch
   * --in-place's .bak, 'template' for `templates eject`, 'obsolete' for a file gwe-int wrote
   * earlier that the config no longer produces.
   */
  artifact: ArtifactId | 'config' | 'backup' | 'template' | 'obsolete'
  executable: boolean
  /** 'delete': remove the file at `path` (an obsolete file); otherwise write `content` there. */
  action?: 'write' | 'delete'
}

export interface PlanOptions {
  /** Folder that `out`, `templates` and sources resolve against (the config file's folder). */
  baseDir: string
  /** How the header tells people to regenerate, e.g. `gwe-int generate --config gwe-int.config.json`. */
  regenerate: string
  /** Reads a source file (inviteSource/widgetSource) as text; injected so tests need no disk. */
  readText: (file: string) => string
  /**
   * Patches a team's source (from-source.ts patchFromSource). Injected, not imported: the patch
   * engine (parse5, acorn, magic-string) is loaded only for integrations that have a source
   * (loadSourcePatcher; start-up time).
   */
  patchSource?: PatchFromSource
}

export type PatchFromSource = (artifact: ArtifactId, file: string, i: ResolvedIntegration, templates: TemplateSet, readText: (file: string) => string) => string

/** The patch engine, loaded when one of `list` builds from a team's own invite/widget source. */
export async function loadSourcePatcher(list: readonly {inviteSource?: string; widgetSource?: string}[]): Promise<PatchFromSource | undefined> {
  if (!list.some((i) => i.inviteSource !== undefined || i.widgetSource !== undefined)) return undefined
  return (await import('./from-source.js')).patchFromSource
}

/** Where each of an integration's artifacts goes (absolute), without rendering anything. */
export function artifactPaths(i: ResolvedIntegration, baseDir: string): {id: ArtifactId; path: string}[] {
  const outDir = path.resolve(baseDir, i.out)
  return i.medium.artifacts.map((id) => ({
    id,
    path: path.join(outDir, ARTIFACTS[id].path.replace('{invite}', i.inviteName).replace('{widget}', i.widgetName ?? '')),
  }))
}

/** The folders below an output folder that artifacts go to ('' for the folder itself), for finding obsolete files. */
export const ARTIFACT_DIRS: readonly string[] = [
  ...new Set(
    Object.values(ARTIFACTS)
      .map((a) => path.posix.dirname(a.path))
      .map((d) => (d === '.' ? '' : d)),
  ),
]

/**
 * Two integrations that write the same file, as an error naming both; `advice` says
 * what to change (a config key for generate, a flag for new).
 */
export function checkClashes(list: ResolvedIntegration[], baseDir: string, advice: (first: ResolvedIntegration, second: ResolvedIntegration) => string): void {
  const seen = new Map<string, ResolvedIntegration>()
  for (const i of list) {
    for (const {path: file} of artifactPaths(i, baseDir)) {
      const other = seen.get(file)
      if (other && other !== i)
        throw invalid(`integrations "${other.name}" and "${i.name}" both write ${path.relative(baseDir, file) || file}; ${advice(other, i)}`)
      seen.set(file, i)
    }
  }
}

export function planIntegration(i: ResolvedIntegration, opts: PlanOptions): PlannedFile[] {
  const templates = loadTemplates(i.templates ? path.resolve(opts.baseDir, i.templates) : undefined)
  const context = buildContext(i)
  const paths = artifactPaths(i, opts.baseDir)
  return i.medium.artifacts.map((id, k) => {
    const artifact = ARTIFACTS[id]
    const source = id === 'invite' ? i.inviteSource : id === 'gms-widget' ? i.widgetSource : undefined
    if (source && !opts.patchSource) throw new Error(`planIntegration: ${i.name} has a source; pass patchSource (loadSourcePatcher)`)
    const body = source
      ? opts.patchSource!(id, path.resolve(opts.baseDir, source), i, templates, opts.readText)
      : normalize(renderArtifact(templates, artifact.template, context))
    return {
      path: paths[k].path,
      content: addHeader(body, artifact.comment, opts.regenerate),
      integration: i.name,
      artifact: id,
      executable: artifact.executable ?? false,
    }
  })
}

function renderArtifact(templates: TemplateSet, id: string, context: object): string {
  return templates.render(id, context)
}

/** LF endings, no trailing blanks at the end, exactly one final newline. */
export function normalize(text: string): string {
  // trimEnd, not /\s*$/: the regex retries at every run of whitespace (~40 ms on 700 files).
  // Rendered text rarely has a CR: then no regex pass and no copy (garbage of a large generate).
  const lf = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
  // Most templates already end in one newline: the text is returned as it is, not rebuilt as
  // a new string that the checksum and the write would each copy again.
  if (lf.endsWith('\n') && !/\s/.test(lf.charAt(lf.length - 2))) return lf
  return `${lf.trimEnd()}\n`
}

/** Plan several integrations; two that write the same path are an error naming both. */
export async function planAll(list: ResolvedIntegration[], opts: PlanOptions): Promise<PlannedFile[]> {
  checkClashes(list, opts.baseDir, () => 'give them different "out" folders or file names')
  const files: PlannedFile[] = []
  for (const [k, integration] of list.entries()) {
    // Ctrl-C is handled between two turns of the event loop, and while the config's lock
    // is held its handler (which removes the lock) replaces Node's default: rendering a
    // large config in one go would make a Ctrl-C wait for all of it.
    if (k > 0 && k % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve))
    files.push(...planIntegration(integration, opts))
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/** Every file the integrations write, without rendering them. */
export function expectedPaths(list: ResolvedIntegration[], baseDir: string): Set<string> {
  return new Set(list.flatMap((i) => artifactPaths(i, baseDir).map((a) => a.path)))
}

/** Plan entries in path order (stable output, reviewable diffs). */
export const sortByPath = <T extends {path: string}>(files: T[]): T[] => files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))

/** Integrations rendered between two chances to handle a signal (a few ms of work). */
const YIELD_EVERY = 8
