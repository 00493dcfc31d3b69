/**
 * Template files and ids, shared by the run-time loader (templates.ts) and the
 * build-time precompiler (precompile.ts). A template id is its path below
 * templates/ without `.hbs` (e.g. `invite/invite.html`); files in a `partials/`
 * folder register as partials named `<family>/<name>`
 * (`invite/partials/get-ids.js.hbs` -> `{{> invite/get-ids.js}}`).
 */
import {readdirSync} from 'node:fs'
import path from 'node:path'

/**
 * Handlebars options for every template, precompiled or not, so both give the same bytes.
 * strict: an unknown variable or helper is an error at render time, not an empty string.
 */
export const COMPILE_OPTIONS = {strict: true, noEscape: false, preventIndent: false} as const

/** `.hbs` files below `root`, relative with `/`, sorted. */
export function listTemplateFiles(root: string, dir = ''): string[] {
  return listFiles(root, dir).filter((rel) => rel.endsWith('.hbs'))
}

/**
 * Files below an override folder that cannot be templates: anything but `.hbs`, the
 * README that `templates eject` writes, and dotfiles. A missing `.hbs` is a typo, not
 * something to ignore silently.
 */
export function listStrayFiles(root: string): string[] {
  return listFiles(root).filter((rel) => !rel.endsWith('.hbs') && rel !== 'README.md' && !rel.split('/').some((part) => part.startsWith('.')))
}

function listFiles(root: string, dir = ''): string[] {
  const out: string[] = []
  for (const entry of readdirSync(path.join(root, dir), {withFileTypes: true})) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name
    if (entry.isDirectory()) out.push(...listFiles(root, rel))
    else out.push(rel)
  }
  return out.sort()
}

export const isPartial = (rel: string): boolean => rel.includes('/partials/')
export const partialName = (rel: string): string => rel.replace('/partials/', '/').replace(/\.hbs$/, '')
export const templateId = (rel: string): string => rel.replace(/\.hbs$/, '')
