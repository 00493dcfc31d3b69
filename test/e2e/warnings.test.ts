/**
 * Honest output through the built binary: what cannot work in production as generated
 * (built-in invitations, URLs without a host, placeholder hosts) is a warning on stderr and
 * in --json, --strict turns warnings into exit 1, and new/generate end with where the files go.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {gweInt, listFiles, ROOT, tempDir} from '../helpers/cli.js'

const INVITE = path.join(ROOT, 'test/fixtures/patch/guide-invite/input.html')
const REAL = ['--host', 'https://gms.acme.test', '--gwe-url', 'https://gwe.acme.test:9443']

describe('warnings and next steps (built binary)', () => {
  it('gwe-chat without --invite-source: a framed NOT FOR PRODUCTION warning naming the flag, and a --json warnings entry', async () => {
    const cwd = tempDir()
    const run = await gweInt(['new', 'gwe-chat', '--gwe-url', 'https://gwe.acme.test', '--yes'], {cwd})
    expect(run.exitCode, String(run.stderr)).toBe(0)
    const lines = String(run.stderr).split('\n')
    const at = lines.findIndex((l) => l.includes('NOT FOR PRODUCTION'))
    expect(at).toBeGreaterThan(0)
    expect(lines[at]).toContain('--invite-source')
    expect(lines[at - 1]).toMatch(/^!{20,}$/)
    expect(lines[at + 1]).toMatch(/^!{20,}$/)
    expect(String(run.stdout)).not.toContain('NOT FOR PRODUCTION')
    // The file itself says so in its first lines (after the header).
    const invite = fs.readFileSync(path.join(cwd, 'widgets/gwe-chat/inviteGWE.html'), 'utf8').split('\n')
    expect(invite.slice(0, 8).join('\n')).toMatch(/STAND-IN: not for production[\s\S]*startChat\(\)\/startCallback\(\)\s+do NOT start/)
    const json = await gweInt(['new', 'gwe-callback', '--yes', '--json', '--dry-run'], {cwd})
    const out = JSON.parse(String(json.stdout))
    expect(out.warnings.filter((w: string) => w.includes('NOT FOR PRODUCTION') && w.includes('--invite-source') && w.includes('startCallback()'))).toHaveLength(
      1,
    )
    expect(String(json.stderr)).toContain('NOT FOR PRODUCTION')
  })

  it("no warnings when built from the team's invite.html with real hosts", async () => {
    const cwd = tempDir()
    const run = await gweInt(['new', 'gms-chat', ...REAL, '--invite-source', INVITE, '--yes', '--json'], {cwd})
    expect(run.exitCode, String(run.stderr)).toBe(0)
    expect(JSON.parse(String(run.stdout)).warnings).toEqual([])
    expect(String(run.stderr)).toBe('')
  })

  it('webapi-chat without --gwe-url warns that the chat page and the invitation URL have no host; with it, neither', async () => {
    const cwd = tempDir()
    const relative = await gweInt(['new', 'webapi-chat', '--host', 'https://gms.acme.test', '--yes', '--json', '--dry-run'], {cwd})
    const warnings: string[] = JSON.parse(String(relative.stdout)).warnings
    expect(warnings.some((w) => w.includes('/frontend/resources/chatGPE.html') && w.includes("visitor's own site") && w.includes('--gwe-url'))).toBe(true)
    expect(warnings.some((w) => w.includes('/frontend/resources/inviteWebApi.html') && w.includes('--gwe-url'))).toBe(true)
    const absolute = await gweInt(['new', 'webapi-chat', ...REAL, '--yes', '--json', '--dry-run'], {cwd})
    const after: string[] = JSON.parse(String(absolute.stdout)).warnings
    expect(after.filter((w) => w.includes('without a host'))).toEqual([])
    expect(after.filter((w) => w.includes('built-in invitation'))).toHaveLength(1)
  })

  it('new --strict: exit 1 listing the warnings, nothing written', async () => {
    const cwd = tempDir()
    const run = await gweInt(['new', 'gms-chat', '--yes', '--strict'], {cwd})
    expect(run.exitCode).toBe(1)
    expect(String(run.stderr)).toMatch(/error: --strict: \d+ warnings; nothing was written/)
    expect(String(run.stderr)).toContain('  gms-chat: --host https://gms.example.com is a placeholder')
    // The error lists them; they are not printed as warnings first.
    expect(String(run.stderr)).not.toContain('warning:')
    expect(listFiles(cwd)).toEqual([])
  })

  it('generate warns every time; generate --check --strict fails on warnings, the placeholder host included', {timeout: 180_000}, async () => {
    const cwd = tempDir()
    expect((await gweInt(['new', 'gms-callback', '--yes', '--gwe-url', 'https://gwe.acme.test', '--invite-source', INVITE], {cwd})).exitCode).toBe(0)
    for (let n = 0; n < 2; n += 1) {
      const again = await gweInt(['generate'], {cwd})
      expect(again.exitCode).toBe(0)
      expect(String(again.stderr)).toContain('warning: gms-callback: --host https://gms.example.com is a placeholder')
    }
    expect((await gweInt(['generate', '--check'], {cwd})).exitCode).toBe(0)
    const strict = await gweInt(['generate', '--check', '--strict'], {cwd})
    expect(strict.exitCode).toBe(1)
    expect(String(strict.stderr)).toContain('error: --strict: 1 warning\n  gms-callback: --host https://gms.example.com is a placeholder')
    expect(String(strict.stderr)).not.toContain('warning:')
    // Fixed in the config: strict passes.
    const file = path.join(cwd, 'gwe-int.config.json')
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('https://gms.example.com', 'https://gms.acme.test'))
    expect((await gweInt(['generate'], {cwd})).exitCode).toBe(0)
    const clean = await gweInt(['generate', '--check', '--strict'], {cwd})
    expect(clean.exitCode, String(clean.stderr)).toBe(0)
    expect(String(clean.stderr)).toBe('')
  })

  it('new and generate end with next steps naming where each file goes; --json has nextSteps; --quiet has none', async () => {
    const cwd = tempDir()
    const run = await gweInt(['new', 'gms-chat', ...REAL, '--yes'], {cwd})
    const tail = String(run.stdout).split('Next steps:\n')[1]
    expect(tail).toBeDefined()
    const steps = tail.trim().split('\n')
    expect(steps.length).toBeGreaterThanOrEqual(2)
    expect(steps.length).toBeLessThanOrEqual(3)
    expect(tail).toContain('widgets/gms-chat/inviteGMS.html')
    expect(tail).toContain('/frontend/resources/')
    expect(tail).toContain('widgets/gms-chat/indexGPE.html')
    expect(tail).toContain('/genesys/admin/js/sample/cb/')
    expect(tail).toContain('Composer')
    const json = JSON.parse(String((await gweInt(['generate', '--json'], {cwd})).stdout))
    expect(json.nextSteps).toEqual(steps.map((s) => s.replace(/^\s*- /, '')))
    const quiet = await gweInt(['generate', '--quiet'], {cwd})
    expect(String(quiet.stdout)).toBe('')
  })

  it('3 integrations sharing two causes: two warning lines naming the three; --json per integration; -q and --strict never repeat', {
    timeout: 180_000,
  }, async () => {
    const cwd = tempDir()
    fs.copyFileSync(INVITE, path.join(cwd, 'invite.html'))
    const names = ['north', 'south', 'west']
    const entry = (name: string) => ({name, media: 'gms-chat', host: 'https://gms.example.com', inviteSource: 'invite.html', out: `widgets/${name}`})
    fs.writeFileSync(path.join(cwd, 'gwe-int.config.json'), JSON.stringify({integrations: names.map(entry)}, null, 2))
    const lines = (text: unknown) => String(text).split('\n').filter(Boolean)

    const run = await gweInt(['generate'], {cwd})
    expect(run.exitCode, String(run.stderr)).toBe(0)
    const warned = lines(run.stderr)
    expect(warned).toHaveLength(2)
    for (const line of warned) expect(line).toMatch(/^warning: .*: north, south, west \(3 integrations\); /)
    expect(warned[0]).toContain('without a host')
    expect(warned[0].match(/--gwe-url/g)).toHaveLength(1)
    expect(warned[1]).toContain('placeholder host (--host https://gms.example.com)')

    // --json: the warnings per integration, each exactly as that integration alone reports them.
    const json = await gweInt(['generate', '--json'], {cwd})
    expect(json.exitCode).toBe(0)
    const all: string[] = JSON.parse(String(json.stdout)).warnings
    const alone: string[] = []
    for (const name of names) alone.push(...JSON.parse(String((await gweInt(['generate', '--json', '--only', name], {cwd})).stdout)).warnings)
    expect(all).toEqual(alone)
    expect(all).toHaveLength(6)
    for (const name of names) expect(all.filter((w) => w.startsWith(`${name}: `))).toHaveLength(2)
    expect(lines(json.stderr)).toEqual(warned)

    // -q: the same two lines, nothing else.
    const quiet = await gweInt(['generate', '-q'], {cwd})
    expect(String(quiet.stdout)).toBe('')
    expect(lines(quiet.stderr)).toEqual(warned)

    // --strict: the causes once, in the error, not as warnings before it.
    const causes = warned.map((l) => `  ${l.replace(/^warning: /, '')}`)
    for (const args of [
      ['generate', '--strict'],
      ['generate', '--check', '--strict', '-q'],
    ]) {
      const strict = await gweInt(args, {cwd})
      expect(strict.exitCode, args.join(' ')).toBe(1)
      const wrote = args.includes('--check') ? '' : '; nothing was written'
      expect(lines(strict.stderr), args.join(' ')).toEqual([`error: --strict: 6 warnings (2 causes)${wrote}`, ...causes])
    }

    // --check --strict with drift: the drift report, the warnings once, the --strict line pointing at them.
    fs.appendFileSync(path.join(cwd, 'widgets/south/indexGPE.html'), '<!-- edited -->\n')
    const drift = await gweInt(['generate', '--check', '--strict'], {cwd})
    expect(drift.exitCode).toBe(1)
    const report = lines(drift.stderr)
    expect(report.filter((l) => l.startsWith('warning: '))).toEqual(warned)
    expect(report.filter((l) => l.includes('north, south, west'))).toHaveLength(2)
    expect(report.at(-1)).toBe('--strict: 6 warnings (2 causes), listed above')

    // Next steps: one line per kind of file, naming the three files with their count.
    const steps = String(run.stdout).split('Next steps:\n')[1].trim().split('\n')
    expect(steps).toHaveLength(3)
    expect(steps[0]).toContain('widgets/north/inviteGMS.html, widgets/south/inviteGMS.html, widgets/west/inviteGMS.html (3 files)')
    expect(steps[1]).toContain('widgets/north/indexGPE.html, widgets/south/indexGPE.html, widgets/west/indexGPE.html (3 files)')
  })

  it('the NOT FOR PRODUCTION cause of several integrations: framed once, naming them all', async () => {
    const cwd = tempDir()
    const integrations = ['chat-a', 'chat-b'].map((name) => ({name, media: 'gwe-chat', gweUrl: 'https://gwe.acme.test', out: `widgets/${name}`}))
    fs.writeFileSync(path.join(cwd, 'gwe-int.config.json'), JSON.stringify({integrations}))
    const run = await gweInt(['generate', '--dry-run'], {cwd})
    expect(run.exitCode, String(run.stderr)).toBe(0)
    const lines = String(run.stderr).split('\n').filter(Boolean)
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(/^!{20,}$/)
    expect(lines[1]).toMatch(/^warning: NOT FOR PRODUCTION: .*: chat-a, chat-b \(2 integrations\); .*--invite-source/)
    expect(lines[2]).toMatch(/^!{20,}$/)
    const json = JSON.parse(String((await gweInt(['generate', '--dry-run', '--json'], {cwd})).stdout))
    expect(json.warnings.map((w: string) => w.split(':')[0])).toEqual(['chat-a', 'chat-b'])
  })
})
