/**
 * The template context (TemplateContext, the view model templates receive): everything derived from a resolved
 * integration and the catalogue, so templates hold no logic beyond #if/#each.
 * `templates eject` documents these fields for custom templates.
 */
import {ARTIFACTS} from '../../catalog/artifacts.js'
import {CONTEXT_INPUTS, type InputName} from '../../catalog/inputs.js'
import {ATTACHED_DATA_KEYS, KEYS} from '../../catalog/keys.js'
import {FIELD_PARAM, findScenario, type Scenario} from '../../catalog/scenarios.js'
import {accentPalette, type AccentPalette} from '../../render/css-color.js'
import {jsString} from '../../shared/escape.js'
import {localeSpec, messagesFor, type Messages} from '../../locales/index.js'
import type {ResolvedIntegration} from './integration.js'

export interface ScenarioView {
  id: string
  channel: string
  summary: string
  endpoint: string
  params: {key: string; value: string}[]
  needs: {customerNumber: boolean; phoneNumber: boolean; desiredTime: boolean}
  /** The GMS parameter the visitor's phone number travels as (docs/genesys.md#request-interaction). */
  numberParam: string
  /** Whether the widget may connect without asking the visitor anything: callback
   * scenarios cannot go without a phone number (docs/genesys.md#gms-sample). */
  autoConnect: boolean
}

function scenarioView(s: Scenario): ScenarioView {
  return {
    id: s.id,
    channel: s.channel,
    summary: s.summary,
    endpoint: s.endpoint,
    params: Object.entries(s.params).map(([key, value]) => ({key, value})),
    needs: {customerNumber: s.needs.includes('customerNumber'), phoneNumber: s.needs.includes('phoneNumber'), desiredTime: s.needs.includes('desiredTime')},
    numberParam: s.needs.includes('phoneNumber') ? FIELD_PARAM.phoneNumber : FIELD_PARAM.customerNumber,
    autoConnect: s.needs.length === 0,
  }
}

export interface TemplateContext {
  integration: string
  /**
   * Every input a medium takes (catalog/inputs.ts CONTEXT_INPUTS) as resolved: defaults
   * filled, `scenario` its id, "" when none. An input added to the table is here with no other edit.
   */
  inputs: Record<InputName, string>
  media: {id: string; title: string; secondParty: boolean; starter: string; starterPartial: string; note: string}
  /** The onAccept() branches to take over, with the call that replaces startChat()/startCallback(). */
  branches: {type: string; call: string; result: string}[]
  /** The invitation's type and what each onAccept() branch calls (defaults where not taken over). */
  invite: {type: string; chatCall: string; callbackCall: string}
  scenario?: ScenarioView
  scenarios: ScenarioView[]
  /** The medium's scenarios as data for the widget script: endpoint, preset params, needs. */
  scenarioTable: Record<string, {channel: string; endpoint: string; params: Record<string, string>; needs: string[]; numberParam: string}>
  /** Scenario id -> whether the widget may connect without visitor input. */
  scenarioAutoConnect: Record<string, boolean>
  /**
   * GMS URLs. `chatUrl`: Chat API v2 `<host>/genesys/2/chat/<service>`.
   * `widgetUrlRelative`: the widget URL has no scheme and host, so the invitation (which runs
   * inside the visitor's page, docs/genesys.md#invite-widget) would open it on the visitor's site.
   */
  gms: {base: string; api: string; service: string; widgetUrl: string; widgetUrlRelative: boolean; chatUrl: string}
  vendor: {url: string; fn: string}
  gwe: {version: string; prefix: string; url: string; inviteUrl: string; notifyPath: string}
  /** Output file names; `extension`: the Genesys Widgets extension's path below the output folder. */
  files: {invite: string; widget: string; extension: string}
  keys: typeof KEYS
  attachedKeys: readonly string[]
  /** Branding of the visitor-facing pages: colours for the shared stylesheet, the logo. */
  brand: AccentPalette & {logoUrl: string}
  /** The language of the visitor-facing text. */
  locale: {code: string; dir: 'ltr' | 'rtl'}
  /** Visitor-facing strings (src/locales), already merged with the config's overrides. */
  t: Messages
}

/** onAccept reports ACCEPT_CHAT / ACCEPT_CALLBACK after starting the medium. */
const RESULT = {CHAT: 'ACCEPT_CHAT', CALLBACK: 'ACCEPT_CALLBACK'} as const

export function starterCall(i: ResolvedIntegration, branch: 'CHAT' | 'CALLBACK'): string {
  const {starter, starterArg} = i.medium
  if (starterArg === 'scenario') return `${starter}(${jsString(i.scenario!.id)})`
  if (starterArg === 'branch') return `${starter}(${jsString(branch)})`
  return `${starter}()`
}

function inputValues(i: ResolvedIntegration): Record<InputName, string> {
  const value = (name: InputName) => (name === 'scenario' ? i.scenario?.id : i[name])
  return Object.fromEntries(CONTEXT_INPUTS.map((name) => [name, value(name) ?? ''])) as Record<InputName, string>
}

export function buildContext(i: ResolvedIntegration): TemplateContext {
  return {
    integration: i.name,
    inputs: inputValues(i),
    media: {
      id: i.medium.id,
      title: i.medium.title,
      secondParty: i.medium.party === 'second',
      starter: i.medium.starter,
      starterPartial: i.medium.starterTemplate ? `invite/starter-${i.medium.starterTemplate}.js` : '',
      note: i.medium.note ?? '',
    },
    branches: i.medium.branches.map((type) => ({type, call: starterCall(i, type), result: RESULT[type]})),
    invite: {
      type: i.inviteType,
      chatCall: i.medium.branches.includes('CHAT') ? starterCall(i, 'CHAT') : 'startChat()',
      callbackCall: i.medium.branches.includes('CALLBACK') ? starterCall(i, 'CALLBACK') : 'startCallback()',
    },
    scenario: i.scenario ? scenarioView(i.scenario) : undefined,
    scenarios: i.medium.scenarios.map((id) => scenarioView(findScenario(id)!)),
    scenarioTable: Object.fromEntries(
      i.medium.scenarios.map((id) => {
        const s = findScenario(id)!
        return [id, {channel: s.channel, endpoint: s.endpoint, params: {...s.params}, needs: [...s.needs], numberParam: scenarioView(s).numberParam}]
      }),
    ),
    scenarioAutoConnect: Object.fromEntries(i.medium.scenarios.map((id) => [id, findScenario(id)!.needs.length === 0])),
    gms: {
      base: i.host ?? '',
      api: `${i.host ?? ''}/genesys`,
      service: i.service ?? '',
      widgetUrl: i.widgetUrl ?? '',
      widgetUrlRelative: i.widgetUrl !== undefined && !/^https?:\/\//i.test(i.widgetUrl),
      chatUrl: `${i.host ?? ''}/genesys/2/chat/${encodeURIComponent(i.service ?? '')}`,
    },
    vendor: {url: i.medium.host?.kind === 'full-url' ? (i.host ?? '') : '', fn: i.vendorFunction ?? ''},
    gwe: {
      version: i.gweVersion,
      prefix: i.gwePrefix,
      url: i.gweUrl ?? '',
      inviteUrl: i.inviteUrl,
      // POST <gwe><prefix>/data/notification/notify/{visitID}
      notifyPath: `${i.gwePrefix}/data/notification/notify/`,
    },
    files: {
      invite: i.inviteName,
      widget: i.widgetName ?? '',
      extension: i.medium.artifacts.includes('widgets-extension') ? ARTIFACTS['widgets-extension'].path : '',
    },
    keys: KEYS,
    attachedKeys: ATTACHED_DATA_KEYS,
    brand: {...accentPalette(i.accent), logoUrl: i.logoUrl ?? ''},
    locale: {code: localeSpec(i.locale).code, dir: localeSpec(i.locale).dir},
    t: messagesFor(i.locale, i.texts),
  }
}
