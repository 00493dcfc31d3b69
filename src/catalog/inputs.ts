/**
 * The inputs an integration takes, described once. Flags (`new`, `patch`),
 * prompts, the config schema and `--help` all read this table.
 */
import {DEFAULT_LOCALE, LOCALE_CODES} from '../locales/index.js'
import type {InputName} from './media.js'

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

/** Every answer `new` and `patch` take: the medium's inputs, and where and how the files are written. */
export type AnswerName = InputName | 'integration' | 'gweVersion' | 'gweUrl' | 'out' | 'templates' | 'inviteSource' | 'widgetSource'

export interface InputSpec {
  name: AnswerName
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
 * One row per answer. The flags of `new` and `patch` are made from it (cli/input-flags.ts),
 * and so are the flag names in error messages (core/integration/answers.ts FLAG_OF).
 */
export const INPUTS = {
  scenario: {name: 'scenario', flag: 'scenario', summary: 'GMS scenario the invitation starts', helpValue: 'SCENARIO', question: 'Which scenario?'},
  host: {
    name: 'host',
    flag: 'host',
    summary: 'GMS base URL (https://host[:port]), or the vendor URL for third-party',
    helpValue: 'URL',
    question: 'GMS host (https://host[:port])?',
  },
  service: {name: 'service', flag: 'service', summary: 'GMS service name', helpValue: 'NAME', question: 'GMS service name?'},
  inviteName: {
    name: 'inviteName',
    flag: 'invite-name',
    deprecatedFlag: 'name',
    summary: 'file name of the invitation copy',
    helpValue: 'FILE',
    question: 'File name of the invitation copy?',
  },
  widgetName: {
    name: 'widgetName',
    flag: 'widget-name',
    summary: 'file name of the media widget copy',
    helpValue: 'FILE',
    question: 'File name of the widget copy?',
  },
  widgetUrl: {
    name: 'widgetUrl',
    flag: 'widget-url',
    summary: 'URL the invitation opens the widget at (default: next to the GMS sample, or on GWE)',
    helpValue: 'URL',
    question: 'Widget URL?',
  },
  vendorFunction: {
    name: 'vendorFunction',
    flag: 'vendor-function',
    summary: 'third-party: a global JS function to call instead of opening the URL (e.g. Vendor.openChat)',
    helpValue: 'NAME',
    question: 'Vendor function to call (empty: open the URL)?',
  },
  locale: {
    name: 'locale',
    flag: 'locale',
    summary: `language of the visitor-facing text: ${LOCALE_CODES.join(', ')} (default ${DEFAULT_LOCALE})`,
    helpValue: 'CODE',
    question: 'Language of the visitor-facing text?',
  },
  accent: {
    name: 'accent',
    flag: 'accent',
    summary: 'accent colour of buttons, links and focus rings: any CSS colour, e.g. #1f5eb8 or navy',
    helpValue: 'COLOUR',
    question: 'Accent colour?',
  },
  logoUrl: {
    name: 'logoUrl',
    flag: 'logo-url',
    summary: 'http(s) URL of a logo for the invitation and the widget',
    helpValue: 'URL',
    question: 'Logo URL (empty: none)?',
  },
  inviteType: {
    name: 'inviteType',
    flag: 'invite-type',
    summary: 'genesys-widgets: what the built-in invitation offers, CHAT (WebChat) or CALLBACK (Callback); a patched invite.html keeps both',
    options: ['CHAT', 'CALLBACK'],
    question: 'What does the invitation offer?',
  },
  gweVersion: {
    name: 'gweVersion',
    flag: 'gwe-version',
    summary: 'GWE version: 8.1 (/frontend paths) or 8.5 (/server paths)',
    options: GWE_VERSIONS,
    question: 'Which GWE version?',
  },
  gweUrl: {
    name: 'gweUrl',
    flag: 'gwe-url',
    summary: 'GWE server base URL; makes the invitation URL in the strategy snippet absolute',
    helpValue: 'URL',
    question: 'GWE server URL (https://host:port; empty: relative URLs)?',
  },
  out: {name: 'out', flag: 'out', char: 'o', summary: 'Output folder (default widgets/<integration>)', helpValue: 'DIR', question: 'Output folder?'},
  integration: {
    name: 'integration',
    flag: 'integration',
    summary: 'Name of the integration in the config (default: the medium)',
    helpValue: 'NAME',
    question: 'Integration name?',
  },
  templates: {
    name: 'templates',
    flag: 'templates',
    summary: 'Folder of template overrides (same paths as "gwe-int templates eject")',
    helpValue: 'DIR',
    question: 'Folder of template overrides?',
  },
  inviteSource: {
    name: 'inviteSource',
    flag: 'invite-source',
    summary: 'Your own invite.html to patch instead of the built-in invitation',
    helpValue: 'FILE',
    question: 'Your own invite.html?',
  },
  widgetSource: {
    name: 'widgetSource',
    flag: 'widget-source',
    summary: 'Your own GMS sample index.html to patch instead of the built-in widget',
    helpValue: 'FILE',
    question: 'Your own GMS sample index.html?',
  },
} as const satisfies {readonly [N in AnswerName]: InputSpec & {name: N}}

/** `--widget-name` for widgetName. */
export type FlagName<N extends AnswerName> = (typeof INPUTS)[N]['flag']
