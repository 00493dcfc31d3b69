/**
 * A small Genesys Widgets stand-in for the preview: what `widgets.min.js` does that the
 * generated extension and invitation rely on, and nothing else. It is written from the
 * public Widgets pages (one source line per rule below), not from the generated code, so
 * the generated files cannot pass merely because both read the same guess.
 *
 * It runs the extensions of `window._genesys.widgets.extensions` once, when it initialises,
 * hands CXBus to them only as an argument, records every plugin, command and option it
 * receives, and shows "WebChat.open received" / "Callback.open received" with the userData
 * on the customer page. After initialising it sets the global bus, as Widgets does, but as a
 * tripwire: every use of it is recorded and refused, because the Widgets pages call it a
 * debug tool.
 */

import {browserScript} from './browser-scripts.js'

export const WIDGETS_STANDIN_PATH = '/__gwe-int/genesys-widgets.js'

export interface WidgetsRule {
  rule: string
  source: string
}

const EXTENSIONS = 'https://docs.genesys.com/Documentation/GWC/latest/CXWBusAPI/GWCGWCCXBusExtensions'
const BUS = 'https://docs.genesys.com/Documentation/GWC/latest/CXWBusAPI/WidgetBusAPIOverview'
const WEBCHAT = 'https://docs.genesys.com/Documentation/GWC/Current/WidgetsAPI/WebChatCommands'
const CALLBACK_85 = 'https://docs.genesys.com/Documentation/GWC/8.5/WidgetsAPI/CallbackCommands'
const CALLBACK_LATEST = 'https://docs.genesys.com/Documentation/GWC/latest/WidgetsAPI/CallbackCommands'

/** What the stand-in holds the generated files to, each with the public page that says it. */
export const WIDGETS_RULES: readonly WidgetsRule[] = [
  {
    rule: 'Extensions are functions in window._genesys.widgets.extensions, defined after the Widgets configuration and before the Widgets script.',
    source: EXTENSIONS,
  },
  {
    rule: 'When Widgets initialises it invokes each extension once, with jQuery, CXBus and Common as arguments; an extension defined later is never run.',
    source: EXTENSIONS,
  },
  {
    rule: 'An extension registers its plugin with CXBus.registerPlugin(name), calls commands with plugin.command(name, options).done(…).fail(…), and ends with plugin.ready().',
    source: EXTENSIONS,
  },
  {
    rule: 'The global bus, window._genesys.widgets.bus, exists only after Widgets has initialised, and is a debug tool: custom plugins must not be registered on it.',
    source: BUS,
  },
  {rule: 'The global bus is a debug tool; use Widgets extensions instead (stated on every command page).', source: CALLBACK_LATEST},
  {
    rule: 'WebChat.open takes userData, form {autoSubmit, firstname, lastname, email, subject}, formJSON, async and markdown; its userData replaces the userData of the webchat configuration.',
    source: WEBCHAT,
  },
  {
    rule: 'Callback.open in Widgets 8.5 takes form {autoSubmit, firstname, lastname, email, subject, desiredTime, phonenumber, userData}; form.userData is attached to the callback.',
    source: CALLBACK_85,
  },
  {
    rule: 'Callback.open in later releases takes form {autoSubmit, firstname, lastname, subject, desiredTime, phonenumber}, formJSON and a top-level userData.',
    source: CALLBACK_LATEST,
  },
]

/** Documented option names per command (the rules above), as data for the script. */
const OPTIONS = {
  'WebChat.open': {top: ['userData', 'form', 'formJSON', 'async', 'markdown'], form: ['autoSubmit', 'firstname', 'lastname', 'email', 'subject']},
  'Callback.open': {
    top: ['form', 'formJSON', 'userData'],
    form: ['autoSubmit', 'firstname', 'lastname', 'email', 'subject', 'desiredTime', 'phonenumber', 'userData'],
  },
}

/** The stand-in as served: src/preview/browser/widgets-stand-in.js, called with OPTIONS. */
export const WIDGETS_STANDIN_SCRIPT = `${browserScript('widgets-stand-in.js').trimEnd()}(${JSON.stringify(OPTIONS)})\n`
