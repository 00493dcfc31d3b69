/**
 * `gwe-int preview` runs its server in a worker thread of the same process, so that
 * the server's heap can be given a young generation of its own size. V8 sizes the
 * young generation (two semi-spaces that every short-lived object passes through)
 * from the machine's memory, and Node 24 lets it grow to 64 MiB per semi-space
 * where Node 20 stops at 16 MiB. A server that keeps answering requests fills all
 * of it, so on Node 24 the preview held ~100 MB more resident memory than on Node 20
 * for the same work. Node has no way to change this for a thread that is already
 * running; a worker's resourceLimits set it before the thread starts.
 */
import {Worker} from 'node:worker_threads'
import {GweIntError, type ExitCode} from '../shared/errors.js'
import type {PreviewOptions, RunningPreview} from './index.js'

/**
 * The server thread's young generation, in MiB: three semi-spaces' worth in V8's
 * terms, so 48 gives the 16 MiB semi-spaces that Node 20 uses by default.
 */
export const SERVER_YOUNG_GENERATION_MB = 48

export type ThreadMessage =
  | ({type: 'ready'} & Pick<RunningPreview, 'url' | 'configFile' | 'integrations'>)
  | {type: 'failed'; message: string; exit?: ExitCode; details?: string[]; stack?: string}

export interface PreviewThread extends Pick<RunningPreview, 'url' | 'configFile' | 'integrations'> {
  /** Rejects if the server thread stops on its own (it never should). */
  failure: Promise<never>
  /** Closes the server and waits for its thread to end. */
  close(): Promise<void>
}

/** startPreview (index.ts) in a thread of its own; rejects with the same errors. */
export function startPreviewThread(opts: PreviewOptions): Promise<PreviewThread> {
  // Two folders below the package root, like the code that loads it (scripts/bundle.mjs).
  const worker = new Worker(new URL('../preview/worker.cjs', import.meta.url), {
    workerData: opts,
    resourceLimits: {maxYoungGenerationSizeMb: SERVER_YOUNG_GENERATION_MB},
  })
  let closing = false
  const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  const failure = new Promise<never>((_, reject) => {
    worker.once('error', reject)
    worker.once('exit', (code) => closing || reject(new Error(`the preview server stopped (thread exit code ${code})`)))
  })
  // Only awaited once the server runs; before that, start-up errors reject the promise below.
  failure.catch(() => {})
  return new Promise((resolve, reject) => {
    failure.catch(reject)
    worker.once('message', (message: ThreadMessage) => {
      if (message.type === 'failed') {
        closing = true
        const error = message.exit === undefined ? new Error(message.message) : new GweIntError(message.message, message.exit, message.details)
        if (message.stack) error.stack = message.stack
        return reject(error)
      }
      resolve({
        url: message.url,
        configFile: message.configFile,
        integrations: message.integrations,
        failure,
        close() {
          closing = true
          worker.postMessage('close')
          return ended
        },
      })
    })
  })
}
