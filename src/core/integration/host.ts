/**
 * The one place a host given by a person (flag, prompt or config) is checked and turned
 * into the value the templates use, from what the catalogue says the medium's host is
 * (MediaKind.host). It runs where an entry is parsed (integrationSchema) and where a
 * prompt checks an answer; everything after that trusts the parsed value.
 */
import type {MediaKind} from '../../catalog/media.js'
import {checkHttpUrl} from './validate.js'

export interface HostResult {
  value?: string
  error?: string
  /** Said when the value was changed beyond trimming and adding https:// (the /genesys path dropped). */
  note?: string
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i
/** `host`, `host:port`, each optionally followed by a path: what people type without a scheme. */
const BARE = /^[A-Za-z0-9.-]+(:\d+)?(\/.*)?$/
const AUTHORITY = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(.*)$/i

/** `medium` must take a host (MediaKind.host). */
export function normalizeHost(value: string, medium: MediaKind): HostResult {
  const spec = medium.host!
  const raw = value.trim()
  if (spec.kind === 'full-url') {
    const error = checkHttpUrl(raw, {allowQuery: true, example: spec.example})
    return error ? {error} : {value: raw}
  }
  const withScheme = SCHEME.test(raw) ? raw : BARE.test(raw) ? `https://${raw}` : raw
  const error = checkHttpUrl(withScheme, {example: spec.example})
  if (error) return {error}
  const [, authority, rest] = AUTHORITY.exec(withScheme)!
  if (/^\/*$/.test(rest)) return {value: authority}
  if (/^\/genesys\/*$/i.test(rest)) {
    return {value: authority, note: `host ${raw}: dropped the path ${rest}; a GMS host is its base URL (${authority}), and gwe-int adds /genesys/... itself`}
  }
  return {error: `must be the GMS base URL: scheme, host and port only, e.g. ${spec.example} (gwe-int adds the /genesys/... paths itself); remove ${rest}`}
}
