/**
 * What a user or maintainer of the package must never meet: references to notes they
 * cannot open (source tags, section signs, the notes' file names, status marks, issue
 * numbers), and links into docs/genesys.md that lead nowhere.
 */
import {genesysDocAnchors} from './genesys-doc.js'

const FORBIDDEN: [RegExp, string][] = [
  [/\b[SR]\d{1,2}\b/g, 'a source tag'],
  [/§/g, 'a section sign'],
  [/\bseeds?\b/gi, 'the word "seed"'],
  [/domain\.md|gms-sessions/gi, 'a private note'],
  [/\[(?:U|I|C)\]|\[C-(?:seed|code)\]/g, 'a status mark'],
  [/\bissues? #?\d+\b|\bissue N\b/gi, 'an issue number'],
]

/** One line per forbidden reference in `text`: `where:line: what "excerpt"`. */
export function forbiddenReferences(where: string, text: string): string[] {
  const found: string[] = []
  for (const [re, what] of FORBIDDEN) {
    for (const m of text.matchAll(re)) {
      const line = text.slice(0, m.index).split('\n').length
      const excerpt = text.slice(Math.max(0, m.index! - 40), m.index! + m[0].length + 40).replace(/\s+/g, ' ')
      found.push(`${where}:${line}: ${what} "${excerpt}"`)
    }
  }
  return found
}

/** The form every generated file uses to link into the reference, from a project's root. */
export const DOC_LINK = 'node_modules/gwe-int/docs/genesys.md#'

/**
 * Links into docs/genesys.md that do not resolve: an anchor the document lacks, or (in
 * generated output, `generated: true`) a link not in the installed-package form.
 */
export function badDocLinks(where: string, text: string, generated: boolean): string[] {
  const anchors = genesysDocAnchors()
  const bad: string[] = []
  for (const m of text.matchAll(/(\S*)genesys\.md#([\w-]*)/g)) {
    const [whole, prefix, anchor] = m
    if (!anchors.has(anchor)) bad.push(`${where}: ${whole}: no such section in docs/genesys.md`)
    if (generated && !prefix.endsWith('node_modules/gwe-int/docs/')) bad.push(`${where}: ${whole}: generated files link as ${DOC_LINK}${anchor}`)
  }
  return bad
}

/**
 * Every `TODO(gwe-int)` of a generated file must say where to read more: its comment
 * (until a blank line, the end of the comment, or the end of a run of line comments)
 * links into docs/genesys.md.
 */
export function todosWithoutLink(where: string, text: string): string[] {
  const bad: string[] = []
  const lines = text.split('\n')
  lines.forEach((line, i) => {
    const at = line.indexOf('TODO(gwe-int)')
    if (at < 0) return
    const marker = /^\s*(\/\/|#)/.exec(line)?.[1]
    let comment = line.slice(at)
    for (let j = i + 1; j < lines.length && !/(\*\/|-->)/.test(comment) && !comment.includes('genesys.md#'); j += 1) {
      const next = lines[j]
      if (!next.trim() || next.includes('TODO(gwe-int)')) break
      if (marker && !next.trim().startsWith(marker)) break
      comment += `\n${next}`
    }
    if (!comment.includes('genesys.md#')) bad.push(`${where}:${i + 1}: TODO without a docs/genesys.md link: ${line.trim().slice(0, 100)}`)
  })
  return bad
}
