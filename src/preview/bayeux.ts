/**
 * The stand-in's CometD endpoint (<gms>/genesys/cometd): a Bayeux server we did not write,
 * faye's Node adapter, so the widget's small client is proven against another implementation.
 * It refuses a message whose HTTP request lacks the gms_user header (rule cometGmsUser).
 */
import type {IncomingMessage, ServerResponse} from 'node:http'
import faye from 'faye'
import {COMETD_CONTRACT} from './gms-contract.js'
import type {Push} from './gms.js'

export interface Bayeux {
  handle(req: IncomingMessage, res: ServerResponse): void
  publish(channel: string, data: Push): void
  /** Ends the long polls and faye's timers (its in-process client's too), so the thread can exit. */
  close(): void
}

/** @param mount the endpoint's path on the preview server. */
export function bayeuxServer(mount: string): Bayeux {
  // timeout: seconds a /meta/connect is held open before an empty answer.
  const adapter = new faye.NodeAdapter({mount, timeout: 10})
  adapter.addExtension({
    incoming(message: {channel: string; error?: string}, request: IncomingMessage | null, next: (m: unknown) => void) {
      // request is null for messages the server publishes itself.
      if (request && !request.headers.gms_user) message.error = `${COMETD_CONTRACT.cometGmsUser.status}::${COMETD_CONTRACT.cometGmsUser.rule}`
      next(message)
    },
  })
  let client: ReturnType<typeof adapter.getClient> | undefined
  return {
    handle: (req, res) => adapter.handle(req, res),
    publish: (channel, data) => {
      client ??= adapter.getClient()
      void client.publish(channel, data)
    },
    close: () => {
      client?.disconnect()
      adapter.close()
    },
  }
}
