import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it, vi} from 'vitest'
import {listFiles, tempDir} from '../helpers/cli.js'
import {KEY, ptySession} from '../helpers/pty.js'

// A session answers several prompts, each a real key press in a pseudo-terminal.
vi.setConfig({testTimeout: 120_000})

describe('gwe-int new in a terminal (pseudo-terminal, real prompts)', () => {
  it('asks medium, scenario, host, service and folder; re-asks an invalid host; writes what was answered', async () => {
    const cwd = tempDir()
    const s = ptySession(['new'], cwd)
    await s.waitFor('Which medium?')
    await s.type(KEY.down) // gms-callback, the second medium
    await s.type(KEY.enter)
    await s.waitFor('Which scenario?')
    await s.type(KEY.down + KEY.enter) // the second callback scenario
    await s.waitFor('GMS base URL?')
    await s.type(`ftp://gms.example.com${KEY.enter}`)
    await s.waitFor('must use http or https, not ftp')
    await s.type(`${KEY.clearLine}gms.example.com:8443${KEY.enter}`)
    await s.waitFor('GMS service name?')
    await s.type(`callbacks${KEY.enter}`)
    // The GWE version changes every GWE path, so it is asked too (8.1 preselected).
    await s.waitFor('Which GWE version?')
    await s.type(KEY.down + KEY.enter)
    await s.waitFor('Output folder?')
    await s.type(KEY.enter)
    await s.waitFor('GWE server URL')
    await s.type(`https://gwe.example.com:9443${KEY.enter}`)
    const result = await s.child
    expect(result.exitCode, s.plain()).toBe(0)
    expect(s.plain()).toContain('5 created, 0 updated, 0 unchanged')
    const config = JSON.parse(fs.readFileSync(path.join(cwd, 'gwe-int.config.json'), 'utf8'))
    expect(config.integrations).toEqual([
      {
        name: 'gms-callback',
        media: 'gms-callback',
        scenario: 'VOICE-WAIT-USERTERM',
        host: 'https://gms.example.com:8443',
        service: 'callbacks',
        gweVersion: '8.5',
        gweUrl: 'https://gwe.example.com:9443',
        out: 'widgets/gms-callback',
      },
    ])
    expect(fs.readFileSync(path.join(cwd, 'widgets/gms-callback/inviteGMS.html'), 'utf8')).toContain(
      'startGms("VOICE-WAIT-USERTERM");\n      sendInviteResult(INVITE_RESULT.ACCEPT_CALLBACK);',
    )
  })

  it('genesys-widgets: asks what the invitation offers and records it', async () => {
    const cwd = tempDir()
    const s = ptySession(['new', 'genesys-widgets'], cwd)
    await s.waitFor('What does the invitation offer?')
    await s.type(KEY.down + KEY.enter) // CALLBACK
    await s.waitFor('Which GWE version?')
    await s.type(KEY.enter) // 8.5, the medium's default, preselected
    await s.waitFor('Output folder?')
    await s.type(KEY.enter)
    await s.waitFor('GWE server URL')
    await s.type(KEY.enter) // empty: relative URLs, with a warning
    const result = await s.child
    expect(result.exitCode, s.plain()).toBe(0)
    const config = JSON.parse(fs.readFileSync(path.join(cwd, 'gwe-int.config.json'), 'utf8'))
    expect(config.integrations).toEqual([
      {name: 'genesys-widgets', media: 'genesys-widgets', inviteType: 'CALLBACK', gweVersion: '8.5', out: 'widgets/genesys-widgets'},
    ])
    expect(fs.readFileSync(path.join(cwd, 'widgets/genesys-widgets/inviteWidgets.html'), 'utf8')).toContain('var _config = { type: "CALLBACK" };')
    expect(listFiles(path.join(cwd, 'widgets/genesys-widgets'))).toContain('website/gwe-int-widgets.js')
  })

  it('lists the media aligned, each with its title', async () => {
    const cwd = tempDir()
    const s = ptySession(['new'], cwd)
    await s.waitFor('Which medium?')
    await s.waitFor('third-party')
    const rows = s
      .plain()
      .split(/\r?\n/)
      .filter((l) => /(gms-chat|gms-callback|genesys-widgets|third-party) {2,}\S/.test(l))
    const starts = new Set(rows.map((l) => /^(.*?(gms-chat|gms-callback|genesys-widgets|third-party) +)\S/.exec(l)![1].length))
    expect(rows.length).toBeGreaterThanOrEqual(4)
    expect(starts.size).toBe(1)
    await s.type(KEY.ctrlC)
    await s.child
  })

  it('on an integration already in the config, asks again with the recorded answers as defaults', async () => {
    const cwd = tempDir()
    const recorded = {
      name: 'gms-callback',
      media: 'gms-callback',
      scenario: 'VOICE-SCHEDULED-USERTERM',
      host: 'https://gms.acme.test',
      service: 'callbacks',
      gweVersion: '8.5',
      out: 'web/cb',
    }
    fs.writeFileSync(path.join(cwd, 'gwe-int.config.json'), JSON.stringify({integrations: [recorded]}, null, 2))
    const first = ptySession(['new', 'gms-callback'], cwd)
    await first.waitFor('Which scenario?')
    await first.type(KEY.enter) // the recorded scenario is preselected
    await first.waitFor('GMS base URL? (https://gms.acme.test)')
    await first.type(KEY.enter)
    await first.waitFor('GMS service name? (callbacks)')
    await first.type(KEY.enter)
    await first.waitFor('Which GWE version?')
    await first.type(KEY.enter)
    await first.waitFor('Output folder? (web/cb)')
    await first.type(KEY.enter)
    await first.waitFor('GWE server URL')
    await first.type(KEY.enter)
    expect((await first.child).exitCode, first.plain()).toBe(0)
    expect(first.plain()).toContain('gms-callback is in the config already; no answer changed')
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'gwe-int.config.json'), 'utf8')).integrations).toEqual([recorded])
    expect(fs.readFileSync(path.join(cwd, 'web/cb/inviteGMS.html'), 'utf8')).toContain('startGms("VOICE-SCHEDULED-USERTERM");')

    // Changing one answer changes only it, and says so.
    const second = ptySession(['new', 'gms-callback'], cwd)
    await second.waitFor('Which scenario?')
    await second.type(KEY.enter)
    await second.waitFor('GMS base URL? (https://gms.acme.test)')
    await second.type(`https://gms2.acme.test:8443${KEY.enter}`)
    for (const q of ['GMS service name?', 'Which GWE version?', 'Output folder?', 'GWE server URL']) {
      await second.waitFor(q)
      await second.type(KEY.enter)
    }
    expect((await second.child).exitCode, second.plain()).toBe(0)
    expect(second.plain()).toContain('host: https://gms.acme.test → https://gms2.acme.test:8443')
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'gwe-int.config.json'), 'utf8')).integrations).toEqual([
      {...recorded, host: 'https://gms2.acme.test:8443'},
    ])
  })

  it('asks a third-party host as the vendor URL, capitalised, with a vendor example when refused', async () => {
    const cwd = tempDir()
    const s = ptySession(['new', 'third-party'], cwd)
    await s.waitFor("The vendor's chat URL?")
    await s.type(`not a url${KEY.enter}`)
    await s.waitFor('must be an http(s) URL such as https://chat.vendor.example/start')
    await s.type(KEY.ctrlC)
    expect((await s.child).exitCode).toBe(130)
    expect(s.plain()).not.toContain('gms.example.com')
  })

  it('asks only what the flags did not answer', async () => {
    const cwd = tempDir()
    const s = ptySession(
      ['new', 'gms-chat', '--scenario', 'REQUEST-CHAT', '--host', 'https://gms.example.com', '--service', 'chat', '--gwe-version', '8.1'],
      cwd,
    )
    await s.waitFor('Output folder?')
    await s.type(`web/chat${KEY.enter}`)
    await s.waitFor('GWE server URL')
    await s.type(KEY.enter)
    const result = await s.child
    expect(result.exitCode, s.plain()).toBe(0)
    expect(s.plain()).not.toContain('Which scenario?')
    expect(s.plain()).not.toContain('GMS base URL?')
    expect(listFiles(path.join(cwd, 'web/chat'))).toContain('indexGPE.html')
  })

  it('Ctrl-C at a prompt exits 130 and writes nothing', async () => {
    const cwd = tempDir()
    const s = ptySession(['new', 'gms-chat'], cwd)
    await s.waitFor('Which scenario?')
    await s.type(KEY.ctrlC)
    const result = await s.child
    expect(result.exitCode, s.plain()).toBe(130)
    expect(s.plain()).toContain('interrupted; nothing was written')
    expect(listFiles(cwd)).toEqual([])
  })
})
