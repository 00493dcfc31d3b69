/**
 * What a medium's `host` is, read from the catalogue (MediaKind.hostKind), and the one
 * place a host given by a person (flag, prompt or config) is turned into the value
 * the templates use. A GMS host is a base URL: gwe-int appends the /genesys/... paths
 * itself, so a host that already ends in /genesys would open /genesys/genesys/...;
 * that one path is dropped with a note, any other path is refused.
 */
import type {MediaKind} from '../catalog/media.js'
import {checkHttpUrl} from './validate.js'

export interface HostResult {
  value?: string
  error?: string
  /** Said when the value was changed beyond trimming and adding https:// (the /genesys path dropped). */
  note?: string
}

const GMS_EXAMPLE = 'https://gms.example.com:8443'
const VENDOR_EXAMPLE = 'https://chat.vendor.example/start'
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i
/** `host`, `host:port`, each optionally followed by a path: what people type without a scheme. */
const BARE = /^[A-Za-z0-9.-]+(:\d+)?(\/.*)?$/
const AUTHORITY = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(.*)$/i

export function hostExample(media: MediaKind): string {
  return media.hostKind === 'full-url' ? VENDOR_EXAMPLE : GMS_EXAMPLE
}

export function normalizeHost(value: string, media: MediaKind): HostResult {
  const raw = value.trim()
  if (media.hostKind === 'full-url') {
    const error = checkHttpUrl(raw, {allowQuery: true, example: VENDOR_EXAMPLE})
    return error ? {error} : {value: raw}
  }
  const withScheme = SCHEME.test(raw) ? raw : BARE.test(raw) ? `https://${raw}` : raw
  const error = checkHttpUrl(withScheme, {example: GMS_EXAMPLE})
  if (error) return {error}
  const [, authority, rest] = AUTHORITY.exec(withScheme)!
  if (/^\/*$/.test(rest)) return {value: authority}
  if (/^\/genesys\/*$/i.test(rest)) {
    return {value: authority, note: `host ${raw}: dropped the path ${rest}; a GMS host is its base URL (${authority}), and gwe-int adds /genesys/... itself`}
  }
  return {error: `must be the GMS base URL: scheme, host and port only, e.g. ${GMS_EXAMPLE} (gwe-int adds the /genesys/... paths itself); remove ${rest}`}
}
