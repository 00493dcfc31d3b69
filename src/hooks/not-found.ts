/**
 * oclif `command_not_found` hook: `gwe-int nwe gms-chat` -> did you mean "new"?
 * @oclif/plugin-not-found compares the whole unknown id (`nwe:gms-chat`, the
 * arguments glued on by the space topic separator) with the command ids and
 * suggests "generate"; this hook first splits the command words from their
 * arguments (shared/suggest.ts). In a terminal it hands over to the plugin, which asks
 * "Did you mean new?" and runs it with the arguments; without one (CI, scripts) it
 * prints the suggestion and fails with exit 2 (invalid input).
 */
import type {Hook} from '@oclif/core'
import {EXIT} from '../shared/errors.js'
import {suggestCommand} from '../shared/suggest.js'

const hook: Hook<'command_not_found'> = async function (opts) {
  const ids = opts.config.commands.filter((c) => !c.hidden).flatMap((c) => [c.id, ...c.aliases])
  const {typed, id, rest} = suggestCommand(opts.id, ids)
  const shown = (s: string) => s.split(':').join(' ')
  const decline = () => {
    const hint = id ? `did you mean "${shown(id)}"? Run` : 'run'
    process.stderr.write(`error: "${shown(typed)}" is not a ${opts.config.bin} command; ${hint} "${opts.config.bin} --help" for the list\n`)
    return this.exit(EXIT.invalid)
  }
  if (!id || !process.stdin.isTTY) return decline()
  const {default: notFound} = await import('@oclif/plugin-not-found')
  return notFound.call({...this, error: decline}, {...opts, id: typed, argv: [...rest, ...(opts.argv ?? [])]})
}

export default hook
