/**
 * Custom templates through the built binary: `templates eject`, then `new
 * --templates` and `generate` with an edited copy, and the errors people meet
 * when a custom template is wrong (file and line, exit 2, nothing written).
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {gweInt, listFiles, tempDir} from '../helpers/cli.js'
import {inlineScripts, parseScript} from '../helpers/parse.js'

const read = (...p: string[]) => fs.readFileSync(path.join(...p), 'utf8')
const NEW = ['new', 'gms-chat', '--host', 'https://gms.example.com:8443', '--yes']

describe('gwe-int templates eject (built binary)', () => {
  it('copies the built-in templates and a README, then refuses to overwrite without --force', async () => {
    const cwd = tempDir()
    const run = await gweInt(['templates', 'eject', '--out', 'my-templates'], {cwd})
    expect(run.exitCode, String(run.stderr)).toBe(0)
    const builtin = listFiles(path.resolve('templates'))
    expect(listFiles(path.join(cwd, 'my-templates'))).toEqual([...builtin, 'README.md'].sort())
    for (const f of builtin) expect(read(cwd, 'my-templates', f), f).toBe(read('templates', f))
    const readme = read(cwd, 'my-templates', 'README.md')
    expect(readme).toContain('| `gms.widgetUrl` |')
    expect(readme).toContain('| `js` |')
    expect(String(run.stdout)).toContain('15 created, 0 updated, 0 unchanged'.replace('15', String(builtin.length + 1)))

    fs.writeFileSync(path.join(cwd, 'my-templates/invite/invite.html.hbs'), 'mine\n')
    const again = await gweInt(['templates', 'eject', '--out', 'my-templates'], {cwd})
    expect(again.exitCode).toBe(3)
    expect(String(again.stderr)).toBe(
      'error: --out: my-templates is not empty; nothing was written\n  pass --force to write the templates into it (its other files are kept)',
    )
    expect(read(cwd, 'my-templates/invite/invite.html.hbs')).toBe('mine\n')
    const forced = await gweInt(['templates', 'eject', '--out', 'my-templates', '--force', '--json'], {cwd})
    expect(forced.exitCode).toBe(0)
    const json = JSON.parse(String(forced.stdout))
    expect(json.files.find((f: {path: string}) => f.path === 'my-templates/invite/invite.html.hbs').status).toBe('updated')
    expect(read(cwd, 'my-templates/invite/invite.html.hbs')).toBe(read('templates/invite/invite.html.hbs'))
  })

  it('an edited copy is used by new --templates and recorded for generate', async () => {
    const cwd = tempDir()
    await gweInt(['templates', 'eject', '--out', 'brand'], {cwd})
    const invite = path.join(cwd, 'brand/invite/invite.html.hbs')
    fs.writeFileSync(invite, read(invite).replace('{{text t.inviteChatTitle}}', 'Chat with {{text media.title}} at ACME?'))
    // Only the edited file stays: the others fall back to the built-in ones.
    for (const f of listFiles(path.join(cwd, 'brand'))) if (f !== 'invite/invite.html.hbs') fs.rmSync(path.join(cwd, 'brand', f))
    const run = await gweInt([...NEW, '--templates', 'brand'], {cwd})
    expect(run.exitCode, String(run.stderr)).toBe(0)
    const html = read(cwd, 'widgets/gms-chat/inviteGMS.html')
    expect(html).toContain('Chat with GMS chat at ACME?')
    for (const script of inlineScripts(html)) parseScript(script)
    expect(JSON.parse(read(cwd, 'gwe-int.config.json')).integrations[0].templates).toBe('brand')
    const plain = tempDir()
    await gweInt(NEW, {cwd: plain})
    expect(read(cwd, 'widgets/gms-chat/indexGPE.html')).toBe(read(plain, 'widgets/gms-chat/indexGPE.html'))
    const check = await gweInt(['generate', '--check'], {cwd})
    expect(check.exitCode, String(check.stdout)).toBe(0)
  })

  /** 1-based line:column of `marker` in `text`. */
  const at = (text: string, marker: string) => {
    const before = text.slice(0, text.indexOf(marker)).split('\n')
    return `${before.length}:${before.at(-1)!.length + 1}`
  }
  // [what, file, edit, the mustache the error points at, the message after "file:line:col: "]
  const broken: [string, string, (text: string) => string, string, string][] = [
    [
      'an unknown variable',
      'invite/invite.html.hbs',
      (t) => t.replace('{{text t.inviteChatTitle}}', '{{text company.name}}'),
      'company.name',
      '"company.name" is not a variable templates receive; see README.md of "gwe-int templates eject"',
    ],
    [
      'an unknown helper',
      'engagement-logic/notify.sh.hbs',
      (t) => `${t}{{upper integration}}\n`,
      '{{upper',
      'unknown helper "upper"; templates can use attr, color, comment, each, eq, ident, if, includes, js, jsValue, json, log, lookup, sh, text, unless, url, with',
    ],
  ]
  for (const [what, rel, edit, marker, message] of broken) {
    it(`a custom template with ${what} fails with the file, line and column, exit 2, nothing written`, async () => {
      const cwd = tempDir()
      await gweInt(['templates', 'eject', '--out', 'brand'], {cwd})
      const file = path.join(cwd, 'brand', rel)
      const text = edit(read(file))
      fs.writeFileSync(file, text)
      const run = await gweInt([...NEW, '--templates', 'brand'], {cwd})
      expect(run.exitCode).toBe(2)
      expect(String(run.stderr)).toBe(`error: ${file}:${at(text, marker)}: ${message}`)
      expect(listFiles(cwd).filter((f) => !f.startsWith('brand/'))).toEqual([])
    })
  }

  it('a custom template with a syntax error fails with the file and line', async () => {
    const cwd = tempDir()
    await gweInt(['templates', 'eject', '--out', 'brand'], {cwd})
    const file = path.join(cwd, 'brand/gms-widget/partials/attached-data.js.hbs')
    fs.writeFileSync(file, `${read(file)}{{#if media.id}}\n`)
    const run = await gweInt([...NEW, '--templates', 'brand'], {cwd})
    expect(run.exitCode).toBe(2)
    expect(String(run.stderr)).toMatch(new RegExp(`^error: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: not a valid Handlebars template: Expecting `))
    expect(fs.existsSync(path.join(cwd, 'widgets'))).toBe(false)
  })

  it('a file name that is not a template is an error naming it', async () => {
    const cwd = tempDir()
    fs.mkdirSync(path.join(cwd, 'brand/invite'), {recursive: true})
    fs.writeFileSync(path.join(cwd, 'brand/invite/invitation.html.hbs'), 'x')
    const run = await gweInt([...NEW, '--templates', 'brand'], {cwd})
    expect(run.exitCode).toBe(2)
    expect(String(run.stderr)).toMatch(/^error: templates: .*brand\/invite\/invitation\.html\.hbs is not a known template; known: /)
  })
})
