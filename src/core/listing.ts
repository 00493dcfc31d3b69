/** The catalogue as data, for `gwe-int list` (stable JSON, documented in the README). */
import {ARTIFACTS} from '../catalog/artifacts.js'
import {ATTACHED_DATA_KEYS} from '../catalog/keys.js'
import {MEDIA, type MediaKind} from '../catalog/media.js'
import {FIELD_PARAM, findScenario} from '../catalog/scenarios.js'

/** What the invitation's onAccept() branch calls, as shown to people (`startGms('<scenario>')`). */
function starterShape(m: MediaKind, branch: string): string {
  if (m.starterArg === 'scenario') return `${m.starter}('<scenario>')`
  if (m.starterArg === 'branch') return `${m.starter}('${branch}')`
  return `${m.starter}()`
}

export function catalogListing() {
  return MEDIA.map((m) => ({
    id: m.id,
    title: m.title,
    summary: m.summary,
    party: m.party,
    inviteBranches: [...m.branches],
    starter: m.starter,
    /** Per invitation type: the call that replaces startChat()/startCallback(). */
    invite: m.branches.map((type) => ({type, calls: starterShape(m, type), reports: type === 'CHAT' ? 'ACCEPT_CHAT' : 'ACCEPT_CALLBACK'})),
    defaultScenario: m.defaultScenario ?? null,
    scenarios: m.scenarios.map((id) => {
      const s = findScenario(id)!
      return {
        id,
        channel: s.channel,
        summary: s.summary,
        endpoint: s.endpoint,
        params: {...s.params},
        requires: s.needs.map((n) => FIELD_PARAM[n]),
        optional: s.optional.map((n) => FIELD_PARAM[n]),
      }
    }),
    inputs: [...m.inputs],
    requiredInputs: [...m.requires],
    defaults: {service: m.defaultService ?? null, inviteName: m.defaultInviteName, widgetName: m.defaultWidgetName ?? null},
    attachedData: m.party === 'second' ? [...ATTACHED_DATA_KEYS] : [],
    outputs: m.artifacts.map((a) => ({
      artifact: a,
      path: ARTIFACTS[a].path,
      defaultPath: ARTIFACTS[a].path.replace('{invite}', m.defaultInviteName).replace('{widget}', m.defaultWidgetName ?? ''),
      summary: ARTIFACTS[a].summary,
    })),
    note: m.note ?? null,
    deprecated: m.deprecation ? {...m.deprecation} : null,
  }))
}
