/** Tells an invitation widget from a GMS widget by what its scripts define and use. */
import {PatchDoc} from './doc.js'
import type {SourceKind} from './types.js'

/**
 * invite: defines onAccept and uses sendInviteResult (docs/genesys.md#invite-widget).
 * gms-widget: defines connect and uses the GMS sample's service calls
 * (gmsInterface / createCallback / params._provide_code / '#scenario') (docs/genesys.md#gms-sample).
 * Throws GweIntError (exit 2) naming the file when neither or both match.
 */
export function detectKind(source: string, file: string): SourceKind {
  const doc = new PatchDoc(source, file)
  const uses = (name: string): boolean => doc.uses(name)
  const invite = doc.defs('onAccept').length > 0 && uses('sendInviteResult')
  const gms =
    doc.defs('connect').length > 0 &&
    (uses('gmsInterface') || uses('createCallback') || uses('_provide_code') || doc.scripts(['#scenario']).some((s) => s.scenarioSelector))
  if (invite && !gms) return 'invite'
  if (gms && !invite) return 'gms-widget'
  const bad = invite ? [] : doc.broken()
  const broken = bad.length > 0 ? ` (${bad.length} inline script(s) could not be parsed, first at ${doc.where(bad[0]!.block.start + bad[0]!.pos)})` : ''
  const found = invite ? 'both an invitation (onAccept + sendInviteResult) and a GMS widget (connect + GMS service calls)' : `neither${broken}`
  return doc.fail(
    `cannot tell the file kind; expected an invitation widget (function onAccept + sendInviteResult) or a GMS widget (function connect + gmsInterface/createCallback); found ${found}; pass --kind invite|gms-widget`,
  )
}
