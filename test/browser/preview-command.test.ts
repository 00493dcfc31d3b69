/**
 * `gwe-int preview` through the built binary, without a browser: it serves exactly the
 * bytes `generate` writes (given the same local URLs), prints its URL, stops cleanly on
 * SIGINT/SIGTERM, refuses bad input with one line and exit 2, and its stand-ins answer
 * and record what GMS and the Notification Service would.
 */
import {execa} from 'execa'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {gweInt, listFiles, tempDir} from '../helpers/cli.js'
import http from 'node:http'
import {describeBrowser, newIntegrations, startPreview, type RunningPreview} from '../helpers/browser.js'
import {usePreviewBrowser} from '../helpers/preview-browser.js'

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

const post = (url: string, body: string, type = 'application/x-www-form-urlencoded', headers: Record<string, string> = {}) =>
  fetch(url, {method: 'POST', headers: {'content-type': type, ...headers}, body})

describe('gwe-int preview (built binary)', () => {
  /**
   * A GMS host is a base URL without a path, so generate writes the stand-in GMS's origin while
   * the preview serves each integration's GMS under /i/<name>/gms: the two are compared with
   * that one difference taken out, and without the checksum line, which follows from the content.
   */
  const comparable = (text: string, origin: string, name: string) =>
    text
      .split('\n')
      .filter((line) => !line.includes('gwe-int checksum'))
      .join('\n')
      .replaceAll(`${origin}/i/${name}/gms`, origin)

  it('serves what generate writes for the same local URLs, byte for byte but for the stand-in GMS path', async () => {
    const port = await freePort()
    const cwd = tempDir('gwe-int-preview-bytes-')
    const at = (name: string, rest = '') => `http://127.0.0.1:${port}/i/${name}${rest}`
    await newIntegrations(cwd, [
      ['gms-callback', '--integration', 'cb', '--scenario', 'VOICE-SCHEDULED-USERTERM', '--host', `http://127.0.0.1:${port}`, '--gwe-url', at('cb')],
      ['webapi-chat', '--integration', 'web', '--host', `http://127.0.0.1:${port}`, '--gwe-url', at('web'), '--gwe-version', '8.5'],
      ['third-party', '--integration', 'vendor', '--host', at('vendor', '/vendor/start'), '--gwe-url', at('vendor')],
      ['genesys-widgets', '--integration', 'gw', '--invite-type', 'CALLBACK', '--gwe-url', at('gw')],
    ])
    // generate writes every file again from the merged config (its header names that config).
    const generate = await gweInt(['generate'], {cwd})
    expect(generate.exitCode, String(generate.stderr)).toBe(0)
    const preview = await startPreview(cwd, ['--port', String(port)])
    try {
      expect(preview.url).toBe(`http://127.0.0.1:${port}/`)
      const generated = listFiles(cwd).filter((f) => f.startsWith('widgets/'))
      // Where the preview serves each file: the GWE resources (8.1 /frontend, 8.5 /server),
      // the GMS sample folder, the strategy snippet folder.
      const served = (file: string) => {
        const [, name, rest] = /^widgets\/([^/]+)\/(.+)$/.exec(file)!
        if (rest.startsWith('engagement-logic/') || rest.startsWith('website/')) return `/i/${name}/${rest}`
        if (rest === 'indexGPE.html') return `/i/${name}/gms/genesys/admin/js/sample/cb/${rest}`
        return `/i/${name}${name === 'web' || name === 'gw' ? '/server' : '/frontend'}/resources/${rest}`
      }
      expect(generated.map(served)).toEqual([
        '/i/cb/engagement-logic/notification-message.js',
        '/i/cb/engagement-logic/notify.sh',
        '/i/cb/gms/genesys/admin/js/sample/cb/indexGPE.html',
        '/i/cb/frontend/resources/inviteGMS.html',
        '/i/gw/engagement-logic/notification-message.js',
        '/i/gw/engagement-logic/notify.sh',
        '/i/gw/server/resources/inviteWidgets.html',
        '/i/gw/website/gwe-int-widgets.js',
        '/i/vendor/engagement-logic/notification-message.js',
        '/i/vendor/engagement-logic/notify.sh',
        '/i/vendor/frontend/resources/inviteVendor.html',
        '/i/web/server/resources/chatGPE.html',
        '/i/web/engagement-logic/notification-message.js',
        '/i/web/engagement-logic/notify.sh',
        '/i/web/server/resources/inviteWebApi.html',
      ])
      const index = await (await fetch(preview.url)).text()
      for (const file of generated) {
        const href = served(file)
        expect(index, `${file} is linked from the index`).toContain(`href="${href}"`)
        const res = await fetch(`${preview.origin}${href}`)
        expect(res.status).toBe(200)
        const name = /^widgets\/([^/]+)\//.exec(file)![1]
        expect(comparable(await res.text(), preview.origin, name), file).toBe(comparable(fs.readFileSync(path.join(cwd, file), 'utf8'), preview.origin, name))
      }
    } finally {
      await preview.stop()
    }
  })

  it("serves an integration built from the team's own invite.html and index.html as generate writes it", async () => {
    const port = await freePort()
    const cwd = tempDir('gwe-int-preview-source-')
    const at = (rest = '') => `http://127.0.0.1:${port}/i/own${rest}`
    fs.copyFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'patch', 'guide-invite', 'input.html'), path.join(cwd, 'invite.html'))
    fs.copyFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'patch', 'guide-gms-widget', 'input.html'), path.join(cwd, 'index.html'))
    await newIntegrations(cwd, [
      [
        'gms-chat',
        '--integration',
        'own',
        '--host',
        `http://127.0.0.1:${port}`,
        '--gwe-url',
        at(),
        '--invite-source',
        'invite.html',
        '--widget-source',
        'index.html',
      ],
    ])
    const generate = await gweInt(['generate'], {cwd})
    expect(generate.exitCode, String(generate.stderr)).toBe(0)
    const preview = await startPreview(cwd, ['--port', String(port)])
    try {
      for (const [file, href] of [
        ['widgets/own/inviteGMS.html', '/i/own/frontend/resources/inviteGMS.html'],
        ['widgets/own/indexGPE.html', '/i/own/gms/genesys/admin/js/sample/cb/indexGPE.html'],
      ]) {
        const written = fs.readFileSync(path.join(cwd, file!), 'utf8')
        expect(written, `${file} is the patched copy`).toContain(file!.endsWith('inviteGMS.html') ? 'function startGms(' : 'function gpeStartScenario(')
        const res = await fetch(`${preview.origin}${href}`)
        expect(res.status, href).toBe(200)
        expect(comparable(await res.text(), preview.origin, 'own'), file).toBe(comparable(written, preview.origin, 'own'))
      }
    } finally {
      await preview.stop()
    }
  })

  it('prints the URL and the integrations, and stops cleanly on SIGINT, SIGTERM and SIGHUP', async () => {
    const cwd = tempDir('gwe-int-preview-run-')
    await newIntegrations(cwd, [['gms-chat', '--integration', 'chat']])
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      const preview = await startPreview(cwd)
      expect((await fetch(preview.url)).status).toBe(200)
      const {exitCode, stdout, stderr} = await preview.stop(signal)
      expect(stderr).toBe('')
      expect(exitCode).toBe(0)
      expect(stdout.split('\n')).toEqual([
        `gwe-int preview: ${preview.url}`,
        `  chat  gms-chat         ${preview.origin}/i/chat/`,
        'Press Ctrl-C to stop.',
        `gwe-int preview: stopped (${signal})`,
        '',
      ])
      await expect(fetch(preview.url)).rejects.toThrow()
    }
  })

  it('a signal sent the moment the URL shows stops it cleanly too: exit 0, never killed by the signal', async () => {
    const cwd = tempDir('gwe-int-preview-early-')
    await newIntegrations(cwd, [['gms-chat', '--integration', 'chat']])
    for (let round = 0; round < 3; round += 1) {
      for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
        const child = execa(process.execPath, [path.resolve('bin/run.cjs'), 'preview'], {cwd, reject: false, stdin: 'ignore', env: {NO_COLOR: '1'}})
        let out = ''
        child.stdout!.on('data', (chunk: Buffer) => {
          const first = !out.includes('gwe-int preview: http')
          out += chunk.toString()
          if (first && out.includes('gwe-int preview: http')) child.kill(signal)
        })
        const run = await child
        expect([run.exitCode, run.signal, run.stderr], `${signal}, round ${round}`).toEqual([0, undefined, ''])
      }
    }
  })

  it('--json prints one line with the URL and the integrations; --only narrows them', async () => {
    const cwd = tempDir('gwe-int-preview-json-')
    await newIntegrations(cwd, [
      ['gms-chat', '--integration', 'chat'],
      ['gwe-chat', '--integration', 'builtin'],
    ])
    const child = execa(process.execPath, [path.resolve('bin/run.cjs'), 'preview', '--json', '--only', 'builtin'], {cwd, reject: false, stdin: 'ignore'})
    const line = await new Promise<string>((resolve) => {
      let out = ''
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString()
        if (out.includes('\n')) resolve(out.split('\n')[0])
      })
    })
    const data = JSON.parse(line) as {url: string; config: string; integrations: unknown[]}
    expect(data.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(data.config).toBe(path.join(fs.realpathSync(cwd), 'gwe-int.config.json'))
    expect(data.integrations).toEqual([{name: 'builtin', media: 'gwe-chat', url: `${data.url}i/builtin/`}])
    expect((await fetch(`${data.url}i/chat/`)).status).toBe(404)
    child.kill('SIGTERM')
    expect((await child).exitCode).toBe(0)
  })

  it('--open hands the URL to the platform opener, and warns (still serving) when there is none', async () => {
    const cwd = tempDir('gwe-int-preview-open-')
    await newIntegrations(cwd, [['gms-chat', '--integration', 'chat']])
    const bin = path.join(cwd, 'fake-bin')
    fs.mkdirSync(bin)
    const opened = path.join(cwd, 'opened.txt')
    fs.writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${opened}'\n`, {mode: 0o755})
    const preview = await startPreview(cwd, ['--open'], {PATH: `${bin}${path.delimiter}${process.env.PATH}`})
    try {
      while (!fs.existsSync(opened) || fs.readFileSync(opened, 'utf8') === '') await new Promise((r) => setTimeout(r, 20))
      expect(fs.readFileSync(opened, 'utf8')).toBe(preview.url)
    } finally {
      await preview.stop()
    }
    const empty = path.join(cwd, 'empty-bin')
    fs.mkdirSync(empty)
    const without = await startPreview(cwd, ['--open'], {PATH: empty})
    try {
      while (!without.stderr().includes('\n')) await new Promise((r) => setTimeout(r, 20))
      expect(without.stderr()).toBe(`warning: --open: could not start the browser (xdg-open: ENOENT); open ${without.url} yourself\n`)
      expect((await fetch(without.url)).status).toBe(200)
    } finally {
      await without.stop()
    }
  })

  it('refuses bad input with one line and exit 2', async () => {
    const empty = tempDir('gwe-int-preview-bad-')
    const none = await gweInt(['preview'], {cwd: empty})
    expect(none.exitCode).toBe(2)
    expect(String(none.stderr)).toMatch(/^error: no config: none of gwe-int\.config\.json, .* in .*; create one with "gwe-int new" or pass --config$/)

    await newIntegrations(empty, [['gms-chat', '--integration', 'chat']])
    const only = await gweInt(['preview', '--only', 'nope'], {cwd: empty})
    expect(only.exitCode).toBe(2)
    expect(String(only.stderr)).toMatch(/^error: --only: no integration named nope in .*gwe-int\.config\.json; it has chat$/)

    const badPort = await gweInt(['preview', '--port', '70000'], {cwd: empty})
    expect(badPort.exitCode).toBe(2)
    expect(String(badPort.stderr).trim().split('\n')).toHaveLength(1)
    expect(String(badPort.stderr)).toContain('--port')

    const busy = net.createServer()
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', () => r()))
    const port = (busy.address() as net.AddressInfo).port
    try {
      const taken = await gweInt(['preview', '--port', String(port)], {cwd: empty})
      expect(taken.exitCode).toBe(2)
      expect(String(taken.stderr)).toBe(`error: --port ${port}: 127.0.0.1:${port} is already in use; pick another port or use --port 0 for a free one`)
    } finally {
      busy.close()
    }
  })
})

describe('the preview stand-ins (HTTP, no browser)', () => {
  let preview: RunningPreview
  let gms: string

  beforeAll(async () => {
    const cwd = tempDir('gwe-int-preview-http-')
    await newIntegrations(cwd, [
      ['gms-callback', '--integration', 'cb', '--service', 'callme'],
      ['gms-callback', '--integration', 'orig', '--scenario', 'VOICE-NOW-USERORIG', '--service', 'callme'],
      ['gms-chat', '--integration', 'chat', '--service', 'callme'],
      ['webapi-chat', '--integration', 'web'],
    ])
    preview = await startPreview(cwd)
    gms = `${preview.origin}/i/cb/gms/genesys`
  })
  afterAll(async () => {
    await preview?.stop()
  })

  it('answers only requests addressed to 127.0.0.1 (no DNS rebinding)', async () => {
    const res = await new Promise<number>((resolve, reject) => {
      const req = (net.connect(Number(new URL(preview.origin).port), '127.0.0.1') as net.Socket)
        .on('connect', () => req.end(`GET / HTTP/1.1\r\nHost: evil.example:80\r\nConnection: close\r\n\r\n`))
        .on('data', (chunk) => resolve(Number(/^HTTP\/1\.1 (\d+)/.exec(chunk.toString())?.[1])))
        .on('error', reject)
    })
    expect(res).toBe(403)
  })

  it('callback v1: _customer_number is mandatory, chat media included; the configured service decides StartChat, DialNumber or ConfirmationDialog', async () => {
    const url = `${gms}/1/service/callback/callme`
    const missing = await post(url, '_media_type=chat')
    expect(missing.status).toBe(400)
    expect(await missing.json()).toMatchObject({error: 'callbackCustomerNumber', source: expect.stringContaining('https://docs.genesys.com/')})
    // Each integration's GMS is configured with its scenario's preset (chat: CHAT-NOW; orig: VOICE-NOW-USERORIG; cb: VOICE-NOW-USERTERM).
    const chatGms = `${preview.origin}/i/chat/gms/genesys`
    const chat = (await (await post(`${chatGms}/1/service/callback/callme`, '_customer_number=5550100')).json()) as Record<string, unknown>
    expect(chat).toMatchObject({
      _action: 'StartChat',
      _id: expect.stringMatching(/^preview-\d{4}$/),
      _start_chat_url: `${chatGms}/1/service/${chat._id}/ixn/chat`,
      _chat_parameters: {subject: expect.any(String)},
    })
    expect(await (await post(`${preview.origin}/i/orig/gms/genesys/1/service/callback/callme`, '_customer_number=5550100')).json()).toMatchObject({
      _action: 'DialNumber',
      _tel_url: 'tel:+15555550100',
    })
    // A request cannot change the service's direction: answered as configured, and noted in the log with the source.
    await preview.clear('cb')
    expect(await (await post(url, '_call_direction=USERORIGINATED&_customer_number=5550100')).json()).toMatchObject({
      _action: 'ConfirmationDialog',
      _text: expect.any(String),
    })
    const [noted] = await preview.requests('cb')
    expect(noted.warnings).toEqual([
      expect.stringMatching(/^_call_direction=USERORIGINATED: This is an option of the callback service's configuration;.*RequestFromIVR/),
    ])
    // A time the availability query did not offer is refused.
    expect((await post(url, '_call_direction=USERTERMINATED&_customer_number=5550100&_desired_time=2030-01-01T10:00:00.000Z')).status).toBe(400)
    expect(await (await post(`${gms}/1/service/request-chat`, '')).json()).toEqual({
      '_chatIxnAPI-CREATE-URL': expect.stringMatching(/^\/genesys\/1\/service\/preview-\d{4}\/ixn\/chat$/),
      _id: expect.any(String),
    })
    expect((await post(`${gms}/1/service/request-interaction`, '_customer_number=1')).status).toBe(400)
    expect((await fetch(`${gms}/1/service/callback/callme`)).status).toBe(404)
  })

  it('records method, path, form or multipart params and the gms_user header', async () => {
    await preview.clear('cb')
    const form = new FormData()
    form.set('_customer_number', '+1 555')
    form.set('visitID', 'V1')
    await fetch(`${gms}/1/service/callback/callme`, {method: 'POST', body: form, headers: {gms_user: 'ada'}})
    const [r] = await preview.requests('cb')
    expect(r).toMatchObject({
      service: 'gms',
      method: 'POST',
      path: '/genesys/1/service/callback/callme',
      url: '/i/cb/gms/genesys/1/service/callback/callme',
      params: {_customer_number: '+1 555', visitID: 'V1'},
      status: 200,
    })
    expect(r.headers.gms_user).toBe('ada')
    expect(r.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/)
  })

  it('refuses state changes from other sites and simple content types to its controls; its own origin and plain clients are served', async () => {
    const control = `${preview.origin}/__gwe-int/gms-mode`
    const modes = async () => (await (await fetch(control)).json()) as unknown
    const before = await modes()
    const json = JSON.stringify({integration: 'cb', status: 503})
    const evil = {origin: 'http://evil.example'}
    // Another page's form (text/plain or urlencoded) or fetch, whatever it claims to send.
    expect((await post(control, json, 'text/plain', evil)).status).toBe(403)
    expect((await post(control, json, 'application/json', evil)).status).toBe(403)
    expect((await post(control, json, 'application/json', {origin: 'null'})).status).toBe(403)
    expect((await post(control, json, 'application/json', {'sec-fetch-site': 'cross-site'})).status).toBe(403)
    expect((await post(control, json, 'application/json', {'sec-fetch-site': 'same-site'})).status).toBe(403)
    // Without an Origin, a type a form can send is still refused at the controls.
    expect((await post(control, json, 'text/plain')).status).toBe(415)
    expect((await post(control, 'integration=cb&status=503')).status).toBe(415)
    expect(await modes()).toEqual(before)
    // The request log: a form post from another site neither lands in it nor clears it.
    await preview.clear('cb')
    const forged = await post(`${gms}/1/service/callback/callme`, '_media_type=chat&_customer_number=1', undefined, evil)
    expect(forged.status).toBe(403)
    expect(await preview.requests('cb')).toEqual([])
    expect((await post(`${gms}/1/service/callback/callme`, '_media_type=chat&_customer_number=1', undefined, {origin: preview.origin})).status).toBe(200)
    expect(await preview.requests('cb')).toHaveLength(1)
    const cleared = await fetch(`${preview.origin}/__gwe-int/requests?integration=cb`, {method: 'DELETE', headers: evil})
    expect(cleared.status).toBe(403)
    expect(await preview.requests('cb')).toHaveLength(1)
    // Its own pages, and clients that are not browsers.
    const own = await post(control, json, 'application/json', {origin: preview.origin, 'sec-fetch-site': 'same-origin'})
    expect([own.status, await own.json()]).toEqual([200, {integration: 'cb', status: 503, loadBalanced: false}])
    expect((await post(control, JSON.stringify({integration: 'cb', status: 0}), 'application/json; charset=utf-8')).status).toBe(200)
  })

  it('error mode: every GMS request gets the chosen status until it is switched off', async () => {
    const mode = (body: unknown) => post(`${preview.origin}/__gwe-int/gms-mode`, JSON.stringify(body), 'application/json')
    expect((await mode({integration: 'nope', status: 503})).status).toBe(400)
    expect((await mode({integration: 'cb', status: 42})).status).toBe(400)
    expect((await mode({integration: 'cb', status: 500, body: {exception: 'CallbackExceptionAvailability'}})).status).toBe(200)
    const failed = await post(`${gms}/1/service/callback/callme`, '_media_type=chat&_customer_number=1')
    expect([failed.status, await failed.json()]).toEqual([500, {exception: 'CallbackExceptionAvailability'}])
    expect((await mode({integration: 'cb', status: 200})).status).toBe(200)
    expect((await post(`${gms}/1/service/callback/callme`, '_media_type=chat&_customer_number=1')).status).toBe(200)
  })

  it('Chat API v2: create, send, refresh with the scripted agent, credentials checked, disconnect', async () => {
    const chat = `${preview.origin}/i/web/gms/genesys/2/chat/customer-support`
    expect((await post(chat, 'subject=x')).status).toBe(400)
    const created = (await (await post(chat, 'nickname=Ada&userData%5BvisitID%5D=V')).json()) as Record<string, unknown>
    expect(created).toMatchObject({
      statusCode: 0,
      alias: expect.any(String),
      chatEnded: false,
      nextPosition: 2,
      messages: [{type: 'ParticipantJoined', index: 1, from: {nickname: 'Ada', type: 'Client'}}],
    })
    const auth = `userId=${created.userId}&secureKey=${created.secureKey}&alias=${created.alias}`
    const at = (action: string) => `${chat}/${created.chatId}/${action}`
    expect((await post(at('send'), `userId=${created.userId}&secureKey=wrong&alias=${created.alias}&message=hi`)).status).toBe(400)
    const sent = (await (await post(at('send'), `${auth}&message=hi`)).json()) as Record<string, unknown>
    expect(sent).toMatchObject({statusCode: 0, messages: []})
    // No position past messages the answer does not carry (a client would skip them).
    expect(sent).not.toHaveProperty('nextPosition')
    const refreshed = (await (await post(at('refresh'), `${auth}&transcriptPosition=2`)).json()) as {
      messages: {type: string; text?: string; from: {type: string}}[]
      nextPosition: number
    }
    expect(refreshed.messages.map((m) => [m.from.type, m.type, m.text])).toEqual([
      ['Client', 'Message', 'hi'],
      ['Agent', 'ParticipantJoined', undefined],
      ['Agent', 'TypingStarted', undefined],
    ])
    expect(refreshed.nextPosition).toBe(5)
    expect(await (await post(at('disconnect'), auth)).json()).toMatchObject({chatEnded: true})
    expect((await post(at('refresh'), auth)).status).toBe(400)
  })

  it('notify: a JSON array of messages with page and channel, else 400', async () => {
    const notify = `${preview.origin}/i/cb/frontend/data/notification/notify/V1`
    expect((await post(notify, '[]', 'text/plain')).status).toBe(400)
    expect((await post(notify, '{"page":"P"}', 'application/json')).status).toBe(400)
    expect((await post(notify, '[{"page":"P"}]', 'application/json')).status).toBe(400)
    const ok = await post(notify, '[{"page":"P","channel":"gpe.appendContent","data":{"url":"/x"}}]', 'application/json')
    expect([ok.status, await ok.text()]).toEqual([200, ''])
    expect((await preview.requests('cb', 'gwe')).at(-1)).toMatchObject({path: '/frontend/data/notification/notify/V1', response: {delivered: 0}})
  })
})

describeBrowser('the preview in Chromium: its own page switches the GMS error mode, a page of another site cannot', () => {
  const env = usePreviewBrowser({prefix: 'gwe-int-preview-origin-', integrations: [['gms-chat', '--integration', 'chat']]})
  let other: http.Server
  let otherOrigin: string

  // Runs after the set-up above (and its afterAll after this one's).
  beforeAll(async () => {
    const control = `${env.preview.origin}/__gwe-int/gms-mode`
    // A page on another origin of the same machine: a form whose text/plain body is JSON, and a no-cors fetch.
    const page = `<!doctype html><title>other site</title>
<form id="form" method="post" enctype="text/plain" action="${control}"><input name='{"integration":"chat","status":503,"x":"' value='"}'></form>
<script>function sendFetch() { return fetch(${JSON.stringify(control)}, {method: 'POST', mode: 'no-cors', headers: {'content-type': 'text/plain'}, body: '{"integration":"chat","status":503}'}).then(function () { return 'sent' }, function (e) { return String(e) }) }</script>`
    other = http.createServer((_req, res) => {
      res.writeHead(200, {'content-type': 'text/html; charset=utf-8'})
      res.end(page)
    })
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve))
    otherOrigin = `http://127.0.0.1:${(other.address() as net.AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise((resolve) => other?.close(resolve))
  })

  it('a form post and a no-cors fetch from another origin change nothing; the select on its own page does', ({task}) =>
    env.withSession(task, async ({page}) => {
      const modes = async () => ((await (await fetch(`${env.preview.origin}/__gwe-int/gms-mode`)).json()) as {modes: Record<string, {status: number}>}).modes
      const before = await modes()
      await page.goto(`${otherOrigin}/`)
      expect(await page.evaluate('sendFetch()')).toBe('sent')
      await Promise.all([page.waitForURL(`${env.preview.origin}/__gwe-int/gms-mode`), page.locator('#form').evaluate((f) => (f as HTMLFormElement).submit())])
      expect(await page.locator('body').textContent()).toContain('gwe-int preview: refusing POST /__gwe-int/gms-mode')
      expect(await modes()).toEqual(before)
      await page.goto(`${env.preview.origin}/i/chat/`)
      await page.locator('#gms-mode').selectOption('503')
      await expect.poll(async () => (await modes()).chat?.status).toBe(503)
      await page.locator('#gms-mode').selectOption('200')
      await expect.poll(async () => (await modes()).chat?.status ?? 200).toBe(200)
    }))
})
