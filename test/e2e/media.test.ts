/**
 * Issue 4 through the built binary: each command line of "What a user does", run one after
 * the other in one project folder as a user would, then the files they wrote parsed and
 * checked; `list --json`; and the bad input the issue names.
 */
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {simple as walk} from 'acorn-walk'
import {beforeAll, describe, expect, it} from 'vitest'
import {gweInt, listFiles, tempDir} from '../helpers/cli.js'
import {inlineScripts, parseScript} from '../helpers/parse.js'

type Run = Awaited<ReturnType<typeof gweInt>>

const USER_COMMANDS = {
  'gms-callback': ['new', 'gms-callback', '--scenario', 'VOICE-WAIT-USERTERM', '--host', 'https://gms.example.com', '--yes'],
  'gwe-chat': ['new', 'gwe-chat', '--yes'],
  'webapi-chat': ['new', 'webapi-chat', '--host', 'https://gms.example.com', '--service', 'customer-support', '--yes'],
  'genesys-widgets': ['new', 'genesys-widgets', '--yes'],
  'third-party': ['new', 'third-party', '--host', 'https://chat.vendor.example/start', '--yes'],
} as const

let cwd: string
const runs: Record<string, Run> = {}

const read = (rel: string) => fs.readFileSync(path.join(cwd, rel), 'utf8')

/** The inline scripts of an HTML file, each parsed as ES5 (throws otherwise), joined. */
function es5Scripts(rel: string): string {
  const scripts = inlineScripts(read(rel))
  expect(scripts.length, rel).toBeGreaterThan(0)
  for (const script of scripts) parseScript(script, 5)
  return scripts.join('\n')
}

/** The value a `var NAME = <literal>` holds in a script, for literals written with jsValue (JSON). */
function varValue(script: string, name: string): unknown {
  let found: unknown
  walk(parseScript(script, 5), {
    VariableDeclarator(node) {
      const decl = node as unknown as {id: {name?: string}; init: {start: number; end: number} | null}
      if (decl.id.name === name && decl.init) found = JSON.parse(script.slice(decl.init.start, decl.init.end))
    },
  })
  if (found === undefined) throw new Error(`no var ${name} in the script`)
  return found
}

/** The statements of the onAccept() branch for one invitation type, as text. */
function branch(script: string, type: 'CHAT' | 'CALLBACK'): string {
  const start = script.indexOf(`(_config.type === INVITE_TYPE.${type}) {`)
  expect(start, `onAccept has an INVITE_TYPE.${type} branch`).toBeGreaterThan(0)
  const body = script.slice(start, script.indexOf('}', start))
  return body.slice(body.indexOf('{') + 1).trim()
}

describe('every medium from the one catalogue (built binary)', () => {
  beforeAll(async () => {
    cwd = tempDir()
    for (const [media, args] of Object.entries(USER_COMMANDS)) runs[media] = await gweInt([...args], {cwd})
  })

  it('every command line succeeds and writes what its medium produces', () => {
    for (const [media, run] of Object.entries(runs)) expect(run.exitCode, `${media}: ${run.stderr}`).toBe(0)
    expect(listFiles(cwd)).toEqual([
      'gwe-int.config.json',
      'widgets/genesys-widgets/engagement-logic/notification-message.js',
      'widgets/genesys-widgets/engagement-logic/notify.sh',
      'widgets/genesys-widgets/inviteWidgets.html',
      'widgets/genesys-widgets/website/gwe-int-widgets.js',
      'widgets/gms-callback/engagement-logic/notification-message.js',
      'widgets/gms-callback/engagement-logic/notify.sh',
      'widgets/gms-callback/indexGPE.html',
      'widgets/gms-callback/inviteGMS.html',
      'widgets/gwe-chat/engagement-logic/notification-message.js',
      'widgets/gwe-chat/engagement-logic/notify.sh',
      'widgets/gwe-chat/inviteGWE.html',
      'widgets/third-party/engagement-logic/notification-message.js',
      'widgets/third-party/engagement-logic/notify.sh',
      'widgets/third-party/inviteVendor.html',
      'widgets/webapi-chat/chatGPE.html',
      'widgets/webapi-chat/engagement-logic/notification-message.js',
      'widgets/webapi-chat/engagement-logic/notify.sh',
      'widgets/webapi-chat/inviteWebApi.html',
    ])
    const config = JSON.parse(read('gwe-int.config.json'))
    expect(config.integrations.map((i: {name: string; media: string}) => `${i.name}:${i.media}`)).toEqual(Object.keys(USER_COMMANDS).map((m) => `${m}:${m}`))
  })

  it('gms-callback: the CALLBACK branch starts the scenario, then reports ACCEPT_CALLBACK', () => {
    const invite = es5Scripts('widgets/gms-callback/inviteGMS.html')
    expect(invite).toContain('var _config = { type: "CALLBACK" };')
    expect(branch(invite, 'CALLBACK')).toBe('startGms("VOICE-WAIT-USERTERM");\n      sendInviteResult(INVITE_RESULT.ACCEPT_CALLBACK);')
    expect(branch(invite, 'CHAT')).toBe('startChat();\n      sendInviteResult(INVITE_RESULT.ACCEPT_CHAT);')
    expect(invite).toContain('"https://gms.example.com/genesys/admin/js/sample/cb/indexGPE.html"')
  })

  it('gms-callback: the widget knows each scenario’s GMS parameters and asks for the phone number first', () => {
    const widget = es5Scripts('widgets/gms-callback/indexGPE.html')
    expect(varValue(widget, 'DEFAULT_SCENARIO')).toBe('VOICE-WAIT-USERTERM')
    const table = varValue(widget, 'SCENARIOS') as Record<string, {endpoint: string; params: Record<string, string>; needs: string[]; numberParam: string}>
    // The scenario presets of the GMS Android sample (docs/genesys.md#gms-callback).
    expect(table['VOICE-WAIT-USERTERM']).toEqual({
      channel: 'voice',
      endpoint: 'callback',
      params: {_call_direction: 'USERTERMINATED', _wait_for_agent: 'true', _wait_for_user_confirm: 'true', _media_type: 'voice'},
      needs: ['customerNumber'],
      numberParam: '_customer_number',
    })
    expect(table['VOICE-SCHEDULED-USERTERM'].needs).toEqual(['customerNumber', 'desiredTime'])
    expect(table['REQUEST-INTERACTION']).toMatchObject({endpoint: 'request-interaction', needs: ['phoneNumber'], numberParam: '_phone_number'})
    expect(Object.keys(table)).not.toContain('CHAT-NOW')
    // Every callback scenario needs input: the visitor fills the form and confirms before anything is sent.
    expect(Object.values(table).every((s) => s.needs.length > 0)).toBe(true)
    expect(widget).toContain('params["webengagement"] = "";')
    const html = read('widgets/gms-callback/indexGPE.html')
    for (const id of ['phone', 'slot', 'service_name', 'submit', 'review', 'confirm', 'status']) expect(html).toContain(`id="${id}"`)
    // The scenario is fixed by the invitation: the visitor never chooses it.
    expect(html).not.toContain('id="scenario"')
  })

  it('gwe-chat: invite copy and snippet only, and the output says so', () => {
    expect(runs['gwe-chat'].stdout).toContain('only the invitation copy (for branding) and the strategy snippet are generated; no media widget')
    const invite = es5Scripts('widgets/gwe-chat/inviteGWE.html')
    expect(branch(invite, 'CHAT')).toBe('startChat();\n      sendInviteResult(INVITE_RESULT.ACCEPT_CHAT);')
    expect(branch(invite, 'CALLBACK')).toBe('startCallback();\n      sendInviteResult(INVITE_RESULT.ACCEPT_CALLBACK);')
    expect(invite).not.toMatch(/window\.open|startGms|webengagement/)
  })

  it('webapi-chat: a Chat API v2 page attaching visitID, pageID and webengagement as userData', () => {
    const invite = es5Scripts('widgets/webapi-chat/inviteWebApi.html')
    expect(branch(invite, 'CHAT')).toBe('startWebApi();\n      sendInviteResult(INVITE_RESULT.ACCEPT_CHAT);')
    // The chat page reads visitId/pageId from its query (docs/genesys.md#chat-v2); with no --gwe-url the
    // URL has no host, which the invitation flags with a TODO.
    expect(invite).toContain('withQuery("/frontend/resources/chatGPE.html", [\n          ["visitId", ids.visitID],\n          ["pageId", ids.pageID]')
    expect(invite).toContain('TODO(gwe-int): the chat page URL below has no host.')
    const page = es5Scripts('widgets/webapi-chat/chatGPE.html')
    expect(varValue(page, 'CHAT_URL')).toBe('https://gms.example.com/genesys/2/chat/customer-support')
    expect(page).toContain("function userData(key) { return 'userData[' + key + ']'; }")
    expect(page).toContain('pairs.push([userData("visitID"), getUrlVars("visitId") || \'\']);')
    expect(page).toContain('pairs.push([userData("pageID"), getUrlVars("pageId") || \'\']);')
    expect(page).toContain('pairs.push([userData("webengagement"), ""]);')
    expect(page).toContain("var pairs = [['nickname', name]];")
    expect(page).toContain("send: function (text) { return call('send', [['message', text]], false); }")
    expect(page).toMatch(/TODO\(gwe-int\): refresh, the typing operations, disconnect, nextPosition and chatEnded/)
    expect(page).not.toMatch(/innerHTML|insertAdjacentHTML|document\.write/)
  })

  it('genesys-widgets: both branches go through the extension, which opens WebChat/Callback with the proactive userData', () => {
    const invite = es5Scripts('widgets/genesys-widgets/inviteWidgets.html')
    expect(branch(invite, 'CHAT')).toBe('startGenesysWidgets("CHAT");\n      sendInviteResult(INVITE_RESULT.ACCEPT_CHAT);')
    expect(branch(invite, 'CALLBACK')).toBe('startGenesysWidgets("CALLBACK");\n      sendInviteResult(INVITE_RESULT.ACCEPT_CALLBACK);')
    expect(invite).toContain('var BRIDGE = "gweIntWidgets";')
    expect(invite).toContain('bridge.open(inviteType, userData, ')
    expect(invite).toContain('userData["webengagement"] = "";')
    // The extension is its own file: an extension Widgets runs at initialisation, with CXBus as an argument.
    const extension = read('widgets/genesys-widgets/website/gwe-int-widgets.js')
    parseScript(extension, 5)
    expect(extension).toContain('widgets.extensions[EXTENSION] = extension;')
    expect(extension).toContain('function extension($, CXBus) {')
    expect(extension).toContain("return { name: 'WebChat.open', options: { userData: merge(configured('webchat'), userData) } };")
    expect(extension).toContain("return { name: 'Callback.open', options: { form: { desiredTime: 'now', userData: data }, userData: merge(data, {}) } };")
    expect(runs['genesys-widgets'].stdout).toContain(
      'include website/gwe-int-widgets.js on every page that loads Widgets, after your window._genesys.widgets configuration and before the Widgets script',
    )
    // The global bus is a debug tool: neither file registers on it or calls it.
    for (const script of [invite, extension]) expect(script).not.toMatch(/window\.CXBus|bus\.(registerPlugin|command)/)
  })

  it('third-party: opens the vendor URL with correlation IDs, attaches nothing, still reports the result', () => {
    const invite = es5Scripts('widgets/third-party/inviteVendor.html')
    expect(branch(invite, 'CHAT')).toBe('startThirdParty();\n      sendInviteResult(INVITE_RESULT.ACCEPT_CHAT);')
    expect(invite).toContain(
      'withQuery("https://chat.vendor.example/start", [\n          ["visitID", ids.visitID],\n          ["pageID", ids.pageID]\n        ]);',
    )
    expect(runs['third-party'].stdout).toContain('Third-party media create no Genesys interaction')
    for (const file of listFiles(path.join(cwd, 'widgets/third-party'))) expect(read(`widgets/third-party/${file}`)).not.toMatch(/webengagement|userData/)
  })

  it('every medium: the strategy snippet parses and notify.sh posts the same notification', () => {
    const bin = tempDir('gwe-int-curl-')
    const record = path.join(bin, 'args')
    // A stand-in curl that records its arguments one per line (no network).
    fs.writeFileSync(path.join(bin, 'curl'), `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > '${record}'\n`, {mode: 0o755})
    for (const media of Object.keys(USER_COMMANDS)) {
      const dir = path.join(cwd, 'widgets', media, 'engagement-logic')
      const snippet = fs.readFileSync(path.join(dir, 'notification-message.js'), 'utf8')
      parseScript(snippet, 5)
      const invite = listFiles(path.join(cwd, 'widgets', media)).find((f) => f.startsWith('invite'))!
      // genesys-widgets defaults to GWE 8.5 (/server); the others to 8.1 (/frontend), docs/genesys.md#gwe-85-paths.
      const prefix = media === 'genesys-widgets' ? '/server' : '/frontend'
      expect(snippet).toContain(`'url': "${prefix}/resources/${invite}"`)
      execFileSync('sh', [path.join(dir, 'notify.sh'), 'ABC123', 'PAGE9', 'https://gwe.example.com:9443'], {
        env: {...process.env, PATH: `${bin}:${process.env.PATH}`},
      })
      const args = fs.readFileSync(record, 'utf8').trimEnd().split('\n')
      expect(args.at(-1)).toBe(`https://gwe.example.com:9443${prefix}/data/notification/notify/ABC123`)
      expect(args).toContain('Content-Type: application/json')
      const body = JSON.parse(args[args.indexOf('--data') + 1])
      expect(body).toEqual([{page: 'PAGE9', channel: 'gpe.appendContent', data: {url: `${prefix}/resources/${invite}`, method: 'GET', container: 'body'}}])
    }
  })

  it('generate reproduces every file byte for byte', async () => {
    const check = await gweInt(['generate', '--check'], {cwd})
    expect(check.exitCode, String(check.stdout)).toBe(0)
    expect(check.stdout).toContain('all 18 files up to date')
  })
})

describe('gwe-int list --json', () => {
  it('lists every medium with its invitation branches, scenarios, inputs, outputs and attached data', async () => {
    const run = await gweInt(['list', '--json'], {cwd: tempDir()})
    expect(run.exitCode).toBe(0)
    const {media} = JSON.parse(String(run.stdout))
    expect(media.map((m: {id: string}) => m.id)).toEqual([
      'gms-chat',
      'gms-callback',
      'gwe-chat',
      'gwe-callback',
      'webapi-chat',
      'genesys-widgets',
      'third-party',
    ])
    const byId = Object.fromEntries(media.map((m: {id: string}) => [m.id, m]))
    const callback = byId['gms-callback']
    expect(callback).toMatchObject({
      party: 'second',
      inviteBranches: ['CALLBACK'],
      starter: 'startGms',
      defaultScenario: 'VOICE-NOW-USERTERM',
      requiredInputs: ['host'],
    })
    expect(callback.invite).toEqual([{type: 'CALLBACK', calls: "startGms('<scenario>')", reports: 'ACCEPT_CALLBACK'}])
    expect(callback.scenarios.find((s: {id: string}) => s.id === 'VOICE-SCHEDULED-USERTERM')).toMatchObject({
      channel: 'voice',
      endpoint: 'callback',
      params: {_call_direction: 'USERTERMINATED', _wait_for_agent: 'true', _wait_for_user_confirm: 'true', _media_type: 'voice'},
      requires: ['_customer_number', '_desired_time'],
    })
    expect(callback.scenarios.find((s: {id: string}) => s.id === 'REQUEST-INTERACTION').requires).toEqual(['_phone_number'])
    expect(callback.outputs.map((o: {defaultPath: string}) => o.defaultPath)).toEqual([
      'inviteGMS.html',
      'indexGPE.html',
      'engagement-logic/notification-message.js',
      'engagement-logic/notify.sh',
    ])
    expect(callback.attachedData).toEqual(['visitID', 'pageID', 'webengagement'])
    expect(byId['gms-chat'].scenarios.map((s: {id: string}) => s.id)).toEqual(['CHAT-NOW', 'CHAT-WAIT', 'REQUEST-CHAT'])
    expect(byId['genesys-widgets'].inviteBranches).toEqual(['CHAT', 'CALLBACK'])
    expect(byId['webapi-chat'].outputs.map((o: {artifact: string}) => o.artifact)).toContain('webapi-widget')
    expect(byId['gwe-chat'].outputs.map((o: {artifact: string}) => o.artifact)).toEqual(['invite', 'notification-message', 'notify-sh'])
    expect(byId['third-party']).toMatchObject({party: 'third', attachedData: [], scenarios: []})
    // What Genesys deprecated is marked, with the public page that says so; nothing else is.
    const deprecated = media.filter((m: {deprecated: unknown}) => m.deprecated !== null)
    expect(deprecated.map((m: {id: string}) => m.id)).toEqual(['gms-chat', 'gwe-chat', 'gwe-callback'])
    for (const m of deprecated) expect(m.deprecated.source, m.id).toMatch(/^https:\/\/\S*genesys\.com\//)
    expect(byId['gms-chat'].deprecated.text).toContain('webapi-chat')
    for (const m of media)
      expect(m.outputs.map((o: {artifact: string}) => o.artifact)).toEqual(expect.arrayContaining(['invite', 'notification-message', 'notify-sh']))
  })
})

describe('bad input', () => {
  it.each([
    [
      ['new', 'gms-chat', '--scenario', 'VOICE-NOW-USERTERM'],
      '--scenario: VOICE-NOW-USERTERM is a callback scenario; gms-chat accepts CHAT-NOW, CHAT-WAIT, REQUEST-CHAT',
    ],
    [['new', 'gms-callback', '--scenario', 'CHAT-NOW', '--yes'], '--scenario: CHAT-NOW is a chat scenario; gms-callback accepts VOICE-NOW-USERTERM'],
    [['new', 'gwe-chat', '--scenario', 'CHAT-NOW', '--yes'], '--scenario: does not apply to gwe-chat'],
    [['new', 'gms-chat', '--invite-type', 'CALLBACK', '--yes'], '--invite-type: does not apply to gms-chat'],
    [['new', 'genesys-widgets', '--invite-type', 'VOICE', '--yes'], 'CHAT, CALLBACK'],
    [['new', 'third-party', '--host', 'ftp://chat.vendor.example/start', '--yes'], '--host: must use http or https, not ftp'],
    [['new', 'third-party', '--host', 'javascript:alert(1)', '--yes'], '--host: must use http or https, not javascript'],
    [['new', 'third-party', '--vendor-function', 'alert(1)', '--yes'], '--vendor-function: must be a global JavaScript function path'],
  ])('%j: exit 2, one clear line, nothing written', async (args, message) => {
    const dir = tempDir()
    const run = await gweInt(args, {cwd: dir})
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain(message)
    expect(run.stderr).not.toMatch(/\n\s+at /)
    expect(listFiles(dir)).toEqual([])
  })
})
