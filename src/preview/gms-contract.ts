/**
 * The GMS contract the preview's stand-in enforces: one row per rule, each with the
 * status GMS answers when the rule is broken and where the rule comes from, in plain
 * words with the public Genesys page. Kept apart from the widget templates on purpose:
 * the widgets are written from the same pages, but a widget must pass because it
 * follows them, not because it and the stand-in share one guess.
 *
 * Where the pages are silent, the stand-in takes the strict reading and the row says so.
 */

export interface ContractRule {
  /** HTTP status of the rejection. */
  status: number
  /** What GMS expects, in one sentence. */
  rule: string
  /** Where that comes from. */
  source: string
}

const CALLBACK_API = 'https://docs.genesys.com/Documentation/GMS/8.5.2/API/CallbackServicesAPI'
const CHAT_V1 = 'https://docs.genesys.com/Documentation/GMS/8.5.2/API/ChatAPIVersion1'
const CHAT_V2 = 'https://docs.genesys.com/Documentation:GMS:API:ChatAPIv2:8.5.2'
const SERVICES = 'https://docs.genesys.com/Documentation/GMS/8.1.1/API/GMSServices'
const SERVICE_API = 'https://docs.genesys.com/Documentation/GMS/8.1.1/API/ServiceAPI'
const REQUEST_CHAT = 'https://docs.genesys.com/Documentation/GMS/latest/Help/Request-chat'
const CALLBACK_OPTIONS = 'https://docs.genesys.com/Documentation/CLBCK/8.5.2/UG/RequestFromIVR'
const DELAYED = 'https://enu.docs.genesys.com/Documentation:GMS:Help:InboundDelay:8.5.0'
const PUSH = 'https://docs.genesys.com/Documentation:GMS:API:PushNotificationService:8.5.3'

export const CONTRACT = {
  callbackCustomerNumber: {
    status: 400,
    rule: 'Every request that creates a callback-service session carries _customer_number, chat media included.',
    source: `The Callback Services API lists _customer_number as mandatory, and Genesys's chat-media callback template makes it a mandatory lookup key as well: ${CALLBACK_API}`,
  },
  callbackBody: {
    status: 415,
    rule: 'The callback service takes a form-encoded (or multipart) body; a JSON body is also accepted.',
    source: `The Callback Services API example posts application/x-www-form-urlencoded; the Service API allows form or multipart; Genesys's own tests post JSON: ${CALLBACK_API} and ${SERVICE_API}`,
  },
  requestInteractionPhone: {
    status: 400,
    rule: 'request-interaction needs _phone_number, the number the visitor will call from.',
    source: `The GMS services page marks _phone_number as mandatory for request-interaction: ${SERVICES}`,
  },
  desiredTimeOffered: {
    status: 400,
    rule: '_desired_time is an ISO-8601 UTC time that the availability query offered with a free slot, in the future.',
    source: `The Callback Services API defines _desired_time as ISO-8601 UTC and the availability query as the source of free slots: ${CALLBACK_API}`,
  },
  chatV1GmsUser: {
    status: 400,
    rule: 'Every Chat API v1 request carries the gms_user header.',
    source: `The Chat API v1 page asks for gms_user on all HTTP requests (strict reading: the page states it for the CometD mode): ${CHAT_V1}`,
  },
  chatV1Form: {
    status: 415,
    rule: 'Chat API v1 requests are application/x-www-form-urlencoded or multipart/form-data.',
    source: `The Chat API v1 page: other formats are answered with 415 Unsupported Media Type: ${CHAT_V1}`,
  },
  chatV1UnknownService: {
    status: 404,
    rule: 'A Chat API v1 call names the id of a chat service GMS created (callback with chat media, or request-chat).',
    source: `The Chat API v1 page: one service is associated with exactly one chat session; the Service API answers 404 when nothing matches: ${CHAT_V1}`,
  },
  chatV1Once: {
    status: 400,
    rule: 'A service creates its chat once; a second create on the same service id is refused.',
    source: `The Chat API v1 page: one service is associated with exactly one chat session: ${CHAT_V1}`,
  },
  chatV1AfterDisconnect: {
    status: 400,
    rule: 'After disconnect (chatIxnState DISCONNECTED) every further call on that chat is refused.',
    source: `The Chat API v1 page describes DISCONNECTED as the end of the session; Genesys's chat service option _chat_400_response_on_disconnected answers 400 on it (strict reading): ${CHAT_V1}`,
  },
  chatV2Form: {
    status: 415,
    rule: 'Chat API v2 requests are application/x-www-form-urlencoded or multipart/form-data.',
    source: `The Chat API v2 page lists these two formats for its operations: ${CHAT_V2}`,
  },
  chatV2Name: {
    status: 400,
    rule: 'A Chat API v2 chat is requested with nickname, or with both firstName and lastName.',
    source: `The Chat API v2 page, Request Chat parameters: ${CHAT_V2}`,
  },
  chatV2Credentials: {
    status: 400,
    rule: 'Every Chat API v2 call after the request carries the userId, secureKey and alias the chat was created with.',
    source: `The Chat API v2 page, Send Message parameters: ${CHAT_V2}`,
  },
  chatV2UnknownChat: {
    status: 404,
    rule: 'A Chat API v2 call names a chatId this service created.',
    source: `The Chat API v2 page: every operation is below /genesys/2/chat/<service>/<chatId>: ${CHAT_V2}`,
  },
  chatV2AfterEnd: {
    status: 400,
    rule: 'After a chat ended (chatEnded true) every further call on it is refused.',
    source: `The Chat API v2 page: chatEnded marks a finished chat (strict reading: no calls after it): ${CHAT_V2}`,
  },
  unknownCallback: {
    status: 404,
    rule: 'Queue position, cancel and menu choices name a callback id GMS returned.',
    source: `The Callback Services API addresses each callback as /genesys/1/service/callback/<service>/<_id>: ${CALLBACK_API}`,
  },
  requestChatForm: {
    status: 415,
    rule: 'request-chat takes a form-encoded body.',
    source: `The request-chat service page: the body is x-www-form-urlencoded: ${REQUEST_CHAT}`,
  },
  connectUnexpected: {
    status: 404,
    rule: 'A connect request names a callback whose service waits for the visitor to confirm (_wait_for_user_confirm=true).',
    source: `The Callback User's Guide: the confirmation step exists only with _wait_for_user_confirm=true: ${CALLBACK_OPTIONS}`,
  },
  connectBeforeReady: {
    status: 400,
    rule: 'The connect request follows the notification that an agent is ready, not before it (strict reading).',
    source: `The delayed scenario: GMS notifies the device that an agent is available; next, the device is expected to send the connect request: ${DELAYED}; the Callback User's Guide, _wait_for_user_confirm: ${CALLBACK_OPTIONS}`,
  },
  confirmExpired: {
    status: 400,
    rule: 'A visitor who does not confirm in time ends the callback as FAIL_USER_NO_CONFIRM; a later connect request is refused.',
    source: `The Callback User's Guide: GMS waits for the customer's confirmation after the push (_wait_for_user_confirm); the outcome name FAIL_USER_NO_CONFIRM is from Genesys's callback outcomes (strict reading: refused afterwards): ${CALLBACK_OPTIONS}`,
  },
} as const satisfies Record<string, ContractRule>

/** The rules of the stand-in's CometD endpoint (bayeux.ts), refused as Bayeux errors. */
export const COMETD_CONTRACT = {
  cometGmsUser: {
    status: 401,
    rule: 'Every CometD (Bayeux) request to /genesys/cometd carries the gms_user header.',
    source: `The Chat API v1 page asks for gms_user on every request of its CometD mode, served at /genesys/cometd: ${CHAT_V1}`,
  },
} as const satisfies Record<string, ContractRule>

export type RuleId = keyof typeof CONTRACT

/** The rejection GMS would answer for a broken rule, with the rule and its source. */
export function rejection(id: RuleId, detail?: string): {status: number; body: {error: string; message: string; rule: string; source: string}} {
  const r: ContractRule = CONTRACT[id]
  return {status: r.status, body: {error: id, message: detail ? `${r.rule} (${detail})` : r.rule, rule: r.rule, source: r.source}}
}

/** The Content-Type of a request without parameters, lower case. */
export const mediaType = (contentType: string | undefined) => (contentType ?? '').split(';')[0].trim().toLowerCase()

export const isForm = (contentType: string | undefined) => ['application/x-www-form-urlencoded', 'multipart/form-data'].includes(mediaType(contentType))

/**
 * Options the Callback User's Guide lists as the service's configuration, not as request
 * parameters: a request that carries them may be ignored (docs/genesys.md#gms-service-options).
 */
export const SERVICE_OPTIONS = ['_call_direction', '_wait_for_agent', '_wait_for_user_confirm', '_media_type'] as const

/** What the stand-in accepts but notes in the request log: it may not work on a real GMS. */
export const ADVISORIES = {
  serviceOptionInRequest: {
    rule: "This is an option of the callback service's configuration; a request may set only _customer_number, _desired_time, $token$ values and, where _overwritable_options lists them, _ors and _target. GMS may ignore it: set it on the service.",
    source: `The Callback User's Guide lists _call_direction, _wait_for_agent, _wait_for_user_confirm and _media_type as service options: ${CALLBACK_OPTIONS}; the Callback Services API limits _overwritable_options to _ors and _target: ${CALLBACK_API}`,
  },
  confirmWithoutPush: {
    rule: 'The service waits for the visitor to confirm after a push notification, but the request registered no push channel (_device_os and _device_notification_id): GMS cannot tell the visitor that an agent is ready, and the callback ends as FAIL_USER_NO_CONFIRM.',
    source: `The Callback User's Guide, _wait_for_user_confirm: ${CALLBACK_OPTIONS}; push types (comet since GMS 8.5.103.10): ${PUSH}`,
  },
} as const satisfies Record<string, Omit<ContractRule, 'status'>>

export type AdvisoryId = keyof typeof ADVISORIES

/** One line for the request log: the advisory, what the request held, and the source. */
export const advisory = (id: AdvisoryId, detail: string): string => `${detail}: ${ADVISORIES[id].rule} Source: ${ADVISORIES[id].source}`
