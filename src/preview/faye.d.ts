/** The part of faye's Node adapter the preview uses (faye ships no types). */
declare module 'faye' {
  import type {IncomingMessage, ServerResponse} from 'node:http'
  export class NodeAdapter {
    constructor(options: {mount: string; timeout: number})
    handle(req: IncomingMessage, res: ServerResponse): void
    addExtension(ext: unknown): void
    getClient(): {publish(channel: string, data: unknown): unknown; disconnect(): void}
    close(): void
  }
}
