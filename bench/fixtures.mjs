/**
 * Inputs the benchmark generates for itself, deterministically: a config of 200
 * integrations, the jobs file the plain baseline script renders from (the same
 * templates, contexts and output paths gwe-int computes), and a 2 MB HTML page
 * with 50 script blocks for the patch case.
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

/** `count` integrations whose media the built catalogue knows and whose templates exist. */
export function bigConfig(root, count = 200) {
  const {findMedia} = importDist(root, 'catalog/media.js')
  const {ARTIFACTS} = importDist(root, 'catalog/artifacts.js')
  const usable = SHAPES.filter((s) => {
    const media = findMedia(s.media)
    return media && media.artifacts.every((id) => fs.existsSync(path.join(root, 'templates', `${ARTIFACTS[id].template}.hbs`)))
  })
  const integrations = Array.from({length: count}, (_, n) => ({name: `site-${String(n).padStart(3, '0')}`, ...usable[n % usable.length], out: `widgets/site-${String(n).padStart(3, '0')}`}))
  return {integrations}
}

/**
 * What the plain script needs to write the same files: per output file its template,
 * its view model and its header style. Computed with gwe-int's own (built) modules,
 * outside the timed runs.
 */
export function baselineJobs(root, config, regenerate) {
  const {resolveIntegration} = importDist(root, 'core/integration.js')
  const {buildContext} = importDist(root, 'core/context.js')
  const {ARTIFACTS} = importDist(root, 'catalog/artifacts.js')
  const jobs = []
  for (const entry of config.integrations) {
    const i = resolveIntegration(entry)
    const context = buildContext(i)
    for (const id of i.media.artifacts) {
      const a = ARTIFACTS[id]
      const rel = a.path.replace('{invite}', i.inviteName).replace('{widget}', i.widgetName ?? '')
      jobs.push({file: path.posix.join(i.out, rel), template: a.template, comment: a.comment, executable: Boolean(a.executable), context})
    }
  }
  return {regenerate, jobs}
}

/** A ~2 MB page: the seed invitation plus 49 more script blocks and filler markup. */
export function bigPage(root, bytes = 2 * 1024 * 1024, scripts = 50) {
  const seed = fs.readFileSync(path.join(root, 'test/fixtures/patch/guide-invite/input.html'), 'utf8')
  const extra = scripts - (seed.match(/<script\b/gi) ?? []).length
  const blocks = []
  for (let n = 0; n < extra; n += 1) {
    blocks.push(`<script type="text/javascript">\n  // block ${n}\n  var widget${n} = {id: ${n}, label: "Widget ${n}", items: [${Array.from({length: 20}, (_, k) => k * n).join(', ')}]};\n  function render${n}(target) {\n    for (var k = 0; k < widget${n}.items.length; k++) { target.push('<li>' + widget${n}.items[k] + '</li>'); }\n    return target;\n  }\n</script>\n`)
  }
  const fillerUnit = '<div class="row"><p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.</p></div>\n'
  const closing = seed.lastIndexOf('</body>')
  const head = seed.slice(0, closing)
  const tail = seed.slice(closing)
  const fixed = head.length + tail.length + blocks.join('').length
  const fillerCount = Math.max(0, Math.floor((bytes - fixed) / fillerUnit.length))
  const perGap = Math.ceil(fillerCount / (blocks.length + 1))
  let body = ''
  let left = fillerCount
  for (const block of [...blocks, '']) {
    const n = Math.min(perGap, left)
    body += fillerUnit.repeat(n) + block
    left -= n
  }
  return head + body + tail
}

// gwe-int's own modules, bundled from src/ by rolldown into the bench's work folder
// (untimed): the fixtures compute exactly what gwe-int computes, and the plain
// script escapes with the same helpers, whatever the layout of dist/.
const loaded = new Map()
function importDist(_root, rel) {
  const mod = loaded.get(rel)
  if (!mod) throw new Error(`bench: ${rel} not loaded`)
  return mod
}

const FIXTURE_MODULES = {
  'catalog/media.js': ['findMedia'],
  'catalog/artifacts.js': ['ARTIFACTS'],
  'core/integration.js': ['resolveIntegration'],
  'core/context.js': ['buildContext'],
}

async function bundle(root, work, name, modules) {
  const {build} = await import('rolldown')
  const entry = path.join(work, `${name}-entry.mjs`)
  const lines = Object.entries(modules).map(([rel, names]) => `export {${names.join(', ')}} from ${JSON.stringify(path.join(root, 'src', rel.replace(/\.js$/, '.ts')))}`)
  fs.writeFileSync(entry, `${lines.join('\n')}\n`)
  const file = path.join(work, `${name}.mjs`)
  await build({input: entry, platform: 'node', logLevel: 'silent', resolve: {extensionAlias: {'.js': ['.ts', '.js']}}, output: {file, format: 'esm'}})
  return file
}

/** Loads the fixture modules; returns the path of the helpers bundle the plain script imports. */
export async function loadSupport(root, work) {
  const fixtures = await import(new URL(`file://${await bundle(root, work, 'fixtures', FIXTURE_MODULES)}`).href)
  for (const [rel, names] of Object.entries(FIXTURE_MODULES)) loaded.set(rel, Object.fromEntries(names.map((n) => [n, fixtures[n]])))
  return bundle(root, work, 'helpers', {'render/helpers.js': ['registerHelpers']})
}
