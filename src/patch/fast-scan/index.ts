/**
 * The fast scan for `<script>` elements, the one entry point of this folder:
 * what the exact parse (../tree.ts scriptElements) would report, or undefined
 * when the scan cannot be sure and the caller must parse the whole page.
 *
 * Why it exists: parse5's tree builder reads a page one character at a time and
 * builds a tree gwe-int does not need. On a realistic 200 KB page (a CMS page
 * around the invitation) that made the whole `gwe-int patch` command about 1.7x
 * slower; on a bare 2 KB invite.html the two ways cost the same. `npm run bench`
 * measures both (the patch cases).
 *
 * Two ways, each exact where it answers: parse5's tokenizer alone, steered as the
 * tree builder would steer it (tokens.ts, after cutting out runs of plain markup,
 * plain-runs.ts); then the tree builder over the text with large script contents
 * cut out, when it confirms every cut (mask.ts).
 *
 * GWE_INT_PATCH_SCAN=exact turns the scan off: the bench's baseline, and a way
 * out should it ever misread a page.
 */
import type {FoundScript} from '../types.js'
import {viaMask} from './mask.js'
import {scriptsByTokens} from './tokens.js'

export function fastScan(html: string): FoundScript[] | undefined {
  if (process.env.GWE_INT_PATCH_SCAN === 'exact') return undefined
  return scriptsByTokens(html) ?? viaMask(html)
}
