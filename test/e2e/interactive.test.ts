import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {listFiles, tempDir} from '../helpers/cli.js'
import {KEY, ptySession} from '../helpers/pty.js'

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
    await s.waitFor('Output folder?')
    await s.type(KEY.enter)
    const result = await s.child
    expect(result.exitCode, s.plain()).toBe(0)
    expect(s.plain()).toContain('5 created, 0 updated, 0 unchanged')
    const config = JSON.parse(fs.readFileSync(path.join(cwd, 'gwe-int.config.json'), 'utf8'))
    expect(config.integrations).toEqual([
      {name: 'gms-callback', media: 'gms-callback', scenario: 'VOICE-WAIT-USERTERM', host: 'https://gms.example.com:8443', service: 'callbacks', gweVersion: '8.1', out: 'widgets/gms-callback'},
    ])
    expect(fs.readFileSync(path.join(cwd, 'widgets/gms-callback/inviteGMS.html'), 'utf8')).toContain('startGms("VOICE-WAIT-USERTERM");\n      sendInviteResult(INVITE_RESULT.ACCEPT_CALLBACK);')
  })

  it('genesys-widgets: asks what the invitation offers and records it', async () => {
    const cwd = tempDir()
    const s = ptySession(['new', 'genesys-widgets'], cwd)
    await s.waitFor('What does the invitation offer?')
    await s.type(KEY.down + KEY.enter) // CALLBACK
    await s.waitFor('Output folder?')
    await s.type(KEY.enter)
    const result = await s.child
    expect(result.exitCode, s.plain()).toBe(0)
    const config = JSON.parse(fs.readFileSync(path.join(cwd, 'gwe-int.config.json'), 'utf8'))
    expect(config.integrations).toEqual([{name: 'genesys-widgets', media: 'genesys-widgets', inviteType: 'CALLBACK', gweVersion: '8.5', out: 'widgets/genesys-widgets'}])
    expect(fs.readFileSync(path.join(cwd, 'widgets/genesys-widgets/inviteWidgets.html'), 'utf8')).toContain('var _config = { type: "CALLBACK" };')
    expect(listFiles(path.join(cwd, 'widgets/genesys-widgets'))).toContain('website/gwe-int-widgets.js')
  })

  it('asks only what the flags did not answer', async () => {
    const cwd = tempDir()
    const s = ptySession(['new', 'gms-chat', '--scenario', 'REQUEST-CHAT', '--host', 'https://gms.example.com', '--service', 'chat'], cwd)
    await s.waitFor('Output folder?')
    await s.type(`web/chat${KEY.enter}`)
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
