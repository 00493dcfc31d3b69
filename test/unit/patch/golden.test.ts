/**
 * Golden fixtures for the patch engine: test/fixtures/patch/<case>/input.html is
 * patched per case.json and compared byte for byte with expected.html (a unified
 * diff is printed on mismatch); expected.diff holds the reviewable input ->
 * expected diff. Every case is also re-patched (must be unchanged)
 * and every inline script of the output must parse.
 * GOLDEN_UPDATE=1 rewrites expected.html and expected.diff; review them before committing.
 */
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {createTwoFilesPatch} from 'diff'
import {describe, expect, it} from 'vitest'
import {GweIntError} from '../../../src/shared/errors.js'
import {findInlineScripts} from '../../../src/patch/html.js'
import {parseProgram} from '../../../src/patch/js.js'
import {detectKind, patchInvite, patchWidget, type InvitePatchSpec, type PatchResult, type WidgetPatchSpec} from '../../../src/patch/index.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/patch')
const SPECS = join(ROOT, '_specs')
const UPDATE = process.env.GOLDEN_UPDATE === '1'

interface Case {
  about: string
  kind: 'invite' | 'gms-widget'
  /** Run detectKind on the input (default true; refusals may not be detectable). */
  detect?: boolean
  /** Input file relative to the case folder (default input.html). */
  input?: string
  // invite
  starter?: string
  branches?: InvitePatchSpec['branches']
  // widget
  functions?: string[]
  attachedData?: string
  readyCall?: string
  /** Expected `changes` lines. */
  changes?: string[]
  /** Expected error message (the patch must refuse). */
  error?: string
}

const spec = (name: string): string => readFileSync(join(SPECS, name), 'utf8')

function inviteSpec(c: Partial<Case> = {}): InvitePatchSpec {
  return {
    starterName: 'startGms',
    starterSource: spec(c.starter ?? 'startGms.js'),
    branches: c.branches ?? [{type: 'CHAT', call: 'startGms("CHAT-NOW")'}],
  }
}

function widgetSpec(c: Partial<Case> = {}): WidgetPatchSpec {
  return {
    functions: (c.functions ?? ['getUrlVars.js', 'gpeStartScenario.js']).map((f) => ({name: f.replace(/[-.].*$/, ''), source: spec(f)})),
    connectStatements: spec(c.attachedData ?? 'attached-data.js'),
    readyCall: c.readyCall ?? 'gpeStartScenario();',
  }
}

function patch(c: Case, source: string, file: string): PatchResult {
  return c.kind === 'invite' ? patchInvite(source, file, inviteSpec(c)) : patchWidget(source, file, widgetSpec(c))
}

function assertScriptsParse(html: string): void {
  for (const block of findInlineScripts(html)) {
    expect(() => parseProgram(block.text, block.module), `script at offset ${block.start} must parse`).not.toThrow()
  }
}

const cases = readdirSync(ROOT, {withFileTypes: true})
  .filter((d) => d.isDirectory() && !d.name.startsWith('_') && existsSync(join(ROOT, d.name, 'case.json')))
  .map((d) => d.name)
  .sort()

describe('patch golden fixtures', () => {
  it('has fixtures', () => expect(cases.length).toBeGreaterThan(20))

  for (const name of cases) {
    const dir = join(ROOT, name)
    const c = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as Case
    it(`${name}: ${c.about}`, () => {
      const input = readFileSync(join(dir, c.input ?? 'input.html'), 'utf8')
      const file = `${name}/input.html`
      if (c.error !== undefined) {
        let caught: unknown
        try {
          patch(c, input, file)
        } catch (error) {
          caught = error
        }
        expect(caught, 'the patch must refuse').toBeInstanceOf(GweIntError)
        expect((caught as GweIntError).message).toBe(c.error)
        expect((caught as GweIntError).exit).toBe(2)
        return
      }
      if (c.detect !== false) expect(detectKind(input, file)).toBe(c.kind)

      const result = patch(c, input, file)
      const expectedPath = join(dir, 'expected.html')
      if (UPDATE) writeFileSync(expectedPath, result.content, 'utf8')
      const expected = readFileSync(expectedPath, 'utf8')
      if (result.content !== expected) {
        const diff = createTwoFilesPatch(`${name}/expected.html`, `${name}/actual`, expected, result.content)
        console.log(diff)
        expect.fail(`${name}: output differs from expected.html\n${diff}`)
      }
      expect(Buffer.from(result.content, 'utf8').equals(readFileSync(expectedPath))).toBe(true)
      // expected.diff: the reviewable change, input -> expected.
      const diffPath = join(dir, 'expected.diff')
      const diff = createTwoFilesPatch(`${name}/input.html`, `${name}/expected.html`, input, expected)
      if (UPDATE) writeFileSync(diffPath, diff, 'utf8')
      expect(diff).toBe(readFileSync(diffPath, 'utf8'))
      expect(result.changed).toBe(expected !== input)
      if (c.changes) expect(result.changes).toEqual(c.changes)
      assertScriptsParse(result.content)

      // Idempotent: patching the output again changes nothing.
      const again = patch(c, result.content, file)
      expect(again.changes).toEqual([])
      expect(again.changed).toBe(false)
      expect(again.content).toBe(result.content)
    })
  }
})
