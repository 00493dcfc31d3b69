/**
 * `--open`: hand the URL to the platform's opener, best effort. A missing opener is
 * reported to the caller, never thrown: the server keeps running either way.
 */
import {spawn} from 'node:child_process'

export function openerFor(platform: NodeJS.Platform, url: string): {command: string; args: string[]} {
  if (platform === 'darwin') return {command: 'open', args: [url]}
  // `start` is a cmd built-in; the empty string is the window title.
  if (platform === 'win32') return {command: 'cmd', args: ['/c', 'start', '""', url]}
  return {command: 'xdg-open', args: [url]}
}

/** Resolves with undefined when the opener started, or with the reason it did not. */
export function openUrl(url: string, platform: NodeJS.Platform = process.platform): Promise<string | undefined> {
  const {command, args} = openerFor(platform, url)
  return new Promise((resolve) => {
    try {
      const child = spawn(command, args, {stdio: 'ignore', detached: true, windowsHide: true})
      child.once('error', (error) => resolve(`${command}: ${(error as NodeJS.ErrnoException).code ?? error.message}`))
      child.once('spawn', () => {
        child.unref()
        resolve(undefined)
      })
    } catch (error) {
      resolve(`${command}: ${(error as Error).message}`)
    }
  })
}
