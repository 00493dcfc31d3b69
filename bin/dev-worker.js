// The preview server's thread when the CLI runs from src/ (bin/dev.js): a worker does not
// inherit the TypeScript loader its parent registered, so it registers its own first.
import {register} from 'tsx/esm/api'

register()
await import('../src/preview/worker.ts')
