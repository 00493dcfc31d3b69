import fs from 'node:fs'
import type {Browser} from 'playwright-core'
import {afterAll, beforeAll, expect} from 'vitest'
import {launchBrowser, newIntegrations, type RunningPreview, type Session, startPreview, withSession} from './browser.js'
import {tempDir} from './files.js'

export interface PreviewBrowser {
  /** The generated project's folder. */
  readonly cwd: string
  readonly browser: Browser
  readonly preview: RunningPreview
  /** withSession() on this browser: a fresh context and page for one test. */
  withSession<T>(test: Parameters<typeof withSession>[1], body: (session: Session) => Promise<T>): Promise<T>
}

/**
 * For the describe() it is called in: beforeAll generates `integrations` (`gwe-int new` args,
 * see newIntegrations) into a new temp folder named `prefix`…, then launches Chromium and
 * starts the preview there; afterAll closes whatever of the two started (even when set-up
 * failed half-way), expects the preview to exit 0, and removes the folder. The accessors
 * throw before set-up ran.
 */
export function usePreviewBrowser(options: {prefix: string; integrations: string[][]; timeout?: number}): PreviewBrowser {
  let cwd: string | undefined
  let browser: Browser | undefined
  let preview: RunningPreview | undefined
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`usePreviewBrowser: no ${what} (set-up did not run or failed)`)
    return value
  }

  beforeAll(async () => {
    cwd = tempDir(options.prefix)
    await newIntegrations(cwd, options.integrations)
    // Both settle before a failure is thrown, so afterAll sees whichever one started.
    const results = await Promise.allSettled([launchBrowser().then((b) => (browser = b)), startPreview(cwd).then((p) => (preview = p))])
    for (const r of results) if (r.status === 'rejected') throw r.reason
  }, options.timeout)

  afterAll(async () => {
    const [closed, stopped] = await Promise.allSettled([browser?.close(), preview?.stop()])
    if (cwd) fs.rmSync(cwd, {recursive: true, force: true})
    if (closed.status === 'rejected') throw closed.reason
    if (stopped.status === 'rejected') throw stopped.reason
    if (stopped.value) expect(stopped.value.exitCode).toBe(0)
  })

  return {
    get cwd() {
      return started(cwd, 'folder')
    },
    get browser() {
      return started(browser, 'browser')
    },
    get preview() {
      return started(preview, 'preview')
    },
    withSession: (test, body) => withSession(started(browser, 'browser'), test, body),
  }
}
