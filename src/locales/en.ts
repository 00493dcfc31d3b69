/**
 * English visitor-facing strings: the reference locale. Every other locale file
 * has exactly these keys (the `Messages` type makes a missing key a build error,
 * and test/unit/locales.test.ts checks it at run time too).
 *
 * Keys are grouped by where the visitor sees them: `invite*` (the invitation),
 * `widget*` (the GMS widget shell), `chat*` (the chat UI shared by GMS and Chat API v2),
 * `callback*` (callback flows), `error*` (visitor-facing failures).
 * Templates read them as `t.<key>` through a context helper: {{text t.chatSend}},
 * {{attr t.chatSend}}, or the whole table as data with {{jsValue t}}.
 */
const en = {
  inviteChatTitle: 'Would you like to chat with us?',
  inviteChatBody: 'An advisor is available now to answer your questions.',
  inviteCallbackTitle: 'Would you like us to call you back?',
  inviteCallbackBody: 'An advisor can call you back at a time that suits you.',
  inviteAccept: 'Yes, please',
  inviteDecline: 'No, thanks',
  widgetTitle: 'Contact us',
  errorGeneric: 'Sorry, something went wrong. Please try again.',
  inviteUnavailableChat: 'Sorry, the chat could not be opened. Please try again later.',
  inviteUnavailableCallback: 'Sorry, the callback form could not be opened. Please try again later.',
  inviteUnavailableClose: 'Close',
} as const

export type MessageKey = keyof typeof en
export type Messages = Record<MessageKey, string>

export default en satisfies Messages
