/**
 * `gwe-int preview` runs its server in a worker thread of the same process, so that
 * the server's heap can be given a young generation of its own size. V8 sizes the
 * young generation (two semi-spaces that every short-lived object passes through)
 * from the heap limit, and on Node 24 it grows to 64 MiB per semi-space where
 * Node 20 stops at 16 MiB. It grows with what survives collections, which any
 * server that keeps answering requests soon reaches, and it is all touched: under
 * bench/preview-load.mjs the server's new space reached 128 MiB on Node 24 against
 * 32 MiB on Node 20, with the rest of the heap alike, and its peak RSS went over
 * 200 MB. The size cannot be changed for a running thread (--max-semi-space-size
 * counts only at start-up); a worker's resourceLimits set it before it starts.
 */
import {Worker} from 'node:worker_threads'
import {GweIntError, type ExitCode} from '../shared/errors.js'
import type {PreviewOptions, RunningPreview} from './index.js'

/**
 * The server thread's young generation, in MiB: three semi-spaces' worth in V8's
 * terms, so 8 MiB semi-spaces (Node 20 lets them grow to 16, Node 24 to 64). What a
 * request leaves behind is small; bodies and pages over 128 KiB live in V8's
 * large-object space whatever this size. Under bench/preview-load.mjs, 24 kept the
 * peak lower and steadier than 48 on Node 24, and 12 did no better than 24.
 */
export const SERVER_YOUNG_GENERATION_MB = 24

export type ThreadMessage =
  | ({type: 'ready'} & Pick<RunningPreview, 'url' | 'configFile' | 'integrations'>)
  | {type: 'failed'; message: string; exit?: ExitCode; details?: string[]; stack?: string}

export interface PreviewThread extends Pick<RunningPreview, 'url' | 'configFile' | 'integrations'> {
  /** Rejects if the server thread stops on its own (it never should). */
  failure: Promise<never>
  /** Closes the server and waits for its thread to end. */
  close(): Promise<void>
}

/**
 * The thread's code: built, dist/preview/worker.cjs, two folders below the package root
 * like the code that loads it (scripts/bundle.mjs); run from src/ (bin/dev.js), the
 * loader that compiles worker.ts.
 */
const workerScript = () => new URL(import.meta.url.endsWith('.ts') ? '../../bin/dev-worker.js' : '../preview/worker.cjs', import.meta.url)

/** startPreview (index.ts) in a thread of its own; rejects with the same errors. */
export function startPreviewThread(opts: PreviewOptions): Promise<PreviewThread> {
  const worker = new Worker(workerScript(), {
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
