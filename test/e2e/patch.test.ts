import fs from 'node:fs'
import path from 'node:path'
import {diffLines} from 'diff'
import {describe, expect, it} from 'vitest'
import {gweInt, listFiles, ROOT, tempDir} from '../helpers/cli.js'
import {inlineScripts, parseScript} from '../helpers/parse.js'

const FIXTURES = path.join(ROOT, 'test/fixtures/patch')
const HOST = ['--host', 'https://gms.example.com']

/** A temp project holding copies of fixture inputs under the given names. */
function project(files: Record<string, string>): string {
  const dir = tempDir()
  for (const [name, fixture] of Object.entries(files)) fs.copyFileSync(path.join(FIXTURES, fixture, 'input.html'), path.join(dir, name))
  return dir
}
const read = (dir: string, f: string) => fs.readFileSync(path.join(dir, f), 'utf8')

describe('gwe-int patch (built binary)', () => {
  it('patches a CRLF invitation into a copy, keeping every other byte; the source is untouched', async () => {
    const dir = project({'invite.html': 'crlf-invite'})
    const before = read(dir, 'invite.html')
    const run = await gweInt(['patch', 'invite.html', '--media', 'gms-chat', '--scenario', 'CHAT-NOW', ...HOST, '--out', 'inviteGMS.html'], {cwd: dir})
    expect(run.exitCode, String(run.stderr)).toBe(0)
    expect(run.stdout).toContain('CHAT branch: startChat() -> startGms("CHAT-NOW")')
    expect(read(dir, 'invite.html')).toBe(before)
    const out = read(dir, 'inviteGMS.html')
    // Minimal change: the only removed text is the startChat() call the branch used to make.
    const removed = diffLines(before, out)
      .filter((part) => part.removed)
      .map((part) => part.value)
    expect(removed).toHaveLength(1)
    expect(removed[0].trim()).toMatch(/^startChat\(\);/)
    expect(out.replace(/\r\n/g, '').includes('\n')).toBe(false)
    for (const script of inlineScripts(out)) parseScript(script)
  })

  it('detects the GMS widget and adds getUrlVars, gpeStartScenario and the attached data', async () => {
    const dir = project({'index.html': 'guide-gms-widget'})
    const run = await gweInt(['patch', 'index.html', '--media', 'gms-chat', '--out', 'indexGPE.html'], {cwd: dir})
    expect(run.exitCode, String(run.stderr)).toBe(0)
    const script = inlineScripts(read(dir, 'indexGPE.html')).join('\n')
    expect(script).toContain('function getUrlVars(name)')
    expect(script).toContain('gpeStartScenario();')
    expect(script).toContain('params["webengagement"] = "";')
  })

  it('is idempotent: --in-place on a patched file reports unchanged and writes no backup', async () => {
    const dir = project({'invite.html': 'crlf-invite'})
    await gweInt(['patch', 'invite.html', '--media', 'gms-chat', ...HOST, '--out', 'inviteGMS.html'], {cwd: dir})
    const before = read(dir, 'inviteGMS.html')
    const run = await gweInt(['patch', 'inviteGMS.html', '--media', 'gms-chat', ...HOST, '--in-place'], {cwd: dir})
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain('already patched')
    expect(read(dir, 'inviteGMS.html')).toBe(before)
    expect(listFiles(dir)).toEqual(['invite.html', 'inviteGMS.html'])
  })

  it('--in-place changes the scenario in place and keeps a .bak', async () => {
    const dir = project({'invite.html': 'crlf-invite'})
    await gweInt(['patch', 'invite.html', '--media', 'gms-chat', ...HOST, '--in-place', '--no-backup'], {cwd: dir})
    const patched = read(dir, 'invite.html')
    const run = await gweInt(['patch', 'invite.html', '--media', 'gms-chat', '--scenario', 'CHAT-WAIT', ...HOST, '--in-place'], {cwd: dir})
    expect(run.exitCode, String(run.stderr)).toBe(0)
    expect(read(dir, 'invite.html.bak')).toBe(patched)
    const now = read(dir, 'invite.html')
    expect(now.match(/function startGms/g)).toHaveLength(1)
    expect(now).toContain('startGms("CHAT-WAIT")')
    expect(now).not.toContain('startGms("CHAT-NOW")')
  })

  it('--check exits 1 with a diff when patching would change the file, 0 when it would not', async () => {
    const dir = project({'invite.html': 'crlf-invite'})
    const stale = await gweInt(['patch', 'invite.html', '--media', 'gms-chat', ...HOST, '--check'], {cwd: dir})
    expect(stale.exitCode).toBe(1)
    expect(stale.stdout).toContain('+++ b/invite.html')
    expect(stale.stdout).toMatch(/\n\+\s+function startGms\(gmsScenario\) \{/)
    await gweInt(['patch', 'invite.html', '--media', 'gms-chat', ...HOST, '--in-place', '--no-backup'], {cwd: dir})
    const ok = await gweInt(['patch', 'invite.html', '--media', 'gms-chat', ...HOST, '--check'], {cwd: dir})
    expect(ok.exitCode).toBe(0)
    expect(ok.stdout).toContain('unchanged (already patched)')
  })

  it('refuses a file without onAccept with exit 2, naming file and what it expected; nothing written', async () => {
    const dir = project({'invite.html': 'refuse-no-onaccept'})
    const before = read(dir, 'invite.html')
    const run = await gweInt(['patch', 'invite.html', '--media', 'gms-chat', ...HOST, '--kind', 'invite', '--in-place'], {cwd: dir})
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain('invite.html: expected a function onAccept')
    expect(read(dir, 'invite.html')).toBe(before)
    expect(listFiles(dir)).toEqual(['invite.html'])
  })

  it("refuses to overwrite an --out file that is somebody else's work (exit 3)", async () => {
    const dir = project({'invite.html': 'crlf-invite'})
    fs.writeFileSync(path.join(dir, 'inviteGMS.html'), '<p>hand made</p>\n')
    const run = await gweInt(['patch', 'invite.html', '--media', 'gms-chat', ...HOST, '--out', 'inviteGMS.html'], {cwd: dir})
    expect(run.exitCode).toBe(3)
    expect(read(dir, 'inviteGMS.html')).toBe('<p>hand made</p>\n')
  })

  it("new and generate build from the team's sources, so CI regenerates from the originals", async () => {
    const dir = project({'invite.html': 'crlf-invite', 'index.html': 'guide-gms-widget'})
    const run = await gweInt(['new', 'gms-chat', '--invite-source', 'invite.html', '--widget-source', 'index.html', ...HOST, '--out', 'out', '--yes'], {
      cwd: dir,
    })
    expect(run.exitCode, String(run.stderr)).toBe(0)
    const config = JSON.parse(read(dir, 'gwe-int.config.json'))
    expect(config.integrations[0]).toMatchObject({inviteSource: 'invite.html', widgetSource: 'index.html'})
    const invite = read(dir, 'out/inviteGMS.html')
    // The copy is the patched source with the generated-file header (CRLF like the source).
    expect(invite.split('\r\n')[0]).toMatch(/^<!-- Generated by gwe-int/)
    const patched = await gweInt(['patch', 'invite.html', '--media', 'gms-chat', ...HOST, '--out', 'direct.html'], {cwd: dir})
    expect(patched.exitCode).toBe(0)
    expect(invite.slice(invite.indexOf('\r\n') + 2)).toBe(read(dir, 'direct.html'))
    expect((await gweInt(['generate', '--check'], {cwd: dir})).exitCode).toBe(0)
    const swapped = await gweInt(['new', 'gms-chat', '--invite-source', 'index.html', ...HOST, '--out', 'out2', '--yes', '--integration', 'x'], {cwd: dir})
    expect(swapped.exitCode).toBe(2)
    expect(swapped.stderr).toContain('index.html: expected an invitation widget (invite.html) but this looks like a GMS sample widget (index.html)')
  })
})
