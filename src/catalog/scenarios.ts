/**
 * GMS scenario presets, as the GMS samples send them (docs/genesys.md#gms-callback).
 * The JS sample's `#scenario` values are client-side presets, not server names:
 * callback scenarios POST to `callback/<service>`; REQUEST-* use built-in services
 * (docs/genesys.md#gms-sample).
 * Adding a scenario is a one-place change: add an entry here and name it in a medium.
 */
export type ScenarioField = 'customerNumber' | 'phoneNumber' | 'desiredTime'

export interface Scenario {
  id: string
  /** What the visitor gets: a chat or a voice call. */
  channel: 'chat' | 'voice'
  summary: string
  /** Path under `<gms>/genesys/1/service/`: `callback/<service>` or a built-in service. */
  endpoint: 'callback' | 'request-chat' | 'request-interaction'
  /** Preset service parameters sent with the request. */
  params: Readonly<Record<string, string>>
  /** Visitor input the request cannot go without. */
  needs: readonly ScenarioField[]
  /** Visitor input sent when given, not required. */
  optional: readonly ScenarioField[]
}

const preset = (direction: string, wait: boolean, media: 'voice' | 'chat') => ({
  _call_direction: direction,
  _wait_for_agent: String(wait),
  _wait_for_user_confirm: String(wait),
  _media_type: media,
})

export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'CHAT-NOW',
    channel: 'chat',
    summary: 'chat now, no queue wait (callback service, chat media)',
    endpoint: 'callback',
    params: preset('USERORIGINATED', false, 'chat'),
    needs: [],
    optional: ['customerNumber'],
  },
  {
    id: 'CHAT-WAIT',
    channel: 'chat',
    summary: 'chat when an agent is ready (callback service, chat media)',
    endpoint: 'callback',
    params: preset('USERORIGINATED', true, 'chat'),
    needs: [],
    optional: ['customerNumber'],
  },
  // Built-in request-chat; the guide's sample sends _customer_number with it (docs/genesys.md#request-chat).
  {
    id: 'REQUEST-CHAT',
    channel: 'chat',
    summary: 'built-in request-chat service (Chat API v1)',
    endpoint: 'request-chat',
    params: {},
    needs: [],
    optional: ['customerNumber'],
  },
  // _customer_number is mandatory for every callback (docs/genesys.md#gms-callback).
  {
    id: 'VOICE-NOW-USERORIG',
    channel: 'voice',
    summary: 'visitor calls in now',
    endpoint: 'callback',
    params: preset('USERORIGINATED', false, 'voice'),
    needs: ['customerNumber'],
    optional: [],
  },
  {
    id: 'VOICE-WAIT-USERORIG',
    channel: 'voice',
    summary: 'visitor calls in when an agent is ready',
    endpoint: 'callback',
    params: preset('USERORIGINATED', true, 'voice'),
    needs: ['customerNumber'],
    optional: [],
  },
  {
    id: 'VOICE-NOW-USERTERM',
    channel: 'voice',
    summary: 'agent calls the visitor now',
    endpoint: 'callback',
    params: preset('USERTERMINATED', false, 'voice'),
    needs: ['customerNumber'],
    optional: [],
  },
  {
    id: 'VOICE-WAIT-USERTERM',
    channel: 'voice',
    summary: 'agent calls the visitor when ready',
    endpoint: 'callback',
    params: preset('USERTERMINATED', true, 'voice'),
    needs: ['customerNumber'],
    optional: [],
  },
  // _desired_time (ISO-8601 UTC) from the sample's #available_time_slots (docs/genesys.md#availability).
  {
    id: 'VOICE-SCHEDULED-USERTERM',
    channel: 'voice',
    summary: 'agent calls the visitor at a chosen time',
    endpoint: 'callback',
    params: preset('USERTERMINATED', true, 'voice'),
    needs: ['customerNumber', 'desiredTime'],
    optional: [],
  },
  // request-interaction takes _phone_number (mandatory), not _customer_number (docs/genesys.md#request-interaction).
  {
    id: 'REQUEST-INTERACTION',
    channel: 'voice',
    summary: 'built-in request-interaction: visitor dials an access number',
    endpoint: 'request-interaction',
    params: {},
    needs: ['phoneNumber'],
    optional: [],
  },
  // CUSTOM leaves every parameter to the service's configuration.
  {
    id: 'CUSTOM',
    channel: 'voice',
    summary: 'parameters come from the GMS service configuration',
    endpoint: 'callback',
    params: {},
    needs: ['customerNumber'],
    optional: [],
  },
]

export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id)
}

/** The GMS request parameter each visitor field travels as. */
export const FIELD_PARAM: Readonly<Record<ScenarioField, string>> = {
  customerNumber: '_customer_number',
  phoneNumber: '_phone_number',
  desiredTime: '_desired_time',
}
