/**
 * The inputs table: one row per input an integration takes. Everything else about inputs
 * (flags, --help order, schema, entry, template context and its docs) is derived from it
 * in inputs.ts, which re-exports this file; import from there.
 */
import {DEFAULT_LOCALE, LOCALE_CODES} from '../locales/index.js'

export type GweVersion = '8.1' | '8.5'

/**
 * GWE REST/resources path prefix by version: `/frontend` in 8.1.2, `/server` in 8.5
 * (docs/genesys.md#gwe-85-paths).
 */
export const GWE_PREFIX: Readonly<Record<GweVersion, string>> = {'8.1': '/frontend', '8.5': '/server'}
export const GWE_VERSIONS = Object.keys(GWE_PREFIX) as GweVersion[]
/** The integration guide gwe-int follows is the 8.1.2 one. */
export const DEFAULT_GWE_VERSION: GweVersion = '8.1'

/** The GMS JS sample lives here (docs/genesys.md#gms-sample); the customized copy sits next to it. */
export const GMS_SAMPLE_PATH = '/genesys/admin/js/sample/cb/'

/**
 * What an input is for, which media take it, and where `new --help` lists its flag: the
 * groups in this order (`source` after --config), the rows of a group in table order.
 */
export const INPUT_GROUPS = {
  /** What a medium needs; taken by the media that list it (media.ts `inputs`). */
  medium: 'before --config',
  /** What the visitor sees; every medium takes it. */
  visitor: 'before --config',
  /** What the built-in invitation offers; taken by the media that list it. */
  invitation: 'before --config',
  /** The GWE server and the output folder. */
  setup: 'before --config',
  /** The integration's name. */
  name: 'before --config',
  /** Your own files: template overrides and pages to patch. */
  source: 'after --config',
} as const
export type InputGroup = keyof typeof INPUT_GROUPS

/**
 * What an input's value is; the config schema checks each kind (VALUE_SCHEMAS in
 * core/integration/integration.ts). `path`: a file or folder, relative to the current
 * folder on the command line and to the config's folder in the config. `options`: one of
 * the row's options.
 */
export type ValueKind =
  | 'integration-name'
  | 'scenario'
  | 'host'
  | 'service'
  | 'file-name'
  | 'full-url'
  | 'js-name'
  | 'options'
  | 'base-url'
  | 'path'
  | 'locale'
  | 'colour'
  | 'http-url'

export interface InputSpec {
  /** The row's key: the answer's name and the config key. */
  name: string
  group: InputGroup
  value: ValueKind
  /** The command-line flag, without `--`. */
  flag: string
  /** An earlier spelling of the flag, still accepted with a deprecation warning. */
  deprecatedFlag?: string
  summary: string
  /** The value's name in `--help` (`--host URL`). */
  helpValue?: string
  /** The only values accepted (shown in `--help` instead of helpValue). */
  options?: readonly string[]
  char?: 'o'
  /** Question asked when neither a flag nor --yes answers it. */
  question: string
}

/**
 * One row per answer, in the order a config entry records them. The flags of `new` and
 * `patch` are made from it (cli/input-flags.ts), and so are the flag names in error
 * messages (core/integration/answers.ts FLAG_OF), the config entry the answers make
 * (toEntry), the config schema's keys and descriptions and the resolved integration's type
 * (core/integration/integration.ts). `integration` is recorded as the entry's `name`.
 */
export const INPUTS = {
  integration: {
    name: 'integration',
    group: 'name',
    value: 'integration-name',
    flag: 'integration',
    summary: 'Name of the integration in the config (default: the medium)',
    helpValue: 'NAME',
    question: 'Integration name?',
  },
  scenario: {
    name: 'scenario',
    group: 'medium',
    value: 'scenario',
    flag: 'scenario',
    summary: 'GMS scenario the invitation starts',
    helpValue: 'SCENARIO',
    question: 'Which scenario?',
  },
  host: {
    name: 'host',
    group: 'medium',
    value: 'host',
    flag: 'host',
    summary: 'GMS base URL (https://host[:port]), or the vendor URL for third-party',
    helpValue: 'URL',
    question: 'GMS host (https://host[:port])?',
  },
  service: {name: 'service', group: 'medium', value: 'service', flag: 'service', summary: 'GMS service name', helpValue: 'NAME', question: 'GMS service name?'},
  inviteName: {
    name: 'inviteName',
    group: 'medium',
    value: 'file-name',
    flag: 'invite-name',
    deprecatedFlag: 'name',
    summary: 'File name of the invitation copy',
    helpValue: 'FILE',
    question: 'File name of the invitation copy?',
  },
  widgetName: {
    name: 'widgetName',
    group: 'medium',
    value: 'file-name',
    flag: 'widget-name',
    summary: 'File name of the media widget copy',
    helpValue: 'FILE',
    question: 'File name of the widget copy?',
  },
  widgetUrl: {
    name: 'widgetUrl',
    group: 'medium',
    value: 'full-url',
    flag: 'widget-url',
    summary: 'URL the invitation opens the widget at (default: next to the GMS sample, or on GWE)',
    helpValue: 'URL',
    question: 'Widget URL?',
  },
  vendorFunction: {
    name: 'vendorFunction',
    group: 'medium',
    value: 'js-name',
    flag: 'vendor-function',
    summary: 'third-party: a global JS function to call instead of opening the URL (e.g. Vendor.openChat)',
    helpValue: 'NAME',
    question: 'Vendor function to call (empty: open the URL)?',
  },
  inviteType: {
    name: 'inviteType',
    group: 'invitation',
    value: 'options',
    flag: 'invite-type',
    summary: 'genesys-widgets: what the built-in invitation offers, CHAT (WebChat) or CALLBACK (Callback); a patched invite.html keeps both',
    options: ['CHAT', 'CALLBACK'],
    question: 'What does the invitation offer?',
  },
  gweVersion: {
    name: 'gweVersion',
    group: 'setup',
    value: 'options',
    flag: 'gwe-version',
    summary: 'GWE version: 8.1 (/frontend paths) or 8.5 (/server paths)',
    options: GWE_VERSIONS,
    question: 'Which GWE version?',
  },
  gweUrl: {
    name: 'gweUrl',
    group: 'setup',
    value: 'base-url',
    flag: 'gwe-url',
    summary: 'GWE server base URL; makes the invitation URL in the strategy snippet absolute',
    helpValue: 'URL',
    question: 'GWE server URL (https://host:port; empty: relative URLs)?',
  },
  out: {
    name: 'out',
    group: 'setup',
    value: 'path',
    flag: 'out',
    char: 'o',
    summary: 'Output folder (default widgets/<integration>)',
    helpValue: 'DIR',
    question: 'Output folder?',
  },
  templates: {
    name: 'templates',
    group: 'source',
    value: 'path',
    flag: 'templates',
    summary: 'Folder of template overrides (same paths as "gwe-int templates eject")',
    helpValue: 'DIR',
    question: 'Folder of template overrides?',
  },
  inviteSource: {
    name: 'inviteSource',
    group: 'source',
    value: 'path',
    flag: 'invite-source',
    summary: 'Your own invite.html to patch instead of the built-in invitation',
    helpValue: 'FILE',
    question: 'Your own invite.html?',
  },
  widgetSource: {
    name: 'widgetSource',
    group: 'source',
    value: 'path',
    flag: 'widget-source',
    summary: 'Your own GMS sample index.html to patch instead of the built-in widget',
    helpValue: 'FILE',
    question: 'Your own GMS sample index.html?',
  },
  locale: {
    name: 'locale',
    group: 'visitor',
    value: 'locale',
    flag: 'locale',
    summary: `Language of the visitor-facing text: ${LOCALE_CODES.join(', ')} (default ${DEFAULT_LOCALE})`,
    helpValue: 'CODE',
    question: 'Language of the visitor-facing text?',
  },
  accent: {
    name: 'accent',
    group: 'visitor',
    value: 'colour',
    flag: 'accent',
    summary: 'Accent colour of buttons, links and focus rings: any CSS colour, e.g. #1f5eb8 or navy',
    helpValue: 'COLOUR',
    question: 'Accent colour?',
  },
  logoUrl: {
    name: 'logoUrl',
    group: 'visitor',
    value: 'http-url',
    flag: 'logo-url',
    summary: 'http(s) URL of a logo for the invitation and the widget',
    helpValue: 'URL',
    question: 'Logo URL (empty: none)?',
  },
} as const satisfies Readonly<Record<string, InputSpec>>
