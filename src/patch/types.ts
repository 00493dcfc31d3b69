/** Public types of the patch engine (re-exported by `index.ts`). */

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
