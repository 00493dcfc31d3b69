/**
 * Drives the built CLI in a real pseudo-terminal (util-linux `script`), so the
 * interactive path is proven with real inquirer prompts and real key presses.
 */
import {execa} from 'execa'
import {BIN} from './cli.js'

export const KEY = {enter: '\r', down: '\u001B[B', clearLine: '\u0015', ctrlC: '\u0003'}

/** `opts.command`: what runs gwe-int (default: the build, `node bin/run.cjs`); `opts.env`: added to the environment. */
export function ptySession(args: string[], cwd: string, opts: {command?: string[]; env?: Record<string, string>} = {}) {
  const command = [...(opts.command ?? ['node', BIN]), ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ')
  const child = execa('script', ['-qfec', command, '/dev/null'], {cwd, env: {TERM: 'xterm', COLUMNS: '120', NO_COLOR: '', ...opts.env}, reject: false})
  let screen = ''
  child.stdout!.on('data', (d: Buffer) => {
    screen += d.toString()
  })
  const plain = () => screen.replace(/\u001B\[[0-9;?]*[A-Za-z]/g, '')
  return {
    child,
    plain,
    /** Wait until `text` shows on the screen (after everything seen so far is consumed). */
    async waitFor(text: string, timeoutMs = 15_000): Promise<void> {
      const start = Date.now()
      while (!plain().includes(text)) {
        if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${JSON.stringify(text)}; screen:\n${plain()}`)
        await new Promise((r) => setTimeout(r, 25))
      }
    },
    async type(keys: string): Promise<void> {
      child.stdin!.write(keys)
      await new Promise((r) => setTimeout(r, 150))
    },
  }
}
