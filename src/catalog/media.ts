/**
 * Media kinds gwe-int integrates (docs/genesys.md). Everything that differs
 * between media lives here; prompts, flags, `list`, the config schema and the
 * templates read it.
 */
import type {ScenarioField} from './scenarios.js'
import {type InputName, VISITOR_INPUTS} from './inputs.js'

export type InviteType = 'CHAT' | 'CALLBACK'
export type ArtifactId = 'invite' | 'gms-widget' | 'webapi-widget' | 'widgets-extension' | 'notification-message' | 'notify-sh'

export interface MediaKind {
  id: string
  title: string
  summary: string
  /** Second-party media create a Genesys interaction and carry attached data (docs/genesys.md#attached-data). */
  party: 'second' | 'third'
  /** The `onAccept()` branches the integration takes over: CHAT and/or CALLBACK (docs/genesys.md#invite-widget). */
  branches: readonly InviteType[]
  /** The starter function those branches call instead of startChat()/startCallback(). */
  starter: string
  /**
   * The starter's argument: the scenario (`startGms('CHAT-NOW')`), the branch's
   * invite type (`startGenesysWidgets('CALLBACK')`), or none.
   */
  starterArg: 'scenario' | 'branch' | 'none'
  /** templates/invite/partials/starter-<name>.js.hbs; none for the built-in GWE media. */
  starterTemplate?: 'gms' | 'webapi' | 'widgets' | 'vendor'
  scenarios: readonly string[]
  defaultScenario?: string
  /** Inputs the medium asks for; `host` is mandatory where listed in `requires`. */
  inputs: readonly InputName[]
  requires: readonly InputName[]
  /** What `host` is for this medium; absent when it takes no host. */
  host?: HostSpec
  defaultService?: string
  defaultInviteName: string
  defaultWidgetName?: string
  artifacts: readonly ArtifactId[]
  /** GWE version when none is given (genesys-widgets integrate with GWE 8.5+, docs/genesys.md#genesys-widgets). */
  defaultGweVersion?: '8.1' | '8.5'
  /** Said after `new` so nobody looks for a file that is not meant to exist. */
  note?: string
  /** Genesys deprecated what this medium builds on: said once by `new`, marked by `list`. */
  deprecation?: Deprecation
  /** The oldest GWE version the medium works with; an older --gwe-version is warned about. */
  minGweVersion?: '8.5'
}

export interface Deprecation {
  /** One sentence: what is deprecated and what to use instead. */
  text: string
  /** The public Genesys page that says so. */
  source: string
}

const CHAT_V1_DEPRECATED: Deprecation = {
  text: 'GMS Chat API version 1, which this widget uses, is deprecated and Genesys recommends Chat API version 2: for a new deployment use `gwe-int new webapi-chat` (docs/genesys.md#deprecations).',
  source: 'https://docs.genesys.com/Documentation:GMS:API:ChatAPI:8.5.0 and https://enu.docs.genesys.com/Documentation/GMS/8.5.1/API/ChatAPIVersion1',
}

const GWE_WIDGETS_DEPRECATED = (what: string): Deprecation => ({
  text: `Genesys deprecated GWE's own ${what} widget: it is supported for the life of the 8.5 release only; for a new deployment use Genesys Widgets (\`gwe-int new genesys-widgets\`, docs/genesys.md#deprecations).`,
  source: 'https://docs.genesys.com/Documentation/GWE/latest/API/ChatWidgetAPI',
})

/**
 * What a medium's `host` is. A GMS host is a base URL (scheme, host and port): gwe-int adds
 * the /genesys/... paths itself, so a host ending in /genesys has that path dropped (with a
 * note) and any other path is refused. A vendor's URL is a full URL, path and query kept.
 * The host is normalised from this once, where an entry is parsed (core/integration/host.ts through
 * core/integration/integration.ts); everything after that trusts the value.
 */
export interface HostSpec {
  kind: 'base-url' | 'full-url'
  /** What the host is, as the question asks for it. */
  meaning: string
  /** Shown in error messages. */
  example: string
  /** What --yes fills in when no host is given (reported as a placeholder). */
  placeholder: string
}

const GMS_HOST: HostSpec = {kind: 'base-url', meaning: 'GMS base URL', example: 'https://gms.example.com:8443', placeholder: 'https://gms.example.com'}

const LOGIC: readonly ArtifactId[] = ['notification-message', 'notify-sh']

export const MEDIA: readonly MediaKind[] = [
  {
    id: 'gms-chat',
    title: 'GMS chat',
    summary: 'Genesys Mobile Services chat through the GMS JavaScript sample (as in the integration guide)',
    party: 'second',
    branches: ['CHAT'],
    starter: 'startGms',
    starterTemplate: 'gms',
    starterArg: 'scenario',
    scenarios: ['CHAT-NOW', 'CHAT-WAIT', 'REQUEST-CHAT'],
    defaultScenario: 'CHAT-NOW',
    inputs: ['scenario', 'host', 'service', 'inviteName', 'widgetName', 'widgetUrl', ...VISITOR_INPUTS],
    requires: ['host'],
    host: GMS_HOST,
    defaultService: 'samples_new', // the integration guide's example service
    defaultInviteName: 'inviteGMS.html',
    defaultWidgetName: 'indexGPE.html',
    artifacts: ['invite', 'gms-widget', ...LOGIC],
    deprecation: CHAT_V1_DEPRECATED,
  },
  {
    id: 'gms-callback',
    title: 'GMS callback',
    summary: 'Genesys Mobile Services callback; the widget collects the phone number (and time) first',
    party: 'second',
    branches: ['CALLBACK'],
    starter: 'startGms',
    starterTemplate: 'gms',
    starterArg: 'scenario',
    scenarios: [
      'VOICE-NOW-USERTERM',
      'VOICE-WAIT-USERTERM',
      'VOICE-SCHEDULED-USERTERM',
      'VOICE-NOW-USERORIG',
      'VOICE-WAIT-USERORIG',
      'REQUEST-INTERACTION',
      'CUSTOM',
    ],
    defaultScenario: 'VOICE-NOW-USERTERM', // the visitor is called back at once
    inputs: ['scenario', 'host', 'service', 'inviteName', 'widgetName', 'widgetUrl', ...VISITOR_INPUTS],
    requires: ['host'],
    host: GMS_HOST,
    defaultService: 'samples_new',
    defaultInviteName: 'inviteGMS.html',
    defaultWidgetName: 'indexGPE.html',
    artifacts: ['invite', 'gms-widget', ...LOGIC],
  },
  {
    id: 'gwe-chat',
    title: 'GWE chat (built-in)',
    summary: 'the built-in GWE chat: invite copy for branding and the strategy snippet only',
    party: 'second',
    branches: ['CHAT'],
    starter: 'startChat',
    starterArg: 'none',
    scenarios: [],
    inputs: ['inviteName', ...VISITOR_INPUTS],
    requires: [],
    defaultInviteName: 'inviteGWE.html',
    artifacts: ['invite', ...LOGIC],
    // startChat() already passes the GWE attributes on (docs/genesys.md#gwe-media).
    note: 'GWE chat is built in: startChat() already attaches visitID/pageID, so only the invitation copy (for branding) and the strategy snippet are generated; no media widget.',
    deprecation: GWE_WIDGETS_DEPRECATED('chat'),
  },
  {
    id: 'gwe-callback',
    title: 'GWE callback (built-in)',
    summary: 'the built-in GWE callback: invite copy for branding and the strategy snippet only',
    party: 'second',
    branches: ['CALLBACK'],
    starter: 'startCallback',
    starterArg: 'none',
    scenarios: [],
    inputs: ['inviteName', ...VISITOR_INPUTS],
    requires: [],
    defaultInviteName: 'inviteGWE.html',
    artifacts: ['invite', ...LOGIC],
    note: 'GWE callback is built in: startCallback() already attaches visitID/pageID, so only the invitation copy (for branding) and the strategy snippet are generated; no media widget.',
    deprecation: GWE_WIDGETS_DEPRECATED('callback'),
  },
  {
    id: 'webapi-chat',
    title: 'Web API chat (GMS Chat API v2)',
    summary: 'chat over GMS Chat API v2, the documented replacement for eServices Web API chat',
    party: 'second',
    branches: ['CHAT'],
    starter: 'startWebApi',
    starterTemplate: 'webapi',
    starterArg: 'none',
    scenarios: [],
    inputs: ['host', 'service', 'inviteName', 'widgetName', 'widgetUrl', ...VISITOR_INPUTS],
    requires: ['host'],
    host: {...GMS_HOST, meaning: 'GMS base URL serving /genesys/2/chat/<service>'},
    defaultService: 'customer-support',
    defaultInviteName: 'inviteWebApi.html',
    defaultWidgetName: 'chatGPE.html',
    artifacts: ['invite', 'webapi-widget', ...LOGIC],
  },
  {
    id: 'genesys-widgets',
    title: 'Genesys Widgets',
    summary: 'Genesys Widgets WebChat or Callback, opened through a Widgets extension with the proactive userData (GWE 8.5+)',
    party: 'second',
    branches: ['CHAT', 'CALLBACK'],
    starter: 'startGenesysWidgets',
    starterTemplate: 'widgets',
    starterArg: 'branch',
    scenarios: [],
    // inviteType: which offer the built-in invitation makes; a patched invite.html keeps both branches.
    inputs: ['inviteType', 'inviteName', ...VISITOR_INPUTS],
    requires: [],
    defaultInviteName: 'inviteWidgets.html',
    defaultGweVersion: '8.5',
    minGweVersion: '8.5',
    artifacts: ['invite', 'widgets-extension', ...LOGIC],
    // The GWE 8.5 Media Integration page sends Genesys Widgets users to the Widgets instructions;
    // Widgets run extensions once, at initialisation, so the extension is a file of its own.
    note: 'Genesys Widgets: include website/gwe-int-widgets.js on every page that loads Widgets, after your window._genesys.widgets configuration and before the Widgets script; the invitation opens WebChat or Callback through it. It defaults to GWE 8.5 paths.',
  },
  {
    id: 'third-party',
    title: 'Third-party media',
    summary: "a vendor's chat: the invite opens the vendor URL (or calls a vendor function); no attached data",
    party: 'third',
    branches: ['CHAT'],
    starter: 'startThirdParty',
    starterTemplate: 'vendor',
    starterArg: 'none',
    scenarios: [],
    inputs: ['host', 'vendorFunction', 'inviteName', ...VISITOR_INPUTS],
    requires: ['host'],
    host: {kind: 'full-url', meaning: "The vendor's chat URL", example: 'https://chat.vendor.example/start', placeholder: 'https://chat.vendor.example/start'},
    defaultInviteName: 'inviteVendor.html',
    artifacts: ['invite', ...LOGIC],
    // Third-party media create no Interaction Server interaction (docs/genesys.md#attached-data).
    note: 'Third-party media create no Genesys interaction: visitID/pageID are passed to the vendor for correlation only.',
  },
]

export const MEDIA_IDS = MEDIA.map((m) => m.id)
/** Offered first when `new` asks which medium: the integration guide's own example. */
export const DEFAULT_MEDIA_ID = 'gms-chat'

export function findMedium(id: string): MediaKind | undefined {
  return MEDIA.find((m) => m.id === id)
}

/** Visitor fields a medium's widget must collect for a scenario (from scenarios.ts). */
export type {ScenarioField}
