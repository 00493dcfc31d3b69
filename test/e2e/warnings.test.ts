/**
 * Honest output through the built binary: what cannot work in production as generated
 * (stand-in invitations, URLs without a host, placeholder hosts) is a warning on stderr and
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
    expect(after.filter((w) => w.includes('stand-in'))).toHaveLength(1)
  })

  it('new --strict: exit 1 listing the warnings, nothing written', async () => {
    const cwd = tempDir()
    const run = await gweInt(['new', 'gms-chat', '--yes', '--strict'], {cwd})
    expect(run.exitCode).toBe(1)
    expect(String(run.stderr)).toMatch(/error: --strict: \d+ warnings; nothing was written/)
    expect(String(run.stderr)).toContain('  gms-chat: --host https://gms.example.com is a placeholder')
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
})
