/**
 * Unit tests of the patch engine beyond the golden fixtures: kind detection,
 * spec validation, whitespace-style properties, and a ~2 MB page with 50 scripts.
 */
import {readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {GweIntError} from '../../../src/shared/errors.js'
import {findInlineScripts} from '../../../src/patch/html.js'
import {detectEol, detectIndentUnit, reindent} from '../../../src/patch/indent.js'
import {parseProgram} from '../../../src/patch/js.js'
import {detectKind, patchInvite, patchWidget, type InvitePatchSpec, type WidgetPatchSpec} from '../../../src/patch/index.js'
import {runs} from '../../helpers/runs.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/patch')
const read = (p: string): string => readFileSync(join(ROOT, p), 'utf8')

const STARTER = read('_specs/startGms.js')
const INVITE: InvitePatchSpec = {starterName: 'startGms', starterSource: STARTER, branches: [{type: 'CHAT', call: 'startGms("CHAT-NOW")'}]}
const WIDGET: WidgetPatchSpec = {
  functions: [
    {name: 'getUrlVars', source: read('_specs/getUrlVars.js')},
    {name: 'gpeStartScenario', source: read('_specs/gpeStartScenario.js')},
  ],
  connectStatements: read('_specs/attached-data.js'),
  readyCall: 'gpeStartScenario();',
}
const SMALL_STARTER = 'function startGms(gmsScenario) {\n  openWindow(url(gmsScenario), "GMS", gmsScenario);\n}\n'

/** Runs `fn`, returns the GweIntError it throws. */
function refusal(fn: () => unknown): GweIntError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(GweIntError)
    expect((error as GweIntError).exit).toBe(2)
    return error as GweIntError
  }
  throw new Error('expected a refusal')
}

function expectScriptsParse(html: string): void {
  for (const b of findInlineScripts(html)) expect(() => parseProgram(b.text, b.module)).not.toThrow()
}

const count = (s: string, needle: string): number => s.split(needle).length - 1

describe('detectKind', () => {
  it("detects the integration guide's pages", () => {
    expect(detectKind(read('guide-invite/input.html'), 'invite.html')).toBe('invite')
    expect(detectKind(read('guide-gms-widget/input.html'), 'index.html')).toBe('gms-widget')
    expect(detectKind(read('guide-gms-widget/expected.html'), 'indexGPE.html')).toBe('gms-widget')
  })

  it('needs definitions, not mentions in comments or strings', () => {
    const html = '<script>// function onAccept() { sendInviteResult() }\nvar s = "function connect() { gmsInterface }";</script>'
    expect(refusal(() => detectKind(html, 'page.html')).message).toBe(
      'page.html: cannot tell the file kind; expected an invitation widget (function onAccept + sendInviteResult) or a GMS widget (function connect + gmsInterface/createCallback); found neither; pass --kind invite|gms-widget',
    )
  })

  it('refuses a page that is both', () => {
    const html = '<script>function onAccept(){sendInviteResult(1)}\nfunction connect(){var params={};gmsInterface.createCallback(params)}</script>'
    expect(refusal(() => detectKind(html, 'both.html')).message).toMatch(/^both\.html: cannot tell the file kind; .* found both an invitation/)
  })

  it('mentions scripts that do not parse', () => {
    const html = '<p>x</p>\n<script>function onAccept( {</script>'
    expect(refusal(() => detectKind(html, 'bad.html')).message).toContain('found neither (1 inline script(s) could not be parsed, first at bad.html:2:')
  })
})

describe('patchInvite', () => {
  it('returns the input unchanged, same string, when already patched', () => {
    const once = patchInvite(read('guide-invite/input.html'), 'i.html', INVITE)
    const twice = patchInvite(once.content, 'i.html', INVITE)
    expect(twice).toEqual({content: once.content, changed: false, changes: []})
  })

  it('treats a call with other quotes as the same call', () => {
    const patched = patchInvite(read('guide-invite/input.html'), 'i.html', INVITE).content
    const single = patched.replace('startGms("CHAT-NOW")', "startGms('CHAT-NOW')")
    expect(patchInvite(single, 'i.html', INVITE).changed).toBe(false)
  })

  it('updates a starter defined as a var expression in place', () => {
    const html =
      '<script>\nvar startGms = function (s) { openWindow("old", "GMS", s); };\nfunction onAccept() {\n  if (_config.type === INVITE_TYPE.CHAT) { startChat(); }\n}\n</script>'
    const r = patchInvite(html, 'i.html', {...INVITE, starterSource: SMALL_STARTER})
    expect(r.changes).toEqual(['updated function startGms', 'CHAT branch: startChat() -> startGms("CHAT-NOW")'])
    expect(r.content).toBe(
      '<script>\nfunction startGms(gmsScenario) {\n  openWindow(url(gmsScenario), "GMS", gmsScenario);\n}\nfunction onAccept() {\n  if (_config.type === INVITE_TYPE.CHAT) { startGms("CHAT-NOW"); }\n}\n</script>',
    )
  })

  it('refuses two starters', () => {
    const html =
      '<script>function startGms(){}</script><script>function startGms(){}\nfunction onAccept(){if(_config.type===INVITE_TYPE.CHAT){startChat()}}</script>'
    expect(refusal(() => patchInvite(html, 'i.html', INVITE)).message).toBe(
      'i.html:1:47: ambiguous: startGms is defined 2 times (line 1:9 (function declaration), line 1:47 (function declaration)); expected exactly one',
    )
  })

  it('finds onAccept in a module script and keeps the other scripts untouched', () => {
    const html = '<script type="module">\n  window.onAccept = () => {\n    if (_config.type === INVITE_TYPE.CHAT) startChat();\n  };\n</script>'
    const r = patchInvite(html, 'm.html', {...INVITE, starterSource: SMALL_STARTER})
    expect(r.content).toBe(
      '<script type="module">\n  function startGms(gmsScenario) {\n    openWindow(url(gmsScenario), "GMS", gmsScenario);\n  }\n\n  window.onAccept = () => {\n    if (_config.type === INVITE_TYPE.CHAT) startGms("CHAT-NOW");\n  };\n</script>',
    )
  })

  it('reports columns without counting the BOM', () => {
    const html = '\ufefffunction onAccept(){}<script>function onAccept(){}\nfunction onAccept(){}</script>'
    expect(refusal(() => patchInvite(html, 'b.html', INVITE)).message).toBe(
      'b.html:2:1: ambiguous: onAccept is defined 2 times (line 1:30 (function declaration), line 2:1 (function declaration)); expected exactly one',
    )
  })

  it('validates the spec', () => {
    const html = read('guide-invite/input.html')
    expect(refusal(() => patchInvite(html, 'i.html', {...INVITE, starterSource: 'function other() {}'})).message).toBe(
      'invalid starter template: expected exactly one declaration `function startGms(...) {...}`; found "function other() {}"',
    )
    expect(refusal(() => patchInvite(html, 'i.html', {...INVITE, starterSource: 'function startGms( {'})).message).toMatch(
      /^invalid starter template: Unexpected token/,
    )
    expect(refusal(() => patchInvite(html, 'i.html', {...INVITE, branches: [{type: 'CHAT', call: 'startGms'}]})).message).toBe(
      'invalid CHAT branch call: expected one call expression such as `startGms("CHAT-NOW")`; found "startGms"',
    )
    const twice = [
      {type: 'CHAT', call: 'a()'},
      {type: 'CHAT', call: 'b()'},
    ] as InvitePatchSpec['branches']
    expect(refusal(() => patchInvite(html, 'i.html', {...INVITE, branches: twice})).message).toBe('invalid patch spec: the CHAT branch is given twice')
  })

  it('patches a conditional-expression branch', () => {
    const html = '<script>\nconst onAccept = () => (_config.type === INVITE_TYPE.CHAT ? startChat() : startCallback());\n</script>'
    const r = patchInvite(html, 'c.html', {...INVITE, starterSource: SMALL_STARTER})
    expect(r.content).toContain('const onAccept = () => (_config.type === INVITE_TYPE.CHAT ? startGms("CHAT-NOW") : startCallback());')
    expectScriptsParse(r.content)
  })

  it('accepts a trailing semicolon in the branch call', () => {
    const r = patchInvite(read('guide-invite/input.html'), 'i.html', {...INVITE, branches: [{type: 'CHAT', call: 'startGms("CHAT-NOW");'}]})
    expect(r.content).toContain('            startGms("CHAT-NOW");\n            sendInviteResult(INVITE_RESULT.ACCEPT_CHAT);')
  })

  it('ignores scripts that do not parse when they do not mention the targets', () => {
    const html = `<script>var broken = ;</script>\n${read('guide-invite/input.html')}`
    expect(patchInvite(html, 'i.html', INVITE).changed).toBe(true)
  })
})

describe('patchWidget', () => {
  it('updates a function and inserts another at the same offset of a minified script', () => {
    const html =
      '<script>function getUrlVars(n){return n}function connect(){var params={};params.a=1;gmsInterface.createCallback(params)}$(function(){})</script>'
    const r = patchWidget(html, 'm.html', WIDGET)
    expect(r.changes).toEqual([
      'updated function getUrlVars',
      'added function gpeStartScenario',
      'connect(): added the attached-data parameters (visitID, pageID, webengagement)',
      'on-ready: added gpeStartScenario(); to the $(function) callback',
    ])
    expectScriptsParse(r.content)
    expect(count(r.content, 'function getUrlVars(')).toBe(1)
    expect(r.content.indexOf('function getUrlVars(')).toBeLessThan(r.content.indexOf('function gpeStartScenario('))
    expect(r.content.indexOf('function gpeStartScenario(')).toBeLessThan(r.content.indexOf('function connect('))
    expect(patchWidget(r.content, 'm.html', WIDGET).changed).toBe(false)
  })

  it('is not blocked by an unrelated script that does not parse', () => {
    const html = `<script>var onDisconnect = <%= handler %>;</script>\n${read('guide-gms-widget/input.html')}`
    expect(patchWidget(html, 'w.html', WIDGET).changed).toBe(true)
  })

  it('refuses an unbalanced attached-data marker', () => {
    const patched = patchWidget(read('guide-gms-widget/input.html'), 'w.html', WIDGET).content
    const broken = patched.replace('        // gwe-int:end attached-data\n', '')
    expect(refusal(() => patchWidget(broken, 'w.html', WIDGET)).message).toBe(
      'w.html:81:9: expected one `// gwe-int:begin attached-data` ... `// gwe-int:end attached-data` pair in connect(); found 1 begin and 0 end marker(s)',
    )
  })

  it('picks the connect() that builds params when another connect exists', () => {
    const html =
      '<script>\nvar socket = { connect: function () {} };\nfunction connect() {\n  var params = {};\n  params.a = 1;\n  gmsInterface.createCallback(params);\n}\n$(function () {});\n</script>\n<script>\n(function () { function connect(url) { return url; } })();\n</script>'
    const r = patchWidget(html, 'w.html', {...WIDGET, functions: []})
    expect(r.changes).toEqual([
      'connect(): added the attached-data parameters (visitID, pageID, webengagement)',
      'on-ready: added gpeStartScenario(); to the $(function) callback',
    ])
    expectScriptsParse(r.content)
  })

  it('updates a differing on-ready call in place', () => {
    const patched = patchWidget(read('guide-gms-widget/input.html'), 'w.html', WIDGET).content
    const r = patchWidget(patched, 'w.html', {...WIDGET, readyCall: 'gpeStartScenario("CHAT-WAIT");'})
    expect(r.changes).toEqual(['on-ready: gpeStartScenario(); -> gpeStartScenario("CHAT-WAIT");'])
    expect(count(r.content, 'gpeStartScenario(')).toBe(2)
  })
})

describe('whitespace style', () => {
  it('detects units and line endings', () => {
    expect(detectIndentUnit('a\n  b\n    c\n  d\n')).toBe('  ')
    expect(detectIndentUnit('a\n\tb\n\t\tc\n')).toBe('\t')
    expect(detectIndentUnit('/**\n * doc\n */\nf()\n    g()\n')).toBe('    ')
    expect(detectIndentUnit('one line')).toBeUndefined()
    expect(detectEol('a\r\nb\r\nc\n')).toBe('\r\n')
    expect(detectEol('abc')).toBeUndefined()
  })

  it('re-indents, keeping template literal lines verbatim', () => {
    expect(reindent('f() {\n  a\n\n    b\n}', {base: '\t', unit: '\t', eol: '\r\n'})).toBe('\tf() {\r\n\t\ta\r\n\r\n\t\t\tb\r\n\t}')
    expect(reindent('x\n  y', {base: '  ', unit: '    ', eol: '\n', verbatim: new Set([1])})).toBe('  x\n  y')
  })

  const styles = fc.record({
    eol: fc.constantFrom('\n', '\r\n'),
    unit: fc.constantFrom('\t', '  ', '    ', '   '),
    base: fc.integer({min: 0, max: 3}),
    bom: fc.boolean(),
    blank: fc.boolean(),
  })

  it('preserves every byte outside the edits in any style (property)', () => {
    fc.assert(
      fc.property(styles, ({eol, unit, base, bom, blank}) => {
        const lines = [
          [0, 'function startChat() {'],
          [1, "openWindow('/frontend/resources/chatWidget.html', 'chat');"],
          [0, '}'],
          ...(blank ? [[-1, '']] : []),
          [0, 'function onAccept() {'],
          [1, 'closeInviteDialogWindow();'],
          [1, 'if (_config.type === INVITE_TYPE.CHAT) {'],
          [2, 'startChat();'],
          [2, 'sendInviteResult(INVITE_RESULT.ACCEPT_CHAT);'],
          [1, '} else {'],
          [2, "error('Invitation type not defined');"],
          [1, '}'],
          [0, '}'],
        ] as [number, string][]
        const js = lines.map(([lvl, t]) => (lvl < 0 ? '' : unit.repeat(base + lvl) + t)).join(eol)
        const html = `${bom ? '\ufeff' : ''}<div>é😀</div>${eol}<script>${eol}${js}${eol}</script>${eol}`
        const r = patchInvite(html, 'p.html', INVITE)
        expectScriptsParse(r.content)
        expect(patchInvite(r.content, 'p.html', INVITE).changed).toBe(false)
        // Inserted lines use the file's line ending and indentation unit.
        expect(r.content.replace(/\r\n/g, '').includes('\n')).toBe(eol === '\n')
        const starterStart = r.content.indexOf('// gwe-int: opens')
        const closing = `${eol + unit.repeat(base)}}`
        const starterEnd = r.content.indexOf(closing, r.content.indexOf("error('gwe-int: the medium")) + closing.length
        expect(r.content.slice(0, starterStart).endsWith(eol + unit.repeat(base))).toBe(true)
        expect(r.content).toContain(`${eol}${unit.repeat(base + 1)}function getIds(callback) {${eol}${unit.repeat(base + 2)}var answered`)
        // Undo the two edits: the rest is byte-identical to the input.
        const lineStart = starterStart - unit.repeat(base).length
        const sep = blank ? eol + eol : eol
        const removed = r.content.slice(0, lineStart - sep.length) + r.content.slice(starterEnd)
        expect(removed.replace('startGms("CHAT-NOW")', 'startChat()')).toBe(html)
      }),
      runs(60),
    )
  })
})

/**
 * A ~2 MB page of 50 inline scripts (plus external and JSON ones), with the
 * invitation code spread over two of them; every tenth script mentions onAccept
 * and startChat in comments and strings only.
 */
function bigPage(): {html: string; scripts: number} {
  const filler = (n: number): string => {
    const fns: string[] = []
    // A running length: measuring fns.join('') every round would make this quadratic.
    for (let i = 0, length = 0; length < 38_000; i++) {
      fns.push(
        `    function helper${n}_${i}(a, b) {\n        // ${n % 10 === 3 ? 'onAccept is not here; "function onAccept() {}" is a string' : 'analytics and widgets'}\n        var s = ${n % 10 === 3 ? "'startChat(); '" : "'track: '"} + a;\n        return [a, b, s].join(${JSON.stringify(`-${i}-`)});\n    }\n\n`,
      )
      length += fns[i].length
    }
    return fns.join('')
  }
  const parts: string[] = ['<!DOCTYPE html>\n<html>\n<head><title>big</title></head>\n<body>\n']
  for (let n = 0; n < 50; n++) {
    parts.push(`<div class="section" id="s${n}">${'<p>Lorem ipsum dolor sit amet, onAccept consectetur.</p>\n'.repeat(40)}</div>\n`)
    parts.push(`<script src="/lib${n}.js"></script>\n<script type="application/json">{"n": ${n}}</script>\n`)
    let body = filler(n)
    if (n === 12) body += '    function startChat() {\n        openWindow("/frontend/resources/chatWidget.html", "chat");\n    }\n'
    if (n === 37) {
      body +=
        '    function onAccept() {\n        log("onAccept()");\n        closeInviteDialogWindow();\n        if (_config.type === INVITE_TYPE.CHAT) {\n            startChat();\n            sendInviteResult(INVITE_RESULT.ACCEPT_CHAT);\n        } else {\n            error("Invitation type not defined");\n        }\n    }\n'
    }
    parts.push(`<script>\n${body}</script>\n`)
  }
  parts.push('</body>\n</html>\n')
  return {html: parts.join(''), scripts: 50}
}

describe('a ~2 MB page with 50 scripts', () => {
  it('patches correctly', () => {
    const {html} = bigPage()
    expect(html.length).toBeGreaterThan(2_000_000)
    expect(findInlineScripts(html)).toHaveLength(50)
    // Timings belong to `npm run bench` (the patch cases, on realistic pages).
    expect(detectKind(html, 'big.html')).toBe('invite')
    const r = patchInvite(html, 'big.html', INVITE)
    expect(r.changes).toEqual(['added function startGms', 'CHAT branch: startChat() -> startGms("CHAT-NOW")'])
    expect(count(r.content, 'function startGms(')).toBe(1)
    expect(count(r.content, 'startGms("CHAT-NOW")')).toBe(1)
    // The starter sits in script 37, right before onAccept (startChat is in another script).
    expect(r.content.indexOf('function startGms(')).toBeLessThan(r.content.indexOf('    function onAccept() {\n        log('))
    expect(r.content.indexOf('function startGms(')).toBeGreaterThan(r.content.indexOf('id="s37"'))
    // Everything before script 37 and after the replaced call is byte-identical.
    const head = html.indexOf('id="s37"')
    expect(r.content.slice(0, head)).toBe(html.slice(0, head))
    const tail = html.length - html.indexOf('startChat();\n            sendInviteResult') - 'startChat()'.length
    expect(r.content.slice(-tail)).toBe(html.slice(-tail))
    expectScriptsParse(r.content)
    const again = patchInvite(r.content, 'big.html', INVITE)
    expect(again.changed).toBe(false)
    expect(again.content).toBe(r.content)
  })
})
