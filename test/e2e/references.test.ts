/**
 * No reference a user or maintainer cannot follow, anywhere they look: the repository's
 * sources, templates and documents, the test titles, and everything the built CLI prints
 * or writes (every medium's files, patched copies, ejected templates, help, list, preview
 * pages). Links into docs/genesys.md must reach a section, and every TODO of a generated
 * file must link to one.
 */
import fs from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {gweInt, listFiles, ROOT, tempDir} from '../helpers/cli.js'
import {newIntegrations, startPreview, type RunningPreview} from '../helpers/browser.js'
import {badDocLinks, forbiddenReferences, todosWithoutLink} from '../helpers/references.js'

/** Text a user reads, keyed by where it came from. */
const output = new Map<string, string>()
let cwd: string

const MEDIA_ARGS: Record<string, string[]> = {
  'gms-chat': ['--host', 'https://gms.example.com'],
  'gms-callback': ['--host', 'https://gms.example.com'],
  'gwe-chat': [],
  'gwe-callback': [],
  'webapi-chat': ['--host', 'https://gms.example.com', '--gwe-url', 'https://gwe.example.com'],
  'genesys-widgets': [],
  'third-party': ['--host', 'https://chat.vendor.example/start'],
}

async function record(label: string, args: string[], dir = cwd) {
  const run = await gweInt(args, {cwd: dir})
  output.set(`${label} (stdout)`, String(run.stdout))
  output.set(`${label} (stderr)`, String(run.stderr))
  return run
}

function recordFiles(label: string, dir: string) {
  for (const f of listFiles(dir)) output.set(`${label}/${f}`, fs.readFileSync(path.join(dir, f), 'utf8'))
}

/** Titles of describe/it/test calls in a test file (string and template literals). */
function testTitles(source: string): string[] {
  return [...source.matchAll(/\b(?:describe|it|test|describeBrowser)(?:\.\w+)*\(\s*(['"`])((?:\\.|(?!\1).)*)\1/g)].map((m) => m[2])
}

describe('no internal references', () => {
  beforeAll(async () => {
    expect(fs.existsSync(path.join(ROOT, 'dist/main/run.cjs')), 'run "npm run build" first').toBe(true)
    cwd = tempDir('gwe-int-refs-')
    const media = JSON.parse(String((await record('list --json', ['list', '--json'])).stdout)) as {media: {id: string; scenarios: {id: string}[]}[]}
    expect(media.media.map((m) => m.id).sort()).toEqual(Object.keys(MEDIA_ARGS).sort())
    const jobs: [string, string[]][] = [
      ['list', ['list']],
      ['--help', ['--help']],
    ]
    for (const command of ['new', 'generate', 'list', 'patch', 'preview', 'doctor', 'schema', 'templates eject'])
      jobs.push([`${command} --help`, [...command.split(' '), '--help']])
    // Every medium, and every scenario of the GMS media, each in its own folder.
    for (const m of media.media) {
      const scenarios = m.scenarios.length ? m.scenarios.map((s) => s.id) : [undefined]
      for (const scenario of scenarios) {
        const name = scenario ? `${m.id}-${scenario.toLowerCase()}` : m.id
        const args = [
          'new',
          m.id,
          ...MEDIA_ARGS[m.id],
          ...(scenario ? ['--scenario', scenario] : []),
          '--integration',
          name,
          '--out',
          `widgets/${name}`,
          '--yes',
          '--config',
          `${name}.json`,
        ]
        jobs.push([`new ${m.id} ${scenario ?? ''}`, args])
        if (scenario === m.scenarios[0]?.id || !scenario)
          jobs.push([`new ${m.id} --json`, [...args.map((a) => (a === `${name}.json` ? `${name}-dry.json` : a)), '--json', '--dry-run']])
      }
    }
    // Patched copies of a team's own files, for every medium that patches them.
    const invite = path.join(ROOT, 'test/fixtures/patch/guide-invite/input.html')
    const widget = path.join(ROOT, 'test/fixtures/patch/guide-gms-widget/input.html')
    for (const m of media.media) {
      jobs.push([`patch invite ${m.id}`, ['patch', invite, '--media', m.id, ...MEDIA_ARGS[m.id].slice(0, 2), '--out', `patched/invite-${m.id}.html`]])
    }
    for (const m of ['gms-chat', 'gms-callback']) jobs.push([`patch widget ${m}`, ['patch', widget, '--media', m, '--out', `patched/index-${m}.html`]])
    jobs.push(['patch --dry-run', ['patch', invite, '--media', 'gms-chat', '--host', 'https://gms.example.com', '--dry-run']])
    jobs.push(['templates eject', ['templates', 'eject', '--out', 'my-templates']])
    const worker = async () => {
      for (let job = jobs.shift(); job; job = jobs.shift()) {
        const run = await record(job[0], job[1])
        if (job[0].startsWith('new ')) expect(run.exitCode, `${job[0]}: ${String(run.stderr)}`).toBe(0)
      }
    }
    await Promise.all([worker(), worker(), worker()])
    await record('generate --check', ['generate', '--check', '--config', 'gms-chat-chat-now.json'])
    recordFiles('new', path.join(cwd, 'widgets'))
    recordFiles('patch', path.join(cwd, 'patched'))
    recordFiles('eject', path.join(cwd, 'my-templates'))
  }, 600_000)

  it('in the built CLI: every medium and scenario written by new, patched copies, ejected templates, help, list', () => {
    const found = [...output].flatMap(([where, text]) => forbiddenReferences(where, text))
    expect(found).toEqual([])
    expect(output.size).toBeGreaterThan(60)
  })

  describe('in the preview', () => {
    let preview: RunningPreview
    let previewCwd: string
    beforeAll(async () => {
      previewCwd = tempDir('gwe-int-refs-preview-')
      await newIntegrations(
        previewCwd,
        Object.entries(MEDIA_ARGS).map(([m, args]) => [m, ...args]),
      )
      preview = await startPreview(previewCwd)
    }, 300_000)
    afterAll(async () => {
      preview?.process.kill('SIGTERM')
      await preview?.process
    })

    it('pages, stand-in scripts and every served file', async () => {
      const pages = new Map<string, string>()
      const index = await (await fetch(preview.url)).text()
      pages.set('/', index)
      const links = new Set([...index.matchAll(/(?:href|src)="(\/[^"#?]*)/g)].map((m) => m[1]))
      for (const link of links) {
        const text = await (await fetch(`${preview.origin}${link}`)).text()
        pages.set(link, text)
        for (const m of text.matchAll(/(?:href|src)="(\/[^"#?]*)/g))
          if (!pages.has(m[1])) pages.set(m[1], await (await fetch(`${preview.origin}${m[1]}`)).text())
      }
      pages.set('/missing (404)', await (await fetch(`${preview.origin}/i/nothing-here`)).text())
      expect(pages.size).toBeGreaterThan(10)
      expect([...pages].flatMap(([where, text]) => forbiddenReferences(`preview ${where}`, text))).toEqual([])
      expect(forbiddenReferences('preview stdout', preview.stdout() + preview.stderr())).toEqual([])
    })
  })

  it('in the repository: src, templates, docs, README, SECURITY, CHANGELOG, golden files and patch fixtures', () => {
    const files = [
      ...listFiles(path.join(ROOT, 'src')).map((f) => `src/${f}`),
      ...listFiles(path.join(ROOT, 'templates')).map((f) => `templates/${f}`),
      // Images (the README's screenshots) are not text.
      ...listFiles(path.join(ROOT, 'docs'))
        .filter((f) => !/\.png$/.test(f))
        .map((f) => `docs/${f}`),
      ...listFiles(path.join(ROOT, 'test/golden'))
        .filter((f) => !f.endsWith('.ts'))
        .map((f) => `test/golden/${f}`),
      ...listFiles(path.join(ROOT, 'test/fixtures/patch'))
        .filter((f) => /expected/.test(f))
        .map((f) => `test/fixtures/patch/${f}`),
      ...listFiles(path.join(ROOT, 'test/fixtures/ejected-0.1')).map((f) => `test/fixtures/ejected-0.1/${f}`),
      'scripts/screenshots.mjs',
      'README.md',
      'SECURITY.md',
      'CHANGELOG.md',
    ]
    expect(files.length).toBeGreaterThan(100)
    const found = files.flatMap((f) => forbiddenReferences(f, fs.readFileSync(path.join(ROOT, f), 'utf8')))
    expect(found).toEqual([])
  })

  it('in test titles and fixture names', () => {
    const tests = listFiles(path.join(ROOT, 'test')).filter((f) => f.endsWith('.ts'))
    const titles = tests.flatMap((f) => testTitles(fs.readFileSync(path.join(ROOT, 'test', f), 'utf8')).map((t) => [f, t] as const))
    expect(titles.length).toBeGreaterThan(100)
    const fixtures = fs.readdirSync(path.join(ROOT, 'test/fixtures/patch'))
    expect([
      ...titles.flatMap(([f, t]) => forbiddenReferences(`test/${f}`, t)),
      ...fixtures.flatMap((f) => forbiddenReferences('test/fixtures/patch', f)),
    ]).toEqual([])
  })

  it('every link into docs/genesys.md reaches a section; generated files link in the installed form', () => {
    const generated = [...output].filter(([where]) => /^(new|patch|eject)\//.test(where))
    expect(generated.length).toBeGreaterThan(30)
    const bad = generated.flatMap(([where, text]) => [...badDocLinks(where, text, true), ...todosWithoutLink(where, text)])
    const sources = [...listFiles(path.join(ROOT, 'src')).map((f) => `src/${f}`), 'README.md']
    bad.push(...sources.flatMap((f) => badDocLinks(f, fs.readFileSync(path.join(ROOT, f), 'utf8'), false)))
    expect(bad).toEqual([])
    // The generated files do link: the reference is where their TODOs send the reader.
    expect(generated.some(([, text]) => text.includes('node_modules/gwe-int/docs/genesys.md#'))).toBe(true)
  })
})
