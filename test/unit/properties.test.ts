/**
 * Property tests through the core (integrationSchema -> resolveIntegration ->
 * planIntegration), one per user-supplied field: for any value validation accepts,
 * every generated script parses (ES5, as old pages and Composer need), each HTML page
 * keeps the number of scripts it has with plain values, and the string literal that
 * carries the value evaluates to exactly that value (or its documented normalization:
 * trimmed, https:// added to a bare host, trailing slashes dropped). For raw arbitrary
 * strings, each is either rejected with a message naming the field or goes through
 * the same checks: nothing is accepted and then altered on the way to the output.
 */
import {spawnSync} from 'node:child_process'
import path from 'node:path'
import type {Literal, Node} from 'acorn'
import {simple} from 'acorn-walk'
import fc from 'fast-check'
import {binaryString} from '../helpers/binary-string.js'
import {parseFragment, parse as parseHtml, type DefaultTreeAdapterMap} from 'parse5'
import {beforeEach, describe, expect, it} from 'vitest'
import {findMedium, MEDIA} from '../../src/catalog/media.js'
import {normalizeHost} from '../../src/core/integration/host.js'
import {formatIssues, integrationSchema, resolveIntegration, type IntegrationEntry} from '../../src/core/integration/integration.js'
import {planIntegration} from '../../src/core/write/plan.js'
import * as v from '../../src/core/integration/validate.js'
import {inlineScripts, parseScript} from '../helpers/parse.js'
import {runs} from '../helpers/runs.js'

const BASE = '/project'
const OUT = path.join(BASE, 'out')
const RUNS = runs(100)

type Files = Record<string, string>

/** Artifact of each generated file, by path below `out`. */
const ARTIFACT_OF = new Map<string, string>()

/** The entry through schema, resolution and planning: files by path below `out`, or the error lines. */
function generate(entry: Record<string, unknown>): {files?: Files; errors?: string[]} {
  const parsed = integrationSchema.safeParse({out: 'out', ...entry})
  if (!parsed.success) return {errors: formatIssues(parsed.error)}
  const planned = planIntegration(resolveIntegration(parsed.data as IntegrationEntry), {
    baseDir: BASE,
    regenerate: 'run "gwe-int generate"',
    readText: () => {
      throw new Error('no sources in these tests')
    },
  })
  const files: Files = {}
  for (const f of planned) {
    const rel = path.relative(OUT, f.path).split(path.sep).join('/')
    files[rel] = f.content
    ARTIFACT_OF.set(rel, f.artifact)
  }
  return {files}
}

const HOST_OF: Record<string, string> = {'third-party': 'https://chat.vendor.example/start'}
const plain = (media: string): Record<string, unknown> => {
  const m = MEDIA.find((x) => x.id === media)!
  return {name: 'plain', media, ...(m.requires.includes('host') ? {host: HOST_OF[media] ?? 'https://gms.example.com'} : {})}
}

/** Scripts per HTML artifact with plain values: the count every variant must keep. */
const BASELINE: Record<string, Record<string, number>> = Object.fromEntries(
  MEDIA.map((m) => [
    m.id,
    Object.fromEntries(
      Object.entries(generate(plain(m.id)).files!)
        .filter(([f]) => f.endsWith('.html'))
        .map(([f, text]) => [ARTIFACT_OF.get(f)!, inlineScripts(text).length]),
    ),
  ]),
)

/** The trees of the scripts the last checkParses parsed, by text: expectLiteral reads them instead of parsing again. */
const PARSED = new Map<string, ReturnType<typeof parseScript>>()

/**
 * What the current test has checked already, by text: the scripts that parse, and each
 * page's inline scripts. Most values change some of a medium's files and leave the
 * others as the previous case wrote them; the same text parses the same way, so
 * checkParses checks each text once per test.
 */
const PARSES = new Set<string>()
const SCRIPTS_OF = new Map<string, string[]>()
beforeEach(() => {
  PARSES.clear()
  SCRIPTS_OF.clear()
})

/** Every script of every file parses; HTML pages keep their script count. Returns the JS of each file. */
function checkParses(media: string, files: Files): Record<string, string> {
  const code: Record<string, string> = {}
  PARSED.clear()
  const pages = Object.keys(files).filter((f) => f.endsWith('.html'))
  expect(pages.length).toBe(Object.keys(BASELINE[media]).length)
  for (const [file, text] of Object.entries(files)) {
    if (file.endsWith('.html')) {
      const scripts = SCRIPTS_OF.get(text) ?? inlineScripts(text)
      SCRIPTS_OF.set(text, scripts)
      expect(scripts.length, `${file}: number of scripts`).toBe(BASELINE[media][ARTIFACT_OF.get(file)!])
      code[file] = scripts.join('\n;\n')
    } else if (file.endsWith('.js')) code[file] = text
    else continue
    if (PARSES.has(code[file])) continue
    PARSED.set(code[file], parseScript(code[file], 5))
    PARSES.add(code[file])
  }
  return code
}

interface StringLiteral {
  value: string
  raw: string
}

function stringLiterals(code: string): StringLiteral[] {
  const out: StringLiteral[] = []
  simple((PARSED.get(code) ?? parseScript(code, 5)) as Node, {
    Literal(node: Literal) {
      if (typeof node.value === 'string') out.push({value: node.value, raw: code.slice(node.start, node.end)})
    },
  })
  return out
}

/**
 * The literal carrying `expected` exists, and both JSON.parse and a JS engine read its
 * source text as `expected`. Values arrive through jsString, so in double quotes; the
 * templates' own literals are single-quoted.
 */
function expectLiteral(code: string, expected: string, where: string): void {
  const found = stringLiterals(code).filter((l) => l.value === expected && l.raw.startsWith('"'))
  expect(found.length, `${where}: a string literal holding ${JSON.stringify(expected)}`).toBeGreaterThan(0)
  for (const literal of found) {
    expect(JSON.parse(literal.raw)).toBe(expected)
    expect(new Function(`return ${literal.raw};`)()).toBe(expected)
  }
}

type Element = DefaultTreeAdapterMap['element']

function attributeOf(html: string, id: string, name: string): string | undefined {
  const doc = /^\s*(<!--.*-->\s*)?<!doctype/is.test(html) ? parseHtml(html) : parseFragment(html)
  let value: string | undefined
  const walk = (node: DefaultTreeAdapterMap['node']) => {
    const el = node as Element
    if (el.attrs?.some((a) => a.name === 'id' && a.value === id)) value = el.attrs.find((a) => a.name === name)?.value
    for (const child of el.childNodes ?? []) walk(child)
  }
  walk(doc as unknown as DefaultTreeAdapterMap['node'])
  return value
}

/** What the shell assigns in a line `name=WORD` of notify.sh. */
function shellValue(script: string, name: string): string {
  const line = script.split('\n').find((l) => l.startsWith(`${name}=`))!
  const run = spawnSync('sh', ['-c', `${line}\nprintf '%s' "$${name}"`], {encoding: 'utf8'})
  expect(run.status, run.stderr).toBe(0)
  return run.stdout
}

function shellSyntaxOk(script: string): void {
  const run = spawnSync('sh', ['-n'], {input: script, encoding: 'utf8'})
  expect(run.status, run.stderr).toBe(0)
}

// ---- generators of accepted values ---------------------------------------------------------

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,8}[a-z0-9])?$/)
const hostName = fc.oneof(
  fc.array(label, {minLength: 1, maxLength: 3}).map((labels) => labels.join('.')),
  fc.ipV4(),
  fc.ipV6().map((a) => `[${a}]`),
  fc.constant('localhost'),
)
/** Path and query text: URL punctuation, JS and HTML look-alikes validation lets through, any Unicode. */
const urlText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '&',
        ';',
        '(',
        ')',
        '{',
        '}',
        '$',
        '%',
        '%3C',
        '!',
        '*',
        '+',
        ',',
        '=',
        ':',
        '@',
        '~',
        '.',
        '-',
        '_',
        '|',
        '^',
        '[',
        ']',
        '${x}',
        '*/',
        '/*',
        '--',
        '//',
        '\u00e9',
        '\u{1F600}',
        '\u4e2d',
        '\u0645',
      ),
      fc.string({unit: 'grapheme', minLength: 1, maxLength: 2}),
      fc.stringMatching(/^[A-Za-z0-9]{1,6}$/),
    ),
    {maxLength: 6},
  )
  .map((parts) => parts.join(''))
const urlPath = fc.array(urlText, {maxLength: 3}).map((segments) => (segments.length ? `/${segments.join('/')}` : ''))
const port = fc.option(fc.integer({min: 1, max: 65535}), {nil: undefined}).map((p) => (p === undefined ? '' : `:${p}`))
const scheme = fc.constantFrom('https', 'http', 'HTTPS')

const baseUrl = fc
  .tuple(scheme, hostName, port, urlPath, fc.constantFrom('', '', '/', '//'))
  .map(([s, h, p, pth, slash]) => `${s}://${h}${p}${pth}${slash}`)
  .filter((u) => v.normalizeBaseUrl(u).error === undefined)
/** A GMS host: no path but, now and then, the /genesys path people copy from a GMS URL (dropped with a note). */
const gmsHost = fc
  .tuple(scheme, hostName, port, fc.constantFrom('', '', '/', '//', '/genesys', '/genesys/', '/GENESYS//'))
  .map(([s, h, p, tail]) => `${s}://${h}${p}${tail}`)
  .filter((u) => normalizeHost(u, findMedium('gms-chat')!).error === undefined)
const bareHost = fc
  .tuple(fc.array(label, {minLength: 1, maxLength: 3}), port)
  .map(([labels, p]) => `${labels.join('.')}${p}`)
  .filter((u) => v.normalizeBaseUrl(u).error === undefined)
const fullUrl = fc
  .tuple(scheme, hostName, port, urlPath, fc.option(urlText, {nil: undefined}), fc.option(urlText, {nil: undefined}))
  .map(([s, h, p, pth, q, f]) => `${s}://${h}${p}${pth}${q === undefined ? '' : `?${q}`}${f === undefined ? '' : `#${f}`}`)
  .filter((u) => v.normalizeFullUrl(u).error === undefined)

const service = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/)
const vendorFunction = fc.stringMatching(/^[A-Za-z_$][\w$]{0,10}(\.[A-Za-z_$][\w$]{0,10}){0,3}$/)
const fileName = fc
  .stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,40}$/)
  .map((s) => `${s}.html`)
  .filter((s) => v.checkFileName(s) === undefined)
const integrationName = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,62}$/)

/** Raw arbitrary strings, bare and behind a URL prefix, so some pass validation and most do not. */
const raw = (prefixes: string[]) =>
  fc.oneof(
    binaryString({maxLength: 30}),
    fc.string({unit: 'grapheme-ascii', maxLength: 30}),
    ...prefixes.map((p) => binaryString({maxLength: 30}).map((s) => p + s)),
  )

/** The documented normalization of a base URL (README: trimmed, https:// for a bare host, no trailing slash). */
/** The documented normalization of a GMS host: as a base URL, then without a trailing /genesys path. */
const normalizedGms = (s: string) => normalizedBase(s).replace(/\/genesys\/*$/i, '')
const normalizedBase = (s: string) => {
  const t = s.trim()
  return (/^[a-z][a-z0-9+.-]*:\/\//i.test(t) ? t : `https://${t}`).replace(/\/+$/, '')
}

// ---- the checks for each field -------------------------------------------------------------

const SAMPLE = '/genesys/admin/js/sample/cb/'

function checkGmsHost(media: 'gms-chat' | 'gms-callback', files: Files, host: string): void {
  const code = checkParses(media, files)
  expectLiteral(code['inviteGMS.html'], `${host}${SAMPLE}indexGPE.html`, 'inviteGMS.html widget URL')
  expect(attributeOf(files['indexGPE.html'], 'url', 'value')).toBe(`${host}/genesys`)
}

function checkGweUrl(media: string, files: Files, gweUrl: string, inviteName: string): void {
  const code = checkParses(media, files)
  const snippet = code['engagement-logic/notification-message.js']
  expectLiteral(snippet, gweUrl, 'notification-message.js GWE URL')
  // The path prefix is the catalogue's (/frontend in 8.1, /server in 8.5, docs/genesys.md#gwe-85-paths), not an input.
  const prefix = resolveIntegration(integrationSchema.parse(plain(media)) as IntegrationEntry).gwePrefix
  expectLiteral(snippet, `${gweUrl}${prefix}/resources/${inviteName}`, 'notification-message.js invitation URL')
  shellSyntaxOk(files['engagement-logic/notify.sh'])
  expect(shellValue(files['engagement-logic/notify.sh'], 'default_gwe_url')).toBe(gweUrl)
}

describe('properties: accepted values reach the output exactly, in parseable code', () => {
  it('GMS host (base URL with port, or with the /genesys path dropped) for gms-chat and gms-callback', () => {
    fc.assert(
      fc.property(gmsHost, fc.constantFrom('gms-chat' as const, 'gms-callback' as const), (host, media) => {
        const {files, errors} = generate({name: 'p', media, host})
        expect(errors).toBeUndefined()
        checkGmsHost(media, files!, normalizedGms(host))
      }),
      RUNS,
    )
  })

  it('a bare host[:port] becomes https://host[:port] and nothing else changes', () => {
    fc.assert(
      fc.property(bareHost, (host) => {
        const {files} = generate({name: 'p', media: 'gms-chat', host})
        checkGmsHost('gms-chat', files!, `https://${host}`)
      }),
      RUNS,
    )
  })

  it('vendor URL (query and fragment kept) for third-party', () => {
    fc.assert(
      fc.property(fullUrl, (url) => {
        const {files, errors} = generate({name: 'p', media: 'third-party', host: url})
        expect(errors).toBeUndefined()
        const code = checkParses('third-party', files!)
        expectLiteral(code['inviteVendor.html'], url.trim(), 'inviteVendor.html vendor URL')
      }),
      RUNS,
    )
  })

  it('widget URL for gms-chat and webapi-chat', () => {
    fc.assert(
      fc.property(fullUrl, fc.constantFrom('gms-chat', 'webapi-chat'), (widgetUrl, media) => {
        const {files, errors} = generate({name: 'p', media, host: 'https://gms.example.com', widgetUrl})
        expect(errors).toBeUndefined()
        const code = checkParses(media, files!)
        const invite = Object.keys(files!).find((f) => f.startsWith('invite'))!
        expectLiteral(code[invite], widgetUrl, `${invite} widget URL`)
      }),
      RUNS,
    )
  })

  it('GWE URL in the strategy snippet (JS literal) and notify.sh (shell word)', () => {
    fc.assert(
      fc.property(baseUrl, fc.constantFrom('gwe-chat', 'gms-callback', 'genesys-widgets'), (gweUrl, media) => {
        const {files, errors} = generate({...plain(media), gweUrl})
        expect(errors).toBeUndefined()
        const invite = Object.keys(files!).find((f) => f.startsWith('invite'))!
        checkGweUrl(media, files!, normalizedBase(gweUrl), invite)
      }),
      runs(60),
    )
  })

  it('GMS service name in the widget (JS literal and form field) and the Chat API URL', () => {
    fc.assert(
      fc.property(service, (name) => {
        const gms = generate({name: 'p', media: 'gms-callback', host: 'https://gms.example.com', service: name})
        const code = checkParses('gms-callback', gms.files!)
        expectLiteral(code['indexGPE.html'], name, 'indexGPE.html service')
        expect(attributeOf(gms.files!['indexGPE.html'], 'service_name', 'value')).toBe(name)
        const webapi = generate({name: 'p', media: 'webapi-chat', host: 'https://gms.example.com', service: name})
        const webCode = checkParses('webapi-chat', webapi.files!)
        // <host>/genesys/2/chat/<service> (docs/genesys.md#chat-v1), the service as one encoded path segment.
        expectLiteral(webCode['chatGPE.html'], `https://gms.example.com/genesys/2/chat/${encodeURIComponent(name)}`, 'chatGPE.html chat URL')
      }),
      RUNS,
    )
  })

  it('vendor function path for third-party', () => {
    fc.assert(
      fc.property(vendorFunction, (fn) => {
        const {files, errors} = generate({name: 'p', media: 'third-party', host: 'https://chat.vendor.example/start', vendorFunction: fn})
        expect(errors).toBeUndefined()
        const code = checkParses('third-party', files!)
        expectLiteral(code['inviteVendor.html'], fn, 'inviteVendor.html vendor function')
      }),
      RUNS,
    )
  })

  it('invitation and widget file names: the files are named so, and the URLs to them carry the names', () => {
    fc.assert(
      fc.property(fileName, fileName, (inviteName, widgetName) => {
        fc.pre(inviteName.toLowerCase() !== widgetName.toLowerCase())
        const {files, errors} = generate({name: 'p', media: 'gms-chat', host: 'https://gms.example.com', inviteName, widgetName})
        expect(errors).toBeUndefined()
        expect(Object.keys(files!).sort()).toEqual(['engagement-logic/notification-message.js', 'engagement-logic/notify.sh', inviteName, widgetName].sort())
        const code = checkParses('gms-chat', files!)
        expectLiteral(code[inviteName], `https://gms.example.com${SAMPLE}${widgetName}`, 'invite widget URL')
        expectLiteral(code['engagement-logic/notification-message.js'], `/frontend/resources/${inviteName}`, 'snippet invitation URL')
      }),
      RUNS,
    )
  })

  it('integration name: the invitation attribute and the snippet comment carry it', () => {
    fc.assert(
      fc.property(integrationName, fc.constantFrom(...MEDIA.map((m) => m.id)), (name, media) => {
        const {files, errors} = generate({...plain(media), name})
        expect(errors).toBeUndefined()
        checkParses(media, files!)
        const invite = Object.keys(files!).find((f) => f.startsWith('invite'))!
        expect(attributeOf(files![invite], 'gwe-int-invite', 'data-integration')).toBe(name)
        expect(files!['engagement-logic/notification-message.js']).toContain(`for integration ${name} (`)
      }),
      RUNS,
    )
  })
})

describe('properties: raw arbitrary strings are rejected with a message naming the field, or reach the output exactly', () => {
  const rejected = (errors: string[] | undefined, field: string) => {
    expect(errors?.[0]).toMatch(new RegExp(`^${field}: \\S`))
  }

  it('host (gms-chat)', () => {
    fc.assert(
      fc.property(raw(['https://gms.example.com/', 'https://', 'http://gms.example.com:8443']), (s) => {
        const {files, errors} = generate({name: 'p', media: 'gms-chat', host: s})
        if (errors) return rejected(errors, 'host')
        checkGmsHost('gms-chat', files!, normalizedGms(s))
      }),
      runs(200),
    )
  })

  it('host (third-party) and widgetUrl', () => {
    fc.assert(
      fc.property(raw(['https://chat.vendor.example/', 'https://chat.vendor.example/c?q=']), (s) => {
        const vendor = generate({name: 'p', media: 'third-party', host: s})
        if (vendor.errors) rejected(vendor.errors, 'host')
        else expectLiteral(checkParses('third-party', vendor.files!)['inviteVendor.html'], s.trim(), 'vendor URL')
        const widget = generate({name: 'p', media: 'gms-chat', host: 'https://gms.example.com', widgetUrl: s})
        if (widget.errors) rejected(widget.errors, 'widgetUrl')
        else expectLiteral(checkParses('gms-chat', widget.files!)['inviteGMS.html'], s, 'widget URL')
      }),
      runs(200),
    )
  })

  it('gweUrl', () => {
    fc.assert(
      fc.property(raw(['https://gwe.example.com/', 'http://']), (s) => {
        const {files, errors} = generate({name: 'p', media: 'gwe-chat', gweUrl: s})
        if (errors) return rejected(errors, 'gweUrl')
        checkGweUrl('gwe-chat', files!, normalizedBase(s), 'inviteGWE.html')
      }),
      runs(100),
    )
  })

  it('service, vendorFunction, inviteName, name', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          raw(['samples_', 'a.', 'Vendor.', 'x.']),
          fc.constantFrom(
            '../x.html',
            'a/b.html',
            'con.html',
            'NUL.html',
            'lpt1.html',
            'x\0.html',
            '.html',
            'a..html',
            'x.htm',
            'Alert(1)',
            'a.b()',
            'a["b"]',
            'samples new',
            '-x',
            '',
          ),
        ),
        (s) => {
          const svc = generate({name: 'p', media: 'gms-chat', host: 'https://gms.example.com', service: s})
          if (svc.errors) rejected(svc.errors, 'service')
          else expectLiteral(checkParses('gms-chat', svc.files!)['indexGPE.html'], s, 'service')
          const fn = generate({name: 'p', media: 'third-party', host: 'https://v.example/c', vendorFunction: s})
          if (fn.errors) rejected(fn.errors, 'vendorFunction')
          else expectLiteral(checkParses('third-party', fn.files!)['inviteVendor.html'], s, 'vendor function')
          const file = generate({name: 'p', media: 'gwe-chat', inviteName: s})
          if (file.errors) rejected(file.errors, 'inviteName')
          else {
            expect(Object.keys(file.files!)).toContain(s)
            expect(s).not.toMatch(/[/\\\0]|\.\./)
          }
          const named = generate({name: s, media: 'gwe-chat'})
          if (named.errors) rejected(named.errors, 'name')
          else expect(attributeOf(named.files!['inviteGWE.html'], 'gwe-int-invite', 'data-integration')).toBe(s)
        },
      ),
      runs(200),
    )
  })

  it.each([
    ['host', 'javascript:alert(1)', 'must use http or https, not javascript'],
    ['host', 'https://gms.example.com/?', 'must not contain a query or fragment'],
    ['host', 'https://gms.example.com/#', 'must not contain a query or fragment'],
    ['host', 'https://gms.example.com/a\u0000b', 'contains U+0000 at position 26'],
    ['host', 'https://gms.example.com/a\u0085b', 'contains U+0085 at position 26'],
    ['host', 'https://gms.example.com/\uD800', 'lone surrogate'],
    ['host', 'https://gms.example.com/</script>', 'angle brackets'],
    ['host', 'https://gms.example.com/a\u2028b', 'contains U+2028 at position 26'],
    ['host', 'https://user:pw@gms.example.com', 'must not contain credentials'],
    ['host', 'https://', 'must be an http(s) URL'],
    ['widgetUrl', 'data:text/html,<script>alert(1)</script>', 'must use http or https'],
    ['service', 'a"b', 'must be a GMS service name'],
    ['inviteName', '../evil.html', 'must be a plain file name'],
    ['inviteName', 'aux.html', 'reserved device name'],
    ['vendorFunction', 'alert(1)', 'must be a global JavaScript function path'],
  ])('%s %j is refused: %s', (field, value, message) => {
    const media = field === 'vendorFunction' ? 'third-party' : 'gms-chat'
    const {errors} = generate({name: 'p', media, host: media === 'third-party' ? 'https://v.example/c' : 'https://gms.example.com', [field]: value})
    expect(errors?.[0]).toContain(`${field}: `)
    expect(errors?.[0]).toContain(message)
  })
})
