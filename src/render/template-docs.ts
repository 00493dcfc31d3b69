/**
 * What custom templates may use, for the README.md that `templates eject` writes:
 * the view model's fields (core/integration/template-context.ts TemplateContext) and the helpers
 * (render/helpers.ts). test/unit/render-eject.test.ts checks both lists against
 * the real context and the registered helpers, so they cannot drift. VIEW_MODEL
 * also drives the static check of custom templates' variables (render/check-variables.ts).
 * The `inputs.<name>` lines come from the inputs table (catalog/inputs.ts), so a new input
 * is documented by its row.
 */
import {CONTEXT_INPUTS, contextDescription, INPUTS} from '../catalog/inputs.js'
import type {VariableSchema} from './check-variables.js'

/** Dotted paths of the view model (`[]`: each item of a list), with what they hold. */
export const VARIABLES: Readonly<Record<string, string>> = {
  integration: 'the integration name (config "name")',
  // One line per input from its row in the inputs table.
  ...Object.fromEntries(CONTEXT_INPUTS.map((name) => [`inputs.${name}`, contextDescription(INPUTS[name])])),
  'media.id': 'media kind id, e.g. gms-chat',
  'media.title': 'media kind title, e.g. "GMS chat"',
  'media.secondParty': 'true when the medium creates a Genesys interaction (carries attached data)',
  'media.starter': 'name of the JavaScript function that starts the medium, e.g. startGms',
  'media.starterPartial': 'the invite partial that defines the starter ("" for the built-in GWE media)',
  'media.note': 'a note about the medium ("" when none)',
  branches: 'the onAccept() branches taken over (list)',
  'branches[].type': 'CHAT or CALLBACK',
  'branches[].call': 'the JavaScript call that replaces startChat()/startCallback(), e.g. startGms("CHAT-NOW")',
  'branches[].result': 'the result sent back to GWE: ACCEPT_CHAT or ACCEPT_CALLBACK',
  'invite.type': 'the invitation type the copy shows: CHAT or CALLBACK',
  'invite.chatCall': 'what the CHAT branch of onAccept() calls',
  'invite.callbackCall': 'what the CALLBACK branch of onAccept() calls',
  scenario: 'the chosen GMS scenario (absent for media without scenarios); same fields as scenarios[]',
  scenarios: "the medium's GMS scenarios (list)",
  'scenarios[].id': 'scenario id, e.g. CHAT-NOW',
  'scenarios[].channel': 'chat or voice',
  'scenarios[].summary': 'one-line description',
  'scenarios[].endpoint': 'GMS request path of the scenario',
  'scenarios[].params': 'preset request parameters (list)',
  'scenarios[].params[].key': 'parameter name',
  'scenarios[].params[].value': 'parameter value',
  'scenarios[].needs.customerNumber': 'the visitor must give a customer number',
  'scenarios[].needs.phoneNumber': 'the visitor must give a phone number',
  'scenarios[].needs.desiredTime': 'the visitor must give a time',
  'scenarios[].numberParam': "the GMS parameter the visitor's number travels as",
  'scenarios[].autoConnect': 'true when the widget may connect without asking the visitor anything',
  scenarioTable: 'scenario id -> {channel, endpoint, params, needs, numberParam}, as data for {{jsValue}}',
  scenarioAutoConnect: 'scenario id -> autoConnect, as data for {{jsValue}}',
  'gms.base': 'GMS base URL ("" when the medium has none)',
  'gms.api': 'GMS API root, <base>/genesys',
  'gms.service': 'GMS service name',
  'gms.widgetUrl': 'URL the invitation opens the widget at',
  'gms.widgetUrlRelative': 'true when widgetUrl has no scheme and host',
  'gms.chatUrl': 'GMS Chat API v2 URL, <base>/genesys/2/chat/<service>',
  'vendor.url': 'third-party: the vendor chat URL',
  'vendor.fn': 'third-party: the vendor function to call instead ("" when none)',
  'gwe.version': 'GWE version: 8.1 or 8.5',
  'gwe.prefix': 'GWE path prefix: /frontend (8.1) or /server (8.5)',
  'gwe.url': 'GWE server base URL ("" when not given)',
  'gwe.inviteUrl': 'URL of the invitation copy, for the strategy snippet',
  'gwe.notifyPath': 'path of the GWE notify request, <prefix>/data/notification/notify/',
  'files.invite': 'file name of the invitation copy',
  'files.widget': 'file name of the widget copy ("" when the medium has none)',
  'files.extension': 'genesys-widgets: path of the Widgets extension below the output folder, website/gwe-int-widgets.js ("" for other media)',
  'keys.urlScenario': 'query parameter carrying the scenario: gmsScenario',
  'keys.urlVisitId': 'query parameter carrying the visit id: visitId',
  'keys.urlPageId': 'query parameter carrying the page id: pageId',
  'keys.attachedVisitId': 'attached-data key of the visit id: visitID',
  'keys.attachedPageId': 'attached-data key of the page id: pageID',
  'keys.attachedMarker': 'attached-data key marking a proactive interaction: webengagement',
  'keys.attachedMarkerValue': 'its value (empty)',
  'keys.widgetsExtension': "genesys-widgets: the extension's name in window._genesys.widgets.extensions: GweInt",
  'keys.widgetsPlugin': 'genesys-widgets: the CXBus plugin the extension registers: GweInt',
  'keys.widgetsBridge': 'genesys-widgets: the global object the extension exposes to the invitation: gweIntWidgets',
  attachedKeys: 'the attached-data keys every second-party medium sets (list)',
  'brand.accent': 'the accent colour (config "accent"), #rrggbb: primary buttons; write it with {{color}}',
  'brand.accentText': 'text colour on the accent: #ffffff or #000000, whichever contrasts more',
  'brand.accentInk': 'the accent darkened where needed for 4.5:1 on light backgrounds: links, outlines, focus',
  'brand.logoUrl': 'the logo URL (config "logoUrl"), "" when none',
  'locale.code': 'the language tag of the visitor-facing text, for lang="…", e.g. en',
  'locale.dir': 'the text direction for dir="…": ltr or rtl',
  t: "visitor-facing strings of the locale, with the config's texts laid over them: {{text t.widgetTitle}}, or {{jsValue t}} as data",
}

/** Values that are maps from ids (documented as a whole, not per key). */
export const MAP_VARIABLES: ReadonlySet<string> = new Set(['scenarioTable', 'scenarioAutoConnect', 't'])

/** Helpers templates may use, with the output context each is for. */
export const HELPERS: Readonly<Record<string, string>> = {
  js: 'a JavaScript string literal, quotes included; safe inside <script> and in on* attributes (`<`, `>`, `&`, U+2028/U+2029 escaped)',
  jsValue: 'a JavaScript value (JSON) for data: objects, arrays, numbers, booleans, with the same <script>-safe escapes',
  json: 'JSON text as a plain string, to pass to another helper: {{sh (json x)}}',
  attr: 'a quoted HTML attribute value (`&<>"\'`=` escaped); never an on* attribute (use js there)',
  text: 'HTML text content (`&<>` escaped)',
  url: 'one URL component (query value or path segment), percent-encoded',
  sh: 'one shell word in single quotes (notify.sh)',
  ident: 'a JavaScript identifier (function names from the catalogue); anything else is an error',
  comment: 'text inside a code comment: one line; characters other than letters, digits and ` .,:/@+()#-` become ?',
  color: 'a CSS colour inside <style> or a .css partial, written as #rrggbb; anything that is not a colour is an error',
  eq: '(eq a b) is a === b, for {{#if}}',
  includes: '(includes list item), for {{#if}}',
}

/** Handlebars' own block helpers, always available. */
export const BUILTIN_HELPERS = ['if', 'unless', 'each', 'with', 'lookup', 'log'] as const

/** Every documented path of a context value, as VARIABLES spells them (maps are leaves). */
export function variablePaths(value: unknown, prefix = ''): string[] {
  if (prefix && MAP_VARIABLES.has(prefix)) return [prefix]
  if (Array.isArray(value)) {
    const items = value.filter((v) => v && typeof v === 'object')
    const nested = [...new Set(items.flatMap((item) => variablePaths(item, `${prefix}[]`)))]
    return [prefix, ...nested]
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => {
      const path = prefix ? `${prefix}.${key}` : key
      return path === 'scenario' ? [path] : variablePaths(v, path)
    })
  }
  return prefix ? [prefix] : []
}

/** The view model as a schema for the static variable check of custom templates. */
export const VIEW_MODEL: VariableSchema = {
  paths: new Set(Object.keys(VARIABLES)),
  maps: MAP_VARIABLES,
  aliases: {scenario: 'scenarios[]'},
}
