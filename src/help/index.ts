/**
 * oclif's help, keeping the indentation of description lines: the default wraps the
 * whole description as one text and trims every line's start, which flattens the
 * media/scenario list of `new --help` into a column. Each line is wrapped on its own
 * here, continuation lines hanging under its text.
 */
import type {Command} from '@oclif/core/command'
import {CommandHelp, Help} from '@oclif/core/help'

const LINE_FEED = /\r\n|\n/

class IndentedCommandHelp extends CommandHelp {
  protected description(): string | undefined {
    const cmd = this.command
    if (!cmd.description) return undefined
    const lines = [...(cmd.summary ? [...cmd.summary.split(LINE_FEED), ''] : []), ...cmd.description.split(LINE_FEED)]
    return lines
      .map((line) => {
        const lead = /^ */.exec(line)![0].length
        if (lead === 0) return this.wrap(line)
        // Table rows (columns two or more spaces apart) hang under their last column.
        let hang = lead
        for (const m of line.slice(lead).matchAll(/ {2,}(?=\S)/g)) hang = lead + m.index + m[0].length
        const rows = this.wrap(line.slice(hang), this.indentSpacing + hang).split('\n')
        return rows.map((row, k) => (k === 0 ? line.slice(0, hang) : ' '.repeat(hang)) + row).join('\n')
      })
      .join('\n')
  }
}

export default class GweIntHelp extends Help {
  getCommandHelpClass(command: Command.Loadable): CommandHelp {
    return new IndentedCommandHelp(command, this.config, this.opts)
  }
}
