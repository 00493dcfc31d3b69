/**
 * The scripts the preview serves to the browser, kept as JavaScript files in
 * src/preview/browser/ so that the linter checks them. The build inlines them here
 * (scripts/inline-browser-scripts.mjs replaces INLINED in this module's compiled
 * output), so the installed CLI reads no file for them; run from source (tests,
 * bin/dev.js), they are read from that folder.
 */
import fs from 'node:fs'

export type BrowserScript = 'customer.js' | 'widgets-stand-in.js'

const INLINED: Readonly<Record<BrowserScript, string>> | undefined = undefined

export function browserScript(name: BrowserScript): string {
  return INLINED?.[name] ?? fs.readFileSync(new URL(`./browser/${name}`, import.meta.url), 'utf8')
}
