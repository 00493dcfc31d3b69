/**
 * What the visitor sees, set from the command line and the config (built binary):
 * --locale, --accent, --logo-url, the texts key, and one clear error per bad value.
 */
import fs from 'node:fs'
import path from 'node:path'
import {parse} from 'parse5'
import {describe, expect, it} from 'vitest'
import {gweInt, listFiles, tempDir} from '../helpers/cli.js'

const read = (cwd: string, rel: string) => fs.readFileSync(path.join(cwd, rel), 'utf8')

describe('locale and branding (built binary)', () => {
  it('new --locale fr --accent --logo-url writes a French, branded invitation and records the keys', async () => {
    const cwd = tempDir()
    const run = await gweInt(
      ['new', 'gms-callback', '--locale', 'fr', '--accent', 'darkgreen', '--logo-url', 'https://www.example.com/logo.svg', '--yes', '--json'],
      {cwd},
    )
    expect(run.exitCode, String(run.stderr)).toBe(0)
    const entry = JSON.parse(read(cwd, 'gwe-int.config.json')).integrations[0]
    expect([entry.locale, entry.accent, entry.logoUrl]).toEqual(['fr', 'darkgreen', 'https://www.example.com/logo.svg'])
    const html = read(cwd, 'widgets/gms-callback/inviteGMS.html')
    expect(html).toMatch(/<div id="gwe-int-invite" class="gwe-int gwe-int-invite" lang="fr" dir="ltr"/)
    expect(html).toContain('>Souhaitez-vous que nous vous rappelions ?</h2>')
    expect(html).toContain('>Oui, volontiers</button>')
    expect(html).toContain('--gwe-int-accent: #006400;')
    expect(html).toContain('<img class="gwe-int-logo" src="https://www.example.com/logo.svg" alt="">')
    expect(html).not.toMatch(/Would you like|No, thanks/)
    // The dialog names its title and description.
    expect(html).toMatch(/role="dialog" aria-modal="true" aria-labelledby="gwe-int-invite-title" aria-describedby="gwe-int-invite-body"/)
    const check = await gweInt(['generate', '--check'], {cwd})
    expect(check.exitCode, String(check.stdout)).toBe(0)
  })

  it('texts in the config replace single strings; generate writes them as text', async () => {
    const cwd = tempDir()
    fs.writeFileSync(
      path.join(cwd, 'gwe-int.config.json'),
      JSON.stringify({
        integrations: [
          {
            name: 'shop',
            media: 'gms-chat',
            host: 'https://gms.example.com',
            locale: 'de',
            texts: {inviteChatTitle: 'Fragen? Wir sind da & helfen > gern', inviteAccept: 'Chat starten'},
          },
        ],
      }),
    )
    const run = await gweInt(['generate'], {cwd})
    expect(run.exitCode, String(run.stderr)).toBe(0)
    const html = read(cwd, 'widgets/shop/inviteGMS.html')
    const doc = parse(html)
    type Node = {attrs?: {name: string; value: string}[]; childNodes?: Node[]; value?: string}
    const text = (id: string) => {
      const find = (n: Node): Node | undefined => (n.attrs?.some((a) => a.name === 'id' && a.value === id) ? n : (n.childNodes ?? []).map(find).find(Boolean))
      return find(doc as Node)!
        .childNodes!.map((c) => c.value)
        .join('')
    }
    expect(text('gwe-int-invite-title')).toBe('Fragen? Wir sind da & helfen > gern')
    expect(text('gwe-int-invite-accept')).toBe('Chat starten')
    expect(text('gwe-int-invite-decline')).toBe('Nein, danke')
  })

  it.each([
    [
      ['--locale', 'frr'],
      '--locale: unknown locale "frr" (did you mean fr?); gwe-int ships en (English), fr (français), de (Deutsch), es (español), nl (Nederlands)',
    ],
    [['--accent', 'blue;}body{display:none'], '--accent: "blue;}body{display:none" is not a CSS colour'],
    [['--logo-url', 'ftp://example.com/logo.png'], '--logo-url: must use http or https, not ftp'],
  ])('new %j: exit 2, one line naming the flag, nothing written', async (flags, message) => {
    const cwd = tempDir()
    const run = await gweInt(['new', 'gms-chat', ...flags, '--yes'], {cwd})
    expect(run.exitCode).toBe(2)
    const lines = String(run.stderr).trim().split('\n')
    expect(lines.length).toBe(1)
    expect(lines[0].startsWith(`error: ${message}`), lines[0]).toBe(true)
    expect(listFiles(cwd)).toEqual([])
  })

  it('a config with an unknown text key or markup fails with file, line and key; nothing written', async () => {
    const cwd = tempDir()
    fs.writeFileSync(
      path.join(cwd, 'gwe-int.config.yaml'),
      'integrations:\n  - name: a\n    media: gms-chat\n    texts:\n      inviteDecline: "<em>No</em>"\n      inviteAcept: Sure\n',
    )
    const run = await gweInt(['generate', '--config', 'gwe-int.config.yaml'], {cwd})
    expect(run.exitCode).toBe(2)
    const stderr = String(run.stderr)
    expect(stderr).toContain(
      'gwe-int.config.yaml:6: integrations[0].texts: unknown text key "inviteAcept" (did you mean inviteAccept?); valid keys: inviteChatTitle,',
    )
    expect(stderr).toContain('gwe-int.config.yaml:5: integrations[0].texts.inviteDecline: must be plain text, not HTML')
    expect(stderr).not.toMatch(/\n\s+at /)
    expect(listFiles(cwd)).toEqual(['gwe-int.config.yaml'])
  })

  it('gwe-int schema and list --json describe the new keys', async () => {
    const cwd = tempDir()
    const schema = JSON.parse(String((await gweInt(['schema'], {cwd})).stdout))
    const props = schema.properties.integrations.items.properties
    expect(props.locale.enum).toEqual(['en', 'fr', 'de', 'es', 'nl'])
    expect(props.texts.additionalProperties).toBe(false)
    expect(Object.keys(props.texts.properties)).toContain('inviteAccept')
    expect(props.accent.type).toBe('string')
    expect(props.logoUrl.type).toBe('string')
    const list = JSON.parse(String((await gweInt(['list', '--json'], {cwd})).stdout))
    for (const m of list.media) expect(m.inputs).toEqual(expect.arrayContaining(['locale', 'accent', 'logoUrl']))
  })
})
