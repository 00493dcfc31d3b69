/** --help text derived from the catalogue, so help never lists a medium or scenario that does not exist. */
import {MEDIA} from '../catalog/media.js'
import {findScenario} from '../catalog/scenarios.js'

export function mediaHelp(): string {
  const width = Math.max(...MEDIA.map((m) => m.id.length))
  const lines = ['Media kinds and their scenarios (default first):']
  for (const m of MEDIA) {
    lines.push(`  ${m.id.padEnd(width)}  ${m.summary}`)
    if (m.scenarios.length > 0) {
      const ordered = [m.defaultScenario!, ...m.scenarios.filter((s) => s !== m.defaultScenario)]
      for (const s of ordered) lines.push(`  ${''.padEnd(width)}    ${s.padEnd(25)} ${findScenario(s)!.summary}`)
    }
  }
  return lines.join('\n')
}

/** The exit codes, as the README's table gives them, for the --help of the commands that write. */
export const EXIT_CODES_HELP = `Exit codes: 0 ok; 1 --check found differences (or temp files a killed run left), or --strict found warnings; 2 invalid input (flags, config, templates, a file that is a folder, pipe or device); 3 refused to overwrite files edited by hand; 70 internal error (please report it); 74 I/O failure (disk full, read-only, permission denied, the config's lock held too long or in the way, stdout or stderr that cannot be written); 130, 143, 129 stopped by SIGINT (Ctrl-C), SIGTERM, SIGHUP, with nothing written.`
