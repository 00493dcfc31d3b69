/**
 * Every check doctor makes, once: its id (stable, in --json), what it asks, and the section
 * of docs/genesys.md whose "What to check on your installation" list it answers.
 */
export const CHECKS = {
  'gms.reachable': {what: 'GMS answers at host: DNS, TCP, the TLS certificate, an HTTP answer from /genesys/', anchor: 'gms-callback'},
  'gms.service': {what: 'the callback service exists and answers its availability query', anchor: 'availability'},
  'gms.confirmation': {what: 'scenarios that wait for the visitor to confirm: how the service is set up (not readable)', anchor: 'gms-callback'},
  'cors.gms-widget': {what: 'GMS allows the origin serving the GMS widget, with gms_user', anchor: 'gms-sample'},
  'cors.webapi-widget': {what: 'GMS allows the origin serving the Chat API v2 page', anchor: 'chat-v2'},
  'deployed.invite': {what: 'the invitation GWE serves is the generated file', anchor: 'gwe-85-paths'},
  'deployed.gms-widget': {what: 'the GMS widget served is the generated file', anchor: 'gms-sample'},
  'deployed.webapi-widget': {what: 'the Chat API v2 page served is the generated file', anchor: 'chat-v2'},
  'gwe.reachable': {what: 'GWE answers at gweUrl (or --gwe-url)', anchor: 'gwe-85-paths'},
  'vendor.reachable': {what: "the third-party vendor's URL answers", anchor: 'attached-data'},
  'strict.warning': {what: 'with --strict: what "gwe-int generate" warns about', anchor: 'invite-widget'},
} as const satisfies Record<string, {what: string; anchor: string}>

export type CheckId = keyof typeof CHECKS
