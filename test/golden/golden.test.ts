/**
 * Golden files: each case of cases.ts is planned in-process and compared byte for byte.
 * Each template family has one base file, test/golden/base/<path> (cases.ts FAMILY_BASES).
 * A case is kept as its difference, test/golden/<case>.diff: a medium's default case from
 * the family base files, every other case from its medium's default case, both sides
 * rendered now. The difference is a unified diff, file by file (paired by artifact, so a
 * renamed file is diffed against the same artifact's file); a case that differs in nothing
 * has no .diff. So a template change shows once in a base file, and in a .diff only where
 * it touches what that case changes; every case has the same integration name.
 * `UPDATE_GOLDEN=1 npx vitest run test/golden` rewrites them all (review the git diff).
 * Each case is also checked for what must hold whatever the bytes: scripts parse as ES5,
 * notify.sh passes `sh -n`, the attached-data contract, no stray http://.
 */
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {createTwoFilesPatch} from 'diff'
import {describe, expect, it} from 'vitest'
import {ATTACHED_DATA_KEYS, KEYS} from '../../src/catalog/keys.js'
import {starterCall} from '../../src/core/integration/template-context.js'
import {provenance} from '../../src/core/write/header.js'
import {integrationSchema, resolveIntegration} from '../../src/core/integration/integration.js'
import {planIntegration} from '../../src/core/write/plan.js'
import {inlineScripts, parseScript} from '../helpers/parse.js'
import {baseOf, CASES, FAMILY_BASES, givesHttp, type GoldenCase} from './cases.js'

const GOLDEN = path.dirname(fileURLToPath(import.meta.url))
const UPDATE = process.env.UPDATE_GOLDEN === '1'
/** Lines of context around each change in a .diff: enough to find the place, no more. */
const CONTEXT = 1
/** A fixed, never-written folder the plan resolves against, so paths and bytes do not depend on the machine. */
const BASE = path.resolve('/gwe-int-golden')

interface Rendered {
  /** Path relative to the integration's folder -> content. */
  files: Map<string, string>
  /** Artifact id -> path, to pair a case's files with its base's. */
  paths: Map<string, string>
}

const rendered = new Map<string, Rendered>()

function plan(c: GoldenCase): Rendered {
  const known = rendered.get(c.name)
  if (known) return known
  const entry = integrationSchema.parse(c.entry)
  const planned = planIntegration(resolveIntegration(entry), {
    baseDir: BASE,
    regenerate: 'run "gwe-int generate"',
    readText: () => {
      throw new Error('golden cases read no source files')
    },
  })
  const rel = (p: string): string => path.relative(BASE, p).split(path.sep).join('/')
  const result = {files: new Map(planned.map((f) => [rel(f.path), f.content])), paths: new Map(planned.map((f) => [f.artifact, rel(f.path)]))}
  if (result.paths.size !== planned.length) throw new Error(`golden case ${c.name}: two files of one artifact cannot be paired with the base`)
  rendered.set(c.name, result)
  return result
}

/** The header's checksum, masked: it follows from the rest of the file (each case file is checked for it). */
const maskChecksum = (text: string): string => text.replace(/(gwe-int checksum )[0-9a-f]{8}\b/, '$1........')

/** The family base files: path under test/golden/base -> content, and artifact -> path. */
function familyBase(): Rendered {
  const files = new Map<string, string>()
  const paths = new Map<string, string>()
  for (const [artifact, c] of FAMILY_BASES) {
    const {files: all, paths: own} = plan(c)
    const rel = own.get(artifact)!
    if (files.has(rel)) throw new Error(`golden base: two template families render ${rel}`)
    files.set(rel, all.get(rel)!)
    paths.set(artifact, rel)
  }
  return {files, paths}
}

/**
 * A case's difference from what it is compared with (a medium's default case: the family
 * base files; any other case: its medium's default case). One unified diff (CONTEXT lines of
 * context) per file that differs, in the case's artifact order; a file only one side has
 * is diffed against /dev/null. Empty when nothing differs. Header checksums are masked on
 * both sides, else every body change would also change every .diff through its checksum line.
 */
function difference(c: GoldenCase): string {
  const known = differences.get(c.name)
  if (known !== undefined) return known
  const text = computeDifference(c)
  differences.set(c.name, text)
  return text
}

/** Each case's difference, computed once: the stale-files check and the case's own test both read it. */
const differences = new Map<string, string>()

function computeDifference(c: GoldenCase): string {
  const base = baseOf(c)
  const isDefault = base === c
  const mine = plan(c)
  const theirs = isDefault ? familyBase() : plan(base)
  const folder = isDefault ? 'base' : base.name
  const header = {includeIndex: false, includeUnderline: false, includeFileHeaders: true}
  const patches: string[] = []
  const pair = (oldName: string, newName: string, oldText: string, newText: string): void => {
    const [before, after] = [maskChecksum(oldText), maskChecksum(newText)]
    if (before !== after || oldName === '/dev/null' || newName === '/dev/null') {
      patches.push(createTwoFilesPatch(oldName, newName, before, after, undefined, undefined, {context: CONTEXT, headerOptions: header}))
    }
  }
  for (const [artifact, rel] of mine.paths) {
    const baseRel = theirs.paths.get(artifact)
    if (baseRel === undefined) pair('/dev/null', `${c.name}/${rel}`, '', mine.files.get(rel)!)
    else pair(`${folder}/${baseRel}`, `${c.name}/${rel}`, theirs.files.get(baseRel)!, mine.files.get(rel)!)
  }
  // The family base has every artifact; a medium leaves out those it does not write.
  if (!isDefault)
    for (const [artifact, baseRel] of theirs.paths) if (!mine.paths.has(artifact)) pair(`${folder}/${baseRel}`, '/dev/null', theirs.files.get(baseRel)!, '')
  if (patches.length === 0) return ''
  const against = isDefault ? "the template families' base files, test/golden/base/" : `the default case of ${c.entry.media}, ${base.name}`
  // One line: which case, compared with what; checksums show as dots (each follows from its file, the test checks them).
  return `Golden difference of case ${c.name} from ${against} (UPDATE_GOLDEN=1 rewrites it; checksums masked).\n${patches.join('')}`
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return (fs.readdirSync(dir, {recursive: true, withFileTypes: true}) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort()
}

/**
 * What the checks below found already, by text: many cases write some files byte for byte
 * as another case does (the same widget page, the same snippet), and the same text gives
 * the same scripts, parses the same way and passes `sh -n` the same way, so each text is
 * read or checked once.
 */
const scriptsByPage = new Map<string, string[]>()
const parsesAsEs5 = new Set<string>()
const passesShellCheck = new Set<string>()

/** The inline <script>s of a page. */
function pageScripts(content: string): string[] {
  const known = scriptsByPage.get(content)
  if (known) return known
  const scripts = inlineScripts(content)
  scriptsByPage.set(content, scripts)
  return scripts
}

/** Every script of a file: inline <script>s of HTML, the whole of a .js file. */
function scriptsOf(rel: string, content: string): string[] {
  if (rel.endsWith('.html')) return pageScripts(content)
  if (rel.endsWith('.js')) return [content]
  return []
}

describe('golden files', () => {
  it('has the base folder, one .diff per case that differs and nothing stale', () => {
    const names = CASES.map((c) => c.name)
    expect(new Set(names).size, 'case names are unique').toBe(names.length)
    // doctor/ holds `gwe-int doctor`'s text output, compared by test/e2e/doctor.test.ts.
    const wanted = new Set(['base', 'doctor', 'cases.ts', 'golden.test.ts', ...CASES.filter((c) => difference(c) !== '').map((c) => `${c.name}.diff`)])
    const stale = fs.readdirSync(GOLDEN).filter((f) => !wanted.has(f))
    if (UPDATE) for (const f of stale) fs.rmSync(path.join(GOLDEN, f), {recursive: true})
    else expect(stale, 'golden files without a case in cases.ts (UPDATE_GOLDEN=1 removes them)').toEqual([])
  })

  it('matches the base file of every template family byte for byte', () => {
    const {files} = familyBase()
    const dir = path.join(GOLDEN, 'base')
    if (UPDATE) {
      fs.rmSync(dir, {recursive: true, force: true})
      for (const [rel, content] of files) {
        fs.mkdirSync(path.dirname(path.join(dir, rel)), {recursive: true})
        fs.writeFileSync(path.join(dir, rel), content)
      }
    }
    expect(listFiles(dir), 'files of test/golden/base (UPDATE_GOLDEN=1 rewrites them)').toEqual([...files.keys()].sort())
    for (const [rel, content] of files) {
      const expected = fs.readFileSync(path.join(dir, rel), 'utf8')
      if (expected !== content) {
        const patch = createTwoFilesPatch(`golden/base/${rel}`, `generated/base/${rel}`, expected, content, '', '', {context: 3})
        expect.fail(`base/${rel} differs from its golden file (UPDATE_GOLDEN=1 rewrites it):\n${patch}`)
      }
    }
  })

  describe.each(CASES.map((c) => [c.name, c] as const))('%s', (name, c) => {
    const {files} = plan(c)
    const {medium} = resolveIntegration(integrationSchema.parse(c.entry))

    it(`differs from ${baseOf(c) === c ? "the template families' base files" : `the default case of ${c.entry.media}`} as ${name}.diff says`, () => {
      const file = path.join(GOLDEN, `${name}.diff`)
      const actual = difference(c)
      if (UPDATE) {
        if (actual === '') fs.rmSync(file, {force: true})
        else fs.writeFileSync(file, actual)
      }
      if (actual === '') expect(fs.existsSync(file), `${name} differs in nothing: ${name}.diff must not exist (UPDATE_GOLDEN=1 removes it)`).toBe(false)
      else {
        expect(fs.existsSync(file), `${name}.diff is missing (UPDATE_GOLDEN=1 writes it)`).toBe(true)
        const expected = fs.readFileSync(file, 'utf8')
        if (expected !== actual) {
          const patch = createTwoFilesPatch(`golden/${name}.diff`, `generated/${name}.diff`, expected, actual, '', '', {context: 3})
          expect.fail(`${name}: its golden difference changed (UPDATE_GOLDEN=1 rewrites ${name}.diff):\n${patch}`)
        }
      }
      // The masked checksums: each file's header sums the file's own content.
      for (const [rel, content] of files) expect(provenance(content), `${name}/${rel}: its header checksum`).toBe('pristine')
    })

    it('writes scripts that parse as ES5', () => {
      let count = 0
      for (const [rel, content] of files) {
        for (const script of scriptsOf(rel, content)) {
          count += 1
          if (parsesAsEs5.has(script)) continue
          try {
            parseScript(script, 5)
            parsesAsEs5.add(script)
          } catch (error) {
            expect.fail(`${name}/${rel}: ${(error as Error).message}`)
          }
        }
      }
      expect(count).toBeGreaterThan(0)
    })

    it('writes a notify.sh that passes sh -n', () => {
      const script = files.get('engagement-logic/notify.sh')
      expect(script).toBeDefined()
      if (passesShellCheck.has(script!)) return
      expect(() => execFileSync('sh', ['-n'], {input: script, stdio: ['pipe', 'pipe', 'pipe']})).not.toThrow()
      passesShellCheck.add(script!)
    })

    it('starts the medium in each branch it takes over, then reports the result', () => {
      const resolved = resolveIntegration(integrationSchema.parse(c.entry))
      const invite = pageScripts(files.get(resolved.inviteName)!).join('\n')
      for (const branch of medium.branches) {
        const result = branch === 'CHAT' ? 'ACCEPT_CHAT' : 'ACCEPT_CALLBACK'
        expect(invite).toContain(
          `(_config.type === INVITE_TYPE.${branch}) {\n      ${starterCall(resolved, branch)};\n      sendInviteResult(INVITE_RESULT.${result});`,
        )
      }
      expect(invite).toContain("error('Invitation type not defined');")
    })

    it('attaches visitID, pageID and webengagement only for second-party media', () => {
      const scripts = [...files].flatMap(([rel, content]) => scriptsOf(rel, content)).join('\n')
      const all = [...files.values()].join('\n')
      if (medium.party === 'third') {
        expect(all).not.toContain(KEYS.attachedMarker)
        expect(all).not.toContain('userData')
        expect(all).not.toContain('params[')
      } else if (medium.starterTemplate) {
        for (const key of ATTACHED_DATA_KEYS) expect(scripts, key).toContain(JSON.stringify(key))
        // The marker is attached with an empty value: the generator default.
        expect(scripts).toMatch(/"webengagement"[)\]]*\s*[=,]\s*""/)
      } else {
        // Built-in GWE media: startChat()/startCallback() attach the IDs themselves.
        expect(scripts).not.toContain(JSON.stringify(KEYS.attachedMarker))
        for (const branch of medium.branches) expect(scripts).toContain(branch === 'CHAT' ? 'startChat();' : 'startCallback();')
      }
    })

    if (medium.artifacts.includes('widgets-extension')) {
      it('opens Genesys Widgets through its own extension, never through a global bus', () => {
        const extension = files.get('website/gwe-int-widgets.js')
        expect(extension, 'the extension is its own file').toBeDefined()
        // Its first lines say where it goes and in which order.
        expect(extension!.split('\n').slice(1, 5).join('\n')).toMatch(
          /^\/\/ Where this goes: .*\n\/\/ {3}1\. your Genesys Widgets configuration .*\n\/\/ {3}2\. this file: .*website\/gwe-int-widgets\.js.*\n\/\/ {3}3\. the Genesys Widgets script/,
        )
        expect(extension).toContain(`widgets.extensions[EXTENSION] = extension;`)
        const resolved = resolveIntegration(integrationSchema.parse(c.entry))
        const invite = pageScripts(files.get(resolved.inviteName)!).join('\n')
        expect(
          files
            .get(resolved.inviteName)!
            .split('\n')
            .slice(0, 20)
            .some((line) => line.startsWith('<!-- Where this goes: ')),
        ).toBe(true)
        for (const script of [extension!, invite]) {
          // CXBus reaches the extension as an argument only; nobody registers on or calls a global bus.
          expect(script).not.toMatch(/window\.CXBus|\bbus\.(registerPlugin|command)\b/)
        }
        expect(invite).not.toContain('registerPlugin')
        expect(invite).toContain(`window[BRIDGE]`)
      })
    }

    it(givesHttp(c) ? 'keeps the http:// URL it was given' : 'contains no http:// URL', () => {
      for (const [rel, content] of files) {
        if (givesHttp(c)) continue
        expect(content.includes('http://'), `${name}/${rel} contains http://`).toBe(false)
      }
      if (givesHttp(c)) expect([...files.values()].some((content) => content.includes(c.entry.host!))).toBe(true)
    })
  })
})
