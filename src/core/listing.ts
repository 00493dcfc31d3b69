/** The catalogue as data, for `gwe-int list` (stable JSON, documented in the README). */
import {ARTIFACTS} from '../catalog/artifacts.js'
import {ATTACHED_DATA_KEYS} from '../catalog/keys.js'
import {MEDIA} from '../catalog/media.js'
import {FIELD_PARAM, findScenario} from '../catalog/scenarios.js'

export function catalogueListing() {
  return MEDIA.map((m) => ({
    id: m.id,
    title: m.title,
    summary: m.summary,
    party: m.party,
    inviteBranches: [...m.branches],
    starter: m.starter,
    defaultScenario: m.defaultScenario ?? null,
    scenarios: m.scenarios.map((id) => {
      const s = findScenario(id)!
      return {id, channel: s.channel, endpoint: s.endpoint, params: {...s.params}, requires: s.needs.map((n) => FIELD_PARAM[n])}
    }),
    inputs: [...m.inputs],
    requiredInputs: [...m.requires],
    defaults: {service: m.defaultService ?? null, inviteName: m.defaultInviteName, widgetName: m.defaultWidgetName ?? null},
    attachedData: m.party === 'second' ? [...ATTACHED_DATA_KEYS] : [],
    outputs: m.artifacts.map((a) => ({artifact: a, path: ARTIFACTS[a].path, summary: ARTIFACTS[a].summary})),
    note: m.note ?? null,
  }))
}
