/**
 * The pure patch engine behind `gwe-int patch`, semantic patches:
 * inline scripts are found with parse5, functions/branches/calls with acorn,
 * and edits are applied as text at the parsers' offsets, so every other byte
 * (CRLF, BOM, indentation, HTML) is preserved. Re-patching is a no-op.
 */
export type {InvitePatchSpec, PatchResult, SourceKind, WidgetPatchSpec} from './types.js'
export {detectKind} from './detect.js'
export {patchInvite} from './invite.js'
export {patchWidget, BEGIN_MARK, END_MARK} from './widget.js'
