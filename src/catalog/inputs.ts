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

/** Shown (with a warning) when `--yes` fills a host nobody gave. */
export const PLACEHOLDER_HOST = 'https://gms.example.com'
export const PLACEHOLDER_VENDOR_URL = 'https://chat.vendor.example/start'

/** The GMS JS sample lives here (docs/genesys.md#gms-sample); the customized copy sits next to it. */
export const GMS_SAMPLE_PATH = '/genesys/admin/js/sample/cb/'

export interface InputSpec {
  name: InputName
  flag: string
  summary: string
  /** Question asked when neither a flag nor --yes answers it. */
  question: string
}

export const INPUTS: Readonly<Record<InputName, InputSpec>> = {
  scenario: {name: 'scenario', flag: 'scenario', summary: 'GMS scenario the invitation starts', question: 'Which scenario?'},
  host: {name: 'host', flag: 'host', summary: 'GMS base URL (https://host[:port]), or the vendor URL for third-party', question: 'GMS host (https://host[:port])?'},
  service: {name: 'service', flag: 'service', summary: 'GMS service name', question: 'GMS service name?'},
  inviteName: {name: 'inviteName', flag: 'name', summary: 'file name of the invitation copy', question: 'File name of the invitation copy?'},
  widgetName: {name: 'widgetName', flag: 'widget-name', summary: 'file name of the media widget copy', question: 'File name of the widget copy?'},
  widgetUrl: {name: 'widgetUrl', flag: 'widget-url', summary: 'URL the invitation opens the widget at (default: next to the GMS sample, or on GWE)', question: 'Widget URL?'},
  locale: {name: 'locale', flag: 'locale', summary: `language of the visitor-facing text: ${LOCALE_CODES.join(', ')} (default ${DEFAULT_LOCALE})`, question: 'Language of the visitor-facing text?'},
  accent: {name: 'accent', flag: 'accent', summary: 'accent colour of buttons, links and focus rings: any CSS colour, e.g. #1f5eb8 or navy', question: 'Accent colour?'},
  logoUrl: {name: 'logoUrl', flag: 'logo-url', summary: 'http(s) URL of a logo for the invitation and the widget', question: 'Logo URL (empty: none)?'},
  inviteType: {name: 'inviteType', flag: 'invite-type', summary: 'genesys-widgets: what the built-in invitation offers, CHAT (WebChat) or CALLBACK (Callback); a patched invite.html keeps both', question: 'What does the invitation offer?'},
  vendorFunction: {name: 'vendorFunction', flag: 'vendor-function', summary: "third-party: a global JS function to call instead of opening the URL (e.g. Vendor.openChat)", question: 'Vendor function to call (empty: open the URL)?'},
}
