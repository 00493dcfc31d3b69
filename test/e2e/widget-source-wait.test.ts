/**
 * `new gms-chat --widget-source` (the team's own GMS sample) waits for the visitor: the
 * patched page's script is run as written, with the sample's jQuery calls and its
 * gmsInterface answered by small recorders (the real ones are on the team's GMS, not
 * public). On load nothing is posted; after the visitor fills the sample's form and presses
 * its connect button, one request goes out with what the visitor typed.
 */
import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import {describe, expect, it} from 'vitest'
import {gweInt, ROOT, tempDir} from '../helpers/cli.js'
import {inlineScripts} from '../helpers/parse.js'

interface Posted {
  scenario: string
  url: string
  serviceUrl: string
  params: Record<string, string>
  headers: Record<string, string>
}

/** The sample page's elements, by id, as far as its script uses them. */
function samplePage(query: string) {
  const values: Record<string, string> = {
    url: 'https://gms.acme.test/genesys',
    service_name: 'samples_new',
    user_name: '',
    provide_code: 'false',
    scenario: 'CHAT-NOW',
  }
  const clicks: Record<string, () => void> = {}
  const ready: (() => void)[] = []
  const posted: Posted[] = []
  let focused = ''
  const element = (selector: string) => {
    const id = selector === '#settings [name=service_name]' ? 'service_name' : selector.replace(/^#/, '')
    return {
      val(v?: string) {
        if (v === undefined) return values[id] ?? ''
        values[id] = String(v)
        return this
      },
      click(fn?: () => void) {
        if (fn) clicks[id] = fn
        else clicks[id]?.()
        return this
      },
      change() {
        return this
      },
      toggle() {
        return this
      },
      text() {
        return this
      },
      focus() {
        focused = id
        return this
      },
    }
  }
  const $ = (what: unknown) => {
    if (typeof what === 'function') return void ready.push(what as () => void)
    if (typeof what === 'string') return element(what)
    return {ready: (fn: () => void) => ready.push(fn)}
  }
  const gmsInterface = {
    createCallback(scenario: string, url: string, serviceUrl: string, params: Record<string, string>, headers: Record<string, string>) {
      posted.push({scenario, url, serviceUrl, params: {...params}, headers: {...headers}})
    },
  }
  const context = vm.createContext({
    $,
    gmsInterface,
    document: {},
    window: {location: {href: `https://gms.acme.test/genesys/admin/js/sample/cb/indexGPE.html?${query}`}},
    JSON,
    Math,
    String,
  })
  return {
    context,
    values,
    posted,
    load: () => {
      for (const fn of ready) fn()
    },
    press: (id: string) => clicks[id]?.(),
    focused: () => focused,
  }
}

describe('gms-chat built from the team GMS sample (built binary)', () => {
  it.each(['CHAT-NOW', 'CHAT-WAIT', 'REQUEST-CHAT'])('%s: nothing is posted on load; the visitor fills the form first', async (scenario) => {
    const cwd = tempDir()
    fs.copyFileSync(path.join(ROOT, 'test/fixtures/patch/guide-gms-widget/input.html'), path.join(cwd, 'index.html'))
    const run = await gweInt(['new', 'gms-chat', '--scenario', scenario, '--host', 'https://gms.acme.test', '--widget-source', 'index.html', '--yes'], {cwd})
    expect(run.exitCode, String(run.stderr)).toBe(0)
    const html = fs.readFileSync(path.join(cwd, 'widgets/gms-chat/indexGPE.html'), 'utf8')
    const page = samplePage(`gmsScenario=${scenario}&visitId=V0123&pageId=P9`)
    for (const script of inlineScripts(html)) vm.runInContext(script, page.context)
    page.load()

    // On load: the scenario and service are set, the name field waits for the visitor, nothing is sent.
    expect(page.posted).toEqual([])
    expect([page.values.scenario, page.values.service_name, page.focused()]).toEqual([scenario, 'samples_new', 'first_name'])
    // gms_user will be the visit ID, not empty.
    expect(page.values.user_name).toBe('V0123')

    Object.assign(page.values, {first_name: 'Ada', last_name: 'Lovelace', contact_number: '+44 20 7946 0000'})
    page.press('connect')
    expect(page.posted).toHaveLength(1)
    const [sent] = page.posted
    expect(sent.scenario).toBe(scenario)
    expect(sent.headers).toEqual({gms_user: 'V0123'})
    expect(sent.params).toMatchObject({
      first_name: 'Ada',
      last_name: 'Lovelace',
      _customer_number: '+44 20 7946 0000',
      visitID: 'V0123',
      pageID: 'P9',
      webengagement: '',
    })
  })
})
