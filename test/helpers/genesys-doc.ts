import fs from 'node:fs'
import path from 'node:path'
import {ROOT} from './files.js'

/** The sections of docs/genesys.md, in order: the only anchors a generated file may link to. */
export const GENESYS_ANCHORS = [
  'invite-widget',
  'monitoring-api',
  'notify',
  'strategy',
  'gms-sample',
  'gms-callback',
  'gms-callback-actions',
  'gms-urls',
  'gms-service-options',
  'gms-confirmation',
  'queue-position',
  'availability',
  'chat-v1',
  'request-chat',
  'request-interaction',
  'chat-v2',
  'genesys-widgets',
  'gwe-85-paths',
  'attached-data',
  'gwe-media',
  'deprecations',
] as const

/** The anchors docs/genesys.md actually defines. */
export function genesysDocAnchors(): Set<string> {
  const doc = fs.readFileSync(path.join(ROOT, 'docs/genesys.md'), 'utf8')
  return new Set([...doc.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]))
}
