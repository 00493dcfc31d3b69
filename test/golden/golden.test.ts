/**
 * Golden files: each case of cases.ts is planned in-process and every file compared byte for
 * byte with test/golden/<case>/<path>. `UPDATE_GOLDEN=1 npx vitest run test/golden` rewrites
 * them (review the git diff). Each case is also checked for what must hold whatever the bytes:
 * scripts parse as ES5, notify.sh passes `sh -n`, the attached-data contract, no stray http://.
 */
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {createTwoFilesPatch} from 'diff'
import {describe, expect, it} from 'vitest'
import {ATTACHED_DATA_KEYS, KEYS} from '../../src/catalog/keys.js'
import {starterCall} from '../../src/core/context.js'
import {integrationSchema, resolveIntegration} from '../../src/core/integration.js'
import {planIntegration} from '../../src/core/plan.js'
import {inlineScripts, parseScript} from '../helpers/parse.js'
import {CASES, givesHttp, type GoldenCase} from './cases.js'

const GOLDEN = path.dirname(fileURLToPath(import.meta.url))
const UPDATE = process.env.UPDATE_GOLDEN === '1'
/** A fixed, never-written folder the plan resolves against, so paths and bytes do not depend on the machine. */
const BASE = path.resolve('/gwe-int-golden')

function plan(c: GoldenCase): Map<string, string> {
  const entry = integrationSchema.parse(c.entry)
  const files = planIntegration(resolveIntegration(entry), {
    baseDir: BASE,
    regenerate: 'run "gwe-int generate"',
    readText: () => {
      throw new Error('golden cases read no source files')
    },
  })
  return new Map(files.map((f) => [path.relative(BASE, f.path).split(path.sep).join('/'), f.content]))
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return (fs.readdirSync(dir, {recursive: true, withFileTypes: true}) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort()
}

/** Every script of a file: inline <script>s of HTML, the whole of a .js file. */
function scriptsOf(rel: string, content: string): string[] {
  if (rel.endsWith('.html')) return inlineScripts(content)
  if (rel.endsWith('.js')) return [content]
  return []
}

describe('golden files', () => {
  it('has one folder per case and no stale folders', () => {
    const names = CASES.map((c) => c.name)
    expect(new Set(names).size, 'case names are unique').toBe(names.length)
    const folders = fs.readdirSync(GOLDEN, {withFileTypes: true}).filter((e) => e.isDirectory()).map((e) => e.name)
    const stale = folders.filter((f) => !names.includes(f))
    if (UPDATE) for (const f of stale) fs.rmSync(path.join(GOLDEN, f), {recursive: true})
    else expect(stale, 'golden folders without a case in cases.ts (UPDATE_GOLDEN=1 removes them)').toEqual([])
  })

  describe.each(CASES.map((c) => [c.name, c] as const))('%s', (name, c) => {
    const files = plan(c)
    const dir = path.join(GOLDEN, name)
    const {media} = resolveIntegration(integrationSchema.parse(c.entry))

    it('matches the golden files byte for byte', () => {
      if (UPDATE) {
        fs.rmSync(dir, {recursive: true, force: true})
        for (const [rel, content] of files) {
          fs.mkdirSync(path.dirname(path.join(dir, rel)), {recursive: true})
          fs.writeFileSync(path.join(dir, rel), content)
        }
      }
      expect(listFiles(dir), `files of ${name} (UPDATE_GOLDEN=1 rewrites them)`).toEqual([...files.keys()].sort())
      for (const [rel, content] of files) {
        const expected = fs.readFileSync(path.join(dir, rel), 'utf8')
        if (expected !== content) {
          const patch = createTwoFilesPatch(`golden/${name}/${rel}`, `generated/${name}/${rel}`, expected, content, '', '', {context: 3})
          expect.fail(`${name}/${rel} differs from its golden file (UPDATE_GOLDEN=1 rewrites it):\n${patch}`)
        }
      }
    })

    it('writes scripts that parse as ES5', () => {
      let count = 0
      for (const [rel, content] of files) {
        for (const script of scriptsOf(rel, content)) {
          count += 1
          try {
            parseScript(script, 5)
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
      expect(() => execFileSync('sh', ['-n'], {input: script, stdio: ['pipe', 'pipe', 'pipe']})).not.toThrow()
    })

    it('starts the medium in each branch it takes over, then reports the result', () => {
      const resolved = resolveIntegration(integrationSchema.parse(c.entry))
      const invite = inlineScripts(files.get(resolved.inviteName)!).join('\n')
      for (const branch of media.branches) {
        const result = branch === 'CHAT' ? 'ACCEPT_CHAT' : 'ACCEPT_CALLBACK'
        expect(invite).toContain(`(_config.type === INVITE_TYPE.${branch}) {\n      ${starterCall(resolved, branch)};\n      sendInviteResult(INVITE_RESULT.${result});`)
      }
      expect(invite).toContain("error('Invitation type not defined');")
    })

    it('attaches visitID, pageID and webengagement only for second-party media', () => {
      const scripts = [...files].flatMap(([rel, content]) => scriptsOf(rel, content)).join('\n')
      const all = [...files.values()].join('\n')
      if (media.party === 'third') {
        expect(all).not.toContain(KEYS.attachedMarker)
        expect(all).not.toContain('userData')
        expect(all).not.toContain('params[')
      } else if (media.starterTemplate) {
        for (const key of ATTACHED_DATA_KEYS) expect(scripts, key).toContain(JSON.stringify(key))
        // The marker is attached with an empty value (S1; domain.md §8 generator default).
        expect(scripts).toMatch(/"webengagement"[)\]]*\s*[=,]\s*""/)
      } else {
        // Built-in GWE media: startChat()/startCallback() attach the IDs themselves (S0).
        expect(scripts).not.toContain(JSON.stringify(KEYS.attachedMarker))
        for (const branch of media.branches) expect(scripts).toContain(branch === 'CHAT' ? 'startChat();' : 'startCallback();')
      }
    })

    if (media.artifacts.includes('widgets-extension')) {
      it('opens Genesys Widgets through its own extension, never through a global bus', () => {
        const extension = files.get('website/gwe-int-widgets.js')
        expect(extension, 'the extension is its own file').toBeDefined()
        // Its first lines say where it goes and in which order.
        expect(extension!.split('\n').slice(1, 5).join('\n')).toMatch(/^\/\/ Where this goes: .*\n\/\/ {3}1\. your Genesys Widgets configuration .*\n\/\/ {3}2\. this file: .*website\/gwe-int-widgets\.js.*\n\/\/ {3}3\. the Genesys Widgets script/)
        expect(extension).toContain(`widgets.extensions[EXTENSION] = extension;`)
        const resolved = resolveIntegration(integrationSchema.parse(c.entry))
        const invite = inlineScripts(files.get(resolved.inviteName)!).join('\n')
        expect(files.get(resolved.inviteName)!.split('\n').slice(0, 20).some((line) => line.startsWith('<!-- Where this goes: '))).toBe(true)
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
