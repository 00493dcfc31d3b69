/**
 * The preview server's own thread (thread.ts starts it and says why): runs
 * startPreview with the options it is given, reports the URLs or the error, and
 * closes the server when asked.
 */
import {parentPort, workerData} from 'node:worker_threads'
import {GweIntError} from '../shared/errors.js'
import {startPreview, type PreviewOptions} from './index.js'
import type {ThreadMessage} from './thread.js'

const port = parentPort!
const post = (message: ThreadMessage) => port.postMessage(message)

startPreview(workerData as PreviewOptions).then(
  (preview) => {
    port.on('message', (message: unknown) => {
      // Once closed, nothing keeps the thread alive and it ends.
      if (message === 'close') void preview.close().then(() => port.close())
    })
    post({type: 'ready', url: preview.url, configFile: preview.configFile, integrations: preview.integrations})
  },
  (error: unknown) => {
    post(
      error instanceof GweIntError
        ? {type: 'failed', message: error.message, exit: error.exit, details: [...error.details]}
        : {type: 'failed', message: (error as Error)?.message ?? String(error), stack: (error as Error)?.stack},
    )
    port.close()
  },
)
