// @ts-check
/**
 * Inputs the benchmark generates for itself, deterministically: a config of 200
 * integrations and the jobs file the plain baseline script renders from (the same
 * templates, contexts and output paths gwe-int computes). The patch case's pages:
 * patch-pages.mjs.
 */
import fs from 'node:fs'
import path from 'node:path'

/** Entries cycled through to build the big config (media and scenarios from the catalogue). */
const SHAPES = [
  {media: 'gms-chat', scenario: 'CHAT-NOW', host: 'https://gms.example.com:8443', service: 'samples_new'},
  {media: 'gms-chat', scenario: 'CHAT-WAIT', host: 'https://gms.example.com', gweVersion: '8.5'},
  {media: 'gms-callback', scenario: 'VOICE-WAIT-USERTERM', host: 'https://gms.example.com:8443'},
  {media: 'gms-callback', scenario: 'VOICE-SCHEDULED-USERTERM', host: 'gms.example.com:8443', gweUrl: 'https://gwe.example.com'},
  {media: 'gwe-chat'},
  {media: 'genesys-widgets', gweVersion: '8.5'},
  {media: 'third-party', host: 'https://chat.vendor.example/start?lang=en'},
]

/**
 * `count` integrations whose media the built catalogue knows and whose templates exist.
 * @param {string} root the checkout
 */
export function bigConfig(root, count = 200) {
  const {findMedium} = importDist(root, 'catalog/media.js')
  const {ARTIFACTS} = importDist(root, 'catalog/artifacts.js')
  const usable = SHAPES.filter((s) => {
    const medium = findMedium(s.media)
    return medium?.artifacts.every((/** @type {string} */ id) => fs.existsSync(path.join(root, 'templates', `${ARTIFACTS[id].template}.hbs`)))
  })
  const integrations = Array.from({length: count}, (_, n) => ({
    name: `site-${String(n).padStart(3, '0')}`,
    ...usable[n % usable.length],
    out: `widgets/site-${String(n).padStart(3, '0')}`,
  }))
  return {integrations}
}

/**
 * What the plain script needs to write the same files: per output file its template,
 * its view model and its header style. Computed with gwe-int's own (built) modules,
 * outside the timed runs.
 * @param {string} root the checkout
 * @param {{integrations: object[]}} config
 * @param {string} regenerate the header's regenerate hint
 */
export function baselineJobs(root, config, regenerate) {
  const {integrationSchema, resolveIntegration} = importDist(root, 'core/integration/integration.js')
  const {buildContext} = importDist(root, 'core/integration/template-context.js')
  const {ARTIFACTS} = importDist(root, 'catalog/artifacts.js')
  /** @type {{file: string, template: string, comment: string, executable: boolean, context: unknown}[]} */
  const jobs = []
  for (const entry of config.integrations) {
    // As gwe-int reads a config: parsed first (hosts normalised there), then resolved.
    const i = resolveIntegration(integrationSchema.parse(entry))
    const context = buildContext(i)
    for (const id of i.medium.artifacts) {
      const a = ARTIFACTS[id]
      const rel = a.path.replace('{invite}', i.inviteName).replace('{widget}', i.widgetName ?? '')
      jobs.push({file: path.posix.join(i.out, rel), template: a.template, comment: a.comment, executable: Boolean(a.executable), context})
    }
  }
  return {regenerate, jobs}
}

// gwe-int's own modules, bundled from src/ by rolldown into the bench's work folder
// (untimed): the fixtures compute exactly what gwe-int computes, and the plain
// script escapes with the same helpers, whatever the layout of dist/.
/** @type {Map<string, any>} */
const loaded = new Map()
/**
 * @param {string} _root
 * @param {string} rel
 * @returns {any}
 */
function importDist(_root, rel) {
  const mod = loaded.get(rel)
  if (!mod) throw new Error(`bench: ${rel} not loaded`)
  return mod
}

/** @type {Record<string, string[]>} */
const FIXTURE_MODULES = {
  'catalog/media.js': ['findMedium'],
  'catalog/artifacts.js': ['ARTIFACTS'],
  'core/integration/integration.js': ['integrationSchema', 'resolveIntegration'],
  'core/integration/template-context.js': ['buildContext'],
}

/**
 * @param {string} root
 * @param {string} work
 * @param {string} name
 * @param {Record<string, string[]>} modules
 */
async function bundle(root, work, name, modules) {
  const {build} = await import('rolldown')
  const entry = path.join(work, `${name}-entry.mjs`)
  const lines = Object.entries(modules).map(
    ([rel, names]) => `export {${names.join(', ')}} from ${JSON.stringify(path.join(root, 'src', rel.replace(/\.js$/, '.ts')))}`,
  )
  fs.writeFileSync(entry, `${lines.join('\n')}\n`)
  const file = path.join(work, `${name}.mjs`)
  await build({input: entry, platform: 'node', logLevel: 'silent', resolve: {extensionAlias: {'.js': ['.ts', '.js']}}, output: {file, format: 'esm'}})
  return file
}

/**
 * Loads the fixture modules; returns the path of the helpers bundle the plain script imports.
 * @param {string} root the checkout
 * @param {string} work the bench's work folder
 */
export async function loadSupport(root, work) {
  const fixtures = await import(new URL(`file://${await bundle(root, work, 'fixtures', FIXTURE_MODULES)}`).href)
  for (const [rel, names] of Object.entries(FIXTURE_MODULES)) loaded.set(rel, Object.fromEntries(names.map((n) => [n, fixtures[n]])))
  return bundle(root, work, 'helpers', {'render/helpers.js': ['registerHelpers']})
}
