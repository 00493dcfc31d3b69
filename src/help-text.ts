/** --help text derived from the catalogue, so help never lists a medium or scenario that does not exist. */
import {MEDIA} from './catalog/media.js'
import {findScenario} from './catalog/scenarios.js'

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
