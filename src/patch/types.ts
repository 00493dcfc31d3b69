/** Types of the patch engine: the public ones (re-exported by `index.ts`), then internal ones shared by its modules. */

export type SourceKind = 'invite' | 'gms-widget'

export interface InvitePatchSpec {
  /** Name of the starter function, e.g. `startGms`. */
  starterName: string
  /** Full `function startGms(gmsScenario) {...}` declaration: LF newlines, 0 indentation. */
  starterSource: string
  /** Per invitation type, the call that replaces `startChat()` (CHAT) / `startCallback()` (CALLBACK) in that branch of `onAccept`. */
  branches: {type: 'CHAT' | 'CALLBACK'; call: string}[]
}

export interface WidgetPatchSpec {
  /** Function declarations (LF, 0 indentation) added before `connect` once, replaced in place when present and different. */
  functions: {name: string; source: string}[]
  /** Statements (LF, 0 indentation) inserted in `connect()` after the `params.xxx = ...;` assignments, inside marker comments. */
  connectStatements: string
  /** Statement appended once inside the page's on-ready callback, e.g. `gpeStartScenario();`. */
  readyCall: string
}

export interface PatchResult {
  content: string
  changed: boolean
  /** Human lines, e.g. `added function startGms`, `CHAT branch: startChat() -> startGms("CHAT-NOW")`. */
  changes: string[]
}

// ---- internal: between the HTML side (html.ts, tree.ts, fast-scan/) and the JavaScript side ----

/** A `<script>` element (HTML namespace) with its content range, as the exact parse and the fast scan report it. */
export interface FoundScript {
  attrs: {name: string; value: string}[]
  start: number
  end: number
  tagStart: number
  /** Inside `<template>` content: inert, never a patch target. */
  inert: boolean
}

/** An inline JavaScript block of the document (html.ts findInlineScripts). */
export interface ScriptBlock {
  /** Offset of the first character of the script text (just after `<script ...>`). */
  start: number
  /** Offset just past the last character of the script text (the `<` of `</script>`, or end of input). */
  end: number
  /** The raw script text, `source.slice(start, end)`. */
  text: string
  /** `type="module"`. */
  module: boolean
  /** Offset of the `<script` start tag, for messages. */
  tagStart: number
}
