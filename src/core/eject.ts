/**
 * `gwe-int templates eject`: the built-in templates copied to a folder people can
 * edit (same relative paths, so the folder works as `--templates` / config
 * "templates"), plus a README.md explaining what each template receives and the
 * escaping helpers. Returns an assessed plan; writing is apply()'s job.
 */
import fs from 'node:fs'
import path from 'node:path'
import {ARTIFACTS} from '../catalog/artifacts.js'
import {contextFields, handlebarsCompiler} from '../render/compile.js'
import {BUILTIN_TEMPLATES} from '../render/templates.js'
import {isPartial, listTemplateFiles, partialName, templateId} from '../render/template-files.js'
import {assess, type AssessedFile} from './write/assess.js'
import {checkTargets, readExisting, realResolve} from './write/disk.js'
import {findConfig, parseConfig, readConfigText} from './config/config.js'
import {EXIT, GweIntError, invalid} from '../shared/errors.js'
import type {PlannedFile} from './write/plan.js'
import {BUILTIN_HELPERS, HELPERS, VARIABLES} from '../render/template-docs.js'

export interface EjectOptions {
  cwd: string
  out: string
  force: boolean
  /** The templates to copy (default: the built-in set). */
  templatesDir?: string
}

export interface EjectPlan {
  outDir: string
  files: AssessedFile[]
}

export const EJECT_README = 'README.md'

export function planEject(opts: EjectOptions): EjectPlan {
  const from = opts.templatesDir ?? BUILTIN_TEMPLATES
  const outDir = path.resolve(opts.cwd, opts.out)
  const existing = readExisting(outDir)
  if (existing.kind === 'file') throw invalid(`--out: ${opts.out} is a file, not a folder`)
  if (existing.kind === 'dir' && fs.readdirSync(outDir).length > 0 && !opts.force) {
    throw new GweIntError(`--out: ${opts.out} is not empty; nothing was written`, EXIT.conflict, [
      'pass --force to write the templates into it (its other files are kept)',
    ])
  }
  const rels = listTemplateFiles(from)
  const texts = new Map(rels.map((rel) => [rel, fs.readFileSync(path.join(from, rel), 'utf8')]))
  const planned: PlannedFile[] = [
    ...rels.map((rel) => ({
      path: path.join(outDir, rel),
      content: texts.get(rel)!,
      integration: 'templates',
      artifact: 'template' as const,
      executable: false,
    })),
    {path: path.join(outDir, EJECT_README), content: ejectReadme(texts), integration: 'templates', artifact: 'template', executable: false},
  ]
  // Like new/generate: never write through a symlink that leads out of the folder.
  checkTargets(planned, () => outDir, realResolve)
  return {outDir, files: assess(planned, readExisting, {force: true})}
}

/**
 * The exact commands to run next in the project at `cwd`: record the folder for each
 * integration of its config (new keeps every other answer), or, without a config, start
 * one with it. `dir` is the ejected folder as typed (relative to `cwd`).
 */
export async function ejectNextSteps(cwd: string, dir: string, bin: string): Promise<string[]> {
  const file = findConfig(cwd, undefined, fs.existsSync)
  let names: string[] = []
  try {
    names = file ? (await parseConfig(readConfigText(file), file)).integrations.map((e) => e.name) : []
  } catch {
    // An invalid config is reported by the next command; eject's own job is done.
  }
  const quoted = /^[\w./-]+$/.test(dir) ? dir : `'${dir.replace(/'/g, `'\\''`)}'`
  if (names.length === 0) return [`next: ${bin} new --templates ${quoted}`]
  return [
    `next: edit the templates, then record the folder for ${names.length === 1 ? 'the integration' : 'each integration'} (every other answer is kept):`,
    ...names.map((n) => `  ${bin} new --integration ${n} --templates ${quoted}`),
    `or try them on every integration first: ${bin} generate --templates ${quoted} --dry-run --diff`,
  ]
}

/** What each built-in template file is. */
function purpose(rel: string): string {
  if (isPartial(rel)) return `partial \`{{> ${partialName(rel)}}}\``
  const artifact = Object.values(ARTIFACTS).find((a) => a.template === templateId(rel))
  return artifact ? artifact.summary : 'template'
}

/** The README.md written next to the ejected templates (`texts`: file -> template text). */
export function ejectReadme(texts: ReadonlyMap<string, string>): string {
  const hb = handlebarsCompiler()
  const rows = [...texts].map(([rel, text]) => {
    let fields: string[]
    try {
      fields = contextFields(hb.parse(text))
    } catch {
      fields = []
    }
    return `| \`${rel}\` | ${purpose(rel)} | ${fields.map((f) => `\`${f}\``).join(', ') || '-'} |`
  })
  const variables = Object.entries(VARIABLES).map(([name, what]) => `| \`${name}\` | ${what} |`)
  const helpers = Object.entries(HELPERS).map(([name, what]) => `| \`${name}\` | ${what.replace(/\|/g, '\\|')} |`)
  return `${[
    '# gwe-int templates',
    '',
    'A copy of the built-in templates of gwe-int, written by `gwe-int templates eject`. Edit them (branding, texts, styles), then use the folder:',
    '',
    '```sh',
    'gwe-int new gms-chat --templates my-templates          # records the folder (other answers kept); or "templates" in gwe-int.config.json',
    'gwe-int generate                                      # regenerates with them',
    'gwe-int generate --templates my-templates             # or: every integration with them, this run only',
    '```',
    '',
    '## Rules',
    '',
    '- Files override the built-in ones by relative path; delete the ones you do not change and the built-in versions are used. A file name gwe-int does not know is an error (a typo would otherwise be ignored silently).',
    '- Files in a `partials/` folder are partials, used as `{{> <family>/<name>}}`: `invite/partials/get-ids.js.hbs` is `{{> invite/get-ids.js}}`.',
    '- Templates are [Handlebars](https://handlebarsjs.com/) in strict mode: a variable or helper that does not exist is an error naming the file and line, not an empty string.',
    '- Every value goes through the helper made for where it lands (table below): `{{js x}}` inside `<script>` and JavaScript files, `{{attr x}}` in attributes, `{{text x}}` in HTML text, `{{url x}}` in query strings, `{{sh x}}` in shell. A bare `{{x}}` HTML-escapes, which is wrong in JavaScript and shell; avoid `{{{x}}}` (no escaping at all).',
    '- Every template and partial receives the same view model (below). Inside `{{#each list}}` the context is the item (`{{js id}}`, `{{js this}}`); `@index`, `@first` and `@last` are available there.',
    '- Generated files get a header line with a checksum; do not add one yourself.',
    '',
    '## Templates',
    '',
    '| File | What it renders | Fields it reads |',
    '|---|---|---|',
    ...rows,
    '',
    '## Variables',
    '',
    '`x[]` means each item of the list `x`.',
    '',
    '| Name | What it holds |',
    '|---|---|',
    ...variables,
    '',
    '## Helpers',
    '',
    '| Helper | Output |',
    '|---|---|',
    ...helpers,
    '',
    `Handlebars' own helpers are there too: ${BUILTIN_HELPERS.map((h) => `\`${h}\``).join(', ')}.`,
  ].join('\n')}\n`
}
