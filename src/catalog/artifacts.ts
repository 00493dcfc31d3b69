/**
 * The files an integration can produce: which template renders each, where it goes
 * (relative to the integration's output folder) and its comment syntax for the
 * generated-file header.
 */
import type {ArtifactId} from './media.js'

export type CommentStyle = 'html' | 'js' | 'sh'

export interface Artifact {
  id: ArtifactId
  template: string
  /** Output path below `out`; `{invite}` / `{widget}` are the configured file names. */
  path: string
  comment: CommentStyle
  executable?: boolean
  /** What it is, for `list` and the README. */
  summary: string
}

export const ARTIFACTS: Readonly<Record<ArtifactId, Artifact>> = {
  invite: {id: 'invite', template: 'invite/invite.html', path: '{invite}', comment: 'html', summary: 'the proactive invitation copy'},
  'gms-widget': {id: 'gms-widget', template: 'gms-widget/indexGPE.html', path: '{widget}', comment: 'html', summary: 'the customized GMS sample widget'},
  'webapi-widget': {
    id: 'webapi-widget',
    template: 'webapi-widget/chat.html',
    path: '{widget}',
    comment: 'html',
    summary: 'a GMS Chat API v2 chat page attaching the GWE user data',
  },
  'widgets-extension': {
    id: 'widgets-extension',
    template: 'widgets-extension/gwe-int-widgets.js',
    path: 'website/gwe-int-widgets.js',
    comment: 'js',
    summary:
      'the Genesys Widgets extension the invitation opens WebChat/Callback through; goes on every page with Widgets, after the Widgets configuration and before the Widgets script',
  },
  'notification-message': {
    id: 'notification-message',
    template: 'engagement-logic/notification-message.js',
    path: 'engagement-logic/notification-message.js',
    comment: 'js',
    summary: 'the Engagement Logic notification_message snippet',
  },
  'notify-sh': {
    id: 'notify-sh',
    template: 'engagement-logic/notify.sh',
    path: 'engagement-logic/notify.sh',
    comment: 'sh',
    executable: true,
    summary: 'a curl command that sends the invitation to one visitor',
  },
}
