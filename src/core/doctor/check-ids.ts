/**
 * Every check doctor makes, once: its id (stable, in --json), what it asks, and the section
 * of docs/genesys.md (its link) whose "What to check on your installation" list it answers.
 */
export const CHECKS = {
  'gms.reachable': {what: 'GMS answers at host: DNS, TCP, the TLS certificate, an HTTP answer from /genesys/', doc: 'docs/genesys.md#gms-callback'},
  'gms.service': {what: 'the callback service exists and answers its availability query', doc: 'docs/genesys.md#availability'},
  'gms.confirmation': {what: 'scenarios that wait for the visitor to confirm: how the service is set up (not readable)', doc: 'docs/genesys.md#gms-callback'},
  'cors.gms-widget': {what: 'GMS allows the origin serving the GMS widget, with gms_user', doc: 'docs/genesys.md#gms-sample'},
  'cors.webapi-widget': {what: 'GMS allows the origin serving the Chat API v2 page', doc: 'docs/genesys.md#chat-v2'},
  'deployed.invite': {what: 'the invitation GWE serves is the generated file', doc: 'docs/genesys.md#gwe-85-paths'},
  'deployed.gms-widget': {what: 'the GMS widget served is the generated file', doc: 'docs/genesys.md#gms-sample'},
  'deployed.webapi-widget': {what: 'the Chat API v2 page served is the generated file', doc: 'docs/genesys.md#chat-v2'},
  'gwe.reachable': {what: 'GWE answers at gweUrl (or --gwe-url)', doc: 'docs/genesys.md#gwe-85-paths'},
  'vendor.reachable': {what: "the third-party vendor's URL answers", doc: 'docs/genesys.md#attached-data'},
  'strict.warning': {what: 'with --strict: what "gwe-int generate" warns about', doc: 'docs/genesys.md#invite-widget'},
} as const satisfies Record<string, {what: string; doc: string}>

export type CheckId = keyof typeof CHECKS
