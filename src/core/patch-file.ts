/**
 * `gwe-int patch`: apply an integration to a team's own invite.html or GMS
 * index.html as a minimal, reviewable text change. Builds the same kind of plan
 * as new/generate (assessed files), so --check, --dry-run and writing share it.
 */
import path from 'node:path'
import {findMedium, MEDIA} from '../catalog/media.js'
import {loadTemplates} from '../render/templates.js'
import {checkGiven, defaultFor, type NewAnswers} from './integration/answers.js'
import {assess, type AssessedFile} from './write/assess.js'
import {readExisting, readText} from './write/disk.js'
import {invalid} from '../shared/errors.js'
import {resolveIntegration} from './integration/integration.js'
import {detectKind, type PatchResult, type SourceKind} from '../patch/index.js'
import {patchSource} from './write/from-source.js'
import {unsafeCharIn} from './integration/validate.js'

export interface PatchOptions {
  cwd: string
  file: string
  answers: NewAnswers
  kind?: SourceKind
  out?: string
  inPlace: boolean
  backup: boolean
  force: boolean
}

export interface PatchPlan {
  kind: SourceKind
  source: string
  original: string
  result: PatchResult
  /** The patched file (and its .bak with --in-place), assessed against the disk. */
  files: AssessedFile[]
  warnings: string[]
}

export function planPatch(opts: PatchOptions): PatchPlan {
  // Paths that are printed and become file names: no control or bidi character.
  for (const [name, value] of [
    ['FILE', opts.file],
    ['--out', opts.out],
  ] as const) {
    const unsafe = value === undefined ? undefined : unsafeCharIn(value)
    if (unsafe) throw invalid(`${name}: ${unsafe}`)
  }
  const source = path.resolve(opts.cwd, opts.file)
  const original = readText(source)
  const kind = opts.kind ?? detectKind(original, opts.file)
  const answers = {...opts.answers}
  if (!answers.media) throw invalid(`missing --media: one of ${MEDIA.map((m) => m.id).join(', ')}`)
  const medium = findMedium(answers.media)
  if (!medium) throw invalid(`--media: unknown medium "${answers.media}"; expected one of ${MEDIA.map((m) => m.id).join(', ')}`)
  answers.integration ??= medium.id
  // Bad flags fail before the defaults are filled in (defaults are valid).
  checkGiven(answers, medium)
  const warnings: string[] = []
  answers.scenario ??= defaultFor('scenario', medium, answers)
  answers.service ??= defaultFor('service', medium, answers)
  // Only the invitation's starter needs the host (it builds the widget URL).
  if (kind === 'invite' && medium.requires.includes('host') && answers.host === undefined && answers.widgetUrl === undefined) {
    answers.host = defaultFor('host', medium, answers)
    warnings.push(`--host not given: the invitation opens ${answers.host}; pass --host before deploying`)
  }
  const integration = resolveIntegration(checkGiven(answers, medium))
  const templates = loadTemplates(answers.templates ? path.resolve(opts.cwd, answers.templates) : undefined)
  const result = patchSource(kind, original, opts.file, integration, templates)

  if (opts.inPlace && opts.out) throw invalid('give either --out or --in-place, not both')
  const target = opts.inPlace ? source : opts.out ? path.resolve(opts.cwd, opts.out) : undefined
  const files: AssessedFile[] = []
  if (target) {
    const planned = {
      path: target,
      content: result.content,
      integration: integration.name,
      artifact: kind === 'invite' ? ('invite' as const) : ('gms-widget' as const),
      executable: false,
    }
    const [file] = assess([planned], readExisting, {force: true})
    if (!opts.inPlace && file.status === 'updated' && !opts.force) {
      // An earlier patch of the same source (e.g. another scenario) may be replaced: patching
      // it again gives exactly the new output. Anything else is someone's work.
      let again: string | undefined
      try {
        again = patchSource(kind, file.previous!, opts.out!, integration, templates).content
      } catch {
        again = undefined // not even patchable: certainly not our copy
      }
      if (again !== result.content) Object.assign(file, {status: 'conflict', reason: 'exists and is not a patched copy of this source'})
    }
    files.push(file)
    if (opts.inPlace && opts.backup && result.changed) {
      files.push(...assess([{...planned, path: `${source}.bak`, content: original, artifact: 'backup' as const}], readExisting, {force: true}))
    }
  }
  return {kind, source, original, result, files, warnings}
}
