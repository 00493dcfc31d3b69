/**
 * Shared by the browser suite: Debian's Chromium through playwright-core (never a
 * downloaded browser), the built `gwe-int preview` started with execa, and a guard
 * that blocks and reports any request leaving 127.0.0.1.
 */
import {execa, type ResultPromise} from 'execa'
import fs from 'node:fs'
import path from 'node:path'
import {chromium, type Browser, type BrowserContext, type Page} from 'playwright-core'
import {describe, expect, it} from 'vitest'
import type {RecordedRequest} from '../../src/preview/recorder.js'
import {BIN, gweInt, ROOT} from './cli.js'

export const CHROMIUM = process.env.GWE_INT_CHROMIUM ?? '/usr/bin/chromium'
export const CHROMIUM_FOUND = fs.existsSync(CHROMIUM)
/** CI=true (or any value but "false"/"0") makes a missing browser a failure. */
export const IN_CI = Boolean(process.env.CI) && !['false', '0'].includes(process.env.CI!.toLowerCase())
export const SKIP_LINE = `browser tests skipped: no Chromium at ${CHROMIUM}; install it with "apt-get install chromium" (or point GWE_INT_CHROMIUM at one) to run them`
export const SCREENSHOTS = path.join(ROOT, 'test-output', 'screenshots')

/** The flags the issue fixes; Playwright gives each launch a fresh temporary --user-data-dir. */
export const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

/**
 * A describe() for browser tests: runs when Chromium is there; without it, fails under
 * CI and is skipped elsewhere (test/browser/chromium.test.ts prints the one line saying why).
 */
export function describeBrowser(name: string, body: () => void): void {
  if (CHROMIUM_FOUND) describe(name, body)
  else if (IN_CI) {
    describe(name, () => {
      it('needs Chromium under CI', () => {
        throw new Error(`CI is set but there is no Chromium at ${CHROMIUM}; .ci/run installs it with "apt-get install chromium"`)
      })
    })
  } else describe.skip(name, body)
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS})
}

export interface RunningPreview {
  origin: string
  url: string
  process: ResultPromise
  stdout: () => string
  requests(integration: string, service?: RecordedRequest['service']): Promise<RecordedRequest[]>
  clear(integration: string): Promise<void>
  gmsMode(integration: string, status: number): Promise<void>
  stderr: () => string
  /** SIGTERM (or the given signal), then the exit code and output. */
  stop(signal?: NodeJS.Signals): Promise<{exitCode: number | undefined; stdout: string; stderr: string}>
}

const URL_LINE = /^gwe-int preview: (http:\/\/127\.0\.0\.1:(\d+)\/)$/m

/**
 * Starts the built `gwe-int preview` and resolves once it printed its URL.
 * `command`: what runs gwe-int (default: the build, `node bin/run.cjs`).
 */
export async function startPreview(
  cwd: string,
  args: string[] = [],
  env: Record<string, string> = {},
  command: string[] = [process.execPath, BIN],
): Promise<RunningPreview> {
  const [file, ...pre] = command
  const child = execa(file, [...pre, 'preview', ...args], {cwd, reject: false, stdin: 'ignore', env: {NO_COLOR: '1', ...env}, buffer: true})
  let out = ''
  let err = ''
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const m = URL_LINE.exec(out)
      if (m) resolve(m[1])
    }
    child.stdout!.on('data', check)
    child.then((r) => reject(new Error(`gwe-int preview exited (${r.exitCode}) before printing its URL: ${err || out}`)))
  })
  const origin = url.replace(/\/$/, '')
  const api = `${origin}/__gwe-int`
  return {
    origin,
    url,
    process: child,
    stdout: () => out,
    stderr: () => err,
    async requests(integration, service) {
      const data = (await (await fetch(`${api}/requests?integration=${encodeURIComponent(integration)}`)).json()) as {requests: RecordedRequest[]}
      return service ? data.requests.filter((r) => r.service === service) : data.requests
    },
    async clear(integration) {
      await fetch(`${api}/requests?integration=${encodeURIComponent(integration)}`, {method: 'DELETE'})
    },
    async gmsMode(integration, status) {
      const res = await fetch(`${api}/gms-mode`, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify({integration, status})})
      expect(res.status).toBe(200)
    },
    async stop(signal = 'SIGTERM') {
      child.kill(signal)
      const r = await child
      return {exitCode: r.exitCode, stdout: out, stderr: err}
    },
  }
}

/**
 * `gwe-int new <args> --yes` for each integration, in one temp project. The runs go four
 * at a time, each recording into its own config file; the entries are then merged, in
 * order, into ./gwe-int.config.json (what sequential runs would have written).
 */
export async function newIntegrations(cwd: string, list: string[][]): Promise<void> {
  const configs = list.map((_, n) => `.new-${n}.config.json`)
  const queue = list.map((args, n) => ({args, config: configs[n]}))
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const run = await gweInt(['new', ...job.args, '--yes', '--config', job.config], {cwd})
      expect(run.exitCode, `gwe-int new ${job.args.join(' ')}: ${String(run.stderr)}`).toBe(0)
    }
  }
  await Promise.all([worker(), worker(), worker(), worker()])
  const integrations = configs.flatMap((file) => (JSON.parse(fs.readFileSync(path.join(cwd, file), 'utf8')) as {integrations: unknown[]}).integrations)
  const first = JSON.parse(fs.readFileSync(path.join(cwd, configs[0]), 'utf8')) as Record<string, unknown>
  fs.writeFileSync(path.join(cwd, 'gwe-int.config.json'), `${JSON.stringify({...first, integrations}, null, 2)}\n`)
  for (const file of configs) fs.rmSync(path.join(cwd, file))
}

export interface Session {
  context: BrowserContext
  page: Page
  /** Every URL the browser requested, popups included. */
  requested: string[]
  /** Requests to anything but 127.0.0.1, aborted before they left. */
  blocked: string[]
}

const LOCAL = /^(http:\/\/127\.0\.0\.1:\d+\/|about:|data:|blob:)/

export async function openSession(browser: Browser): Promise<Session> {
  const context = await browser.newContext()
  context.setDefaultTimeout(10_000)
  const requested: string[] = []
  const blocked: string[] = []
  await context.route('**/*', (route) => {
    const url = route.request().url()
    if (LOCAL.test(url)) return route.continue()
    blocked.push(url)
    return route.abort('blockedbyclient')
  })
  context.on('request', (r) => requested.push(r.url()))
  const page = await context.newPage()
  return {context, page, requested, blocked}
}

type TestInfo = {name: string; file?: {name: string}}

/**
 * Runs `body` with a fresh browser context (its own cookies, pages and popups), so tests
 * can run concurrently. On failure (or always with GWE_INT_SCREENSHOTS=always) every page
 * is written to test-output/screenshots/; then no request may have left 127.0.0.1.
 */
export async function withSession<T>(browser: Browser, test: TestInfo, body: (session: Session) => Promise<T>): Promise<T> {
  const session = await openSession(browser)
  try {
    let result: T
    try {
      result = await body(session)
    } catch (error) {
      await screenshots(session, test)
      throw error
    }
    if (process.env.GWE_INT_SCREENSHOTS === 'always') await screenshots(session, test)
    expect(session.blocked, 'requests that tried to leave 127.0.0.1').toEqual([])
    expect(
      session.requested.filter((u) => !LOCAL.test(u)),
      'requests outside 127.0.0.1',
    ).toEqual([])
    return result
  } finally {
    await session.context.close()
  }
}

async function screenshots(session: Session, test: TestInfo): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, {recursive: true})
  const slug = (s: string) =>
    s
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80)
  const prefix = `${slug(path.basename(test.file?.name ?? 'browser', '.test.ts'))}--${slug(test.name)}`
  const pages = session.context.pages()
  for (const [n, page] of pages.entries()) {
    if (page.isClosed()) continue
    await page.screenshot({path: path.join(SCREENSHOTS, `${prefix}--${n}.png`), fullPage: true}).catch(() => undefined)
  }
}

export interface Ids {
  visitID: string
  pageID: string
}

/** The customer page of one integration, with its notification channel open. */
export async function openCustomerPage(session: Session, preview: RunningPreview, integration: string, ids: Ids): Promise<Page> {
  const page = session.page
  await page.goto(`${preview.origin}/i/${integration}/?visitID=${encodeURIComponent(ids.visitID)}&pageID=${encodeURIComponent(ids.pageID)}`)
  await page.locator('#channel-status[data-state="open"]').waitFor()
  expect(await page.locator('#visit-id').textContent()).toBe(ids.visitID)
  expect(await page.locator('#page-id').textContent()).toBe(ids.pageID)
  return page
}

/** Clicks "Deliver invitation" (the strategy snippet + notify) and waits for the invitation. */
export async function deliverInvitation(page: Page): Promise<void> {
  await page.locator('#deliver').click()
  await page.locator('#gwe-int-invite').waitFor()
}

/** Accepts and follows the popup the invitation opens, once it left about:blank. */
export async function acceptIntoPopup(page: Page): Promise<Page> {
  const popupEvent = page.waitForEvent('popup')
  await page.locator('#gwe-int-invite-accept').click()
  const popup = await popupEvent
  await popup.waitForURL((u) => u.protocol === 'http:')
  await popup.waitForLoadState()
  return popup
}

export async function inviteResults(page: Page): Promise<string[]> {
  await page.locator('#invite-results li').first().waitFor()
  return page.locator('#invite-results li').allTextContents()
}

/** The notify request the "Deliver invitation" button made, checked against the Notification Service contract (docs/genesys.md#notify). */
export function expectNotify(notify: RecordedRequest | undefined, opts: {prefix: string; ids: Ids; inviteUrl: string}): void {
  expect(notify, 'the Notification Service stand-in got the notify call').toBeDefined()
  expect(notify!.method).toBe('POST')
  expect(notify!.path).toBe(`${opts.prefix}/data/notification/notify/${opts.ids.visitID}`)
  expect(notify!.headers['content-type']).toBe('application/json')
  expect(notify!.json).toEqual([{page: opts.ids.pageID, channel: 'gpe.appendContent', data: {url: opts.inviteUrl, method: 'GET', container: 'body'}}])
  expect(notify!.response).toEqual({delivered: 1})
}
