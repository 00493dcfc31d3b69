/**
 * `gwe-int preview` as a function: read the config, listen on 127.0.0.1, re-plan every
 * integration with URLs pointing at the server, and hand back the URLs and a close().
 */
import {GweIntError, EXIT, invalid} from '../shared/errors.js'
import {loadConfig, selectIntegrations} from '../core/generate.js'
import {loadSourcePatcher} from '../core/write/plan.js'
import {startServer, type PreviewServer} from './server.js'
import {planSite, type Site} from './site.js'

export interface PreviewOptions {
  cwd: string
  config?: string
  only?: string[]
  /** 0 picks a free port. */
  port: number
}

export interface RunningPreview {
  /** `http://127.0.0.1:PORT/` */
  url: string
  configFile: string
  integrations: {name: string; media: string; url: string}[]
  server: PreviewServer
  close(): Promise<void>
}

export async function startPreview(opts: PreviewOptions): Promise<RunningPreview> {
  // Config errors surface before anything listens.
  const {file, config} = await loadConfig(opts.cwd, opts.config)
  const entries = selectIntegrations(config, file, opts.only)
  const patchSource = await loadSourcePatcher(entries)
  let server: PreviewServer
  try {
    server = await startServer(opts.port)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') throw invalid(`--port ${opts.port}: 127.0.0.1:${opts.port} is already in use; pick another port or use --port 0 for a free one`)
    if (code === 'EACCES') throw invalid(`--port ${opts.port}: not allowed to listen on 127.0.0.1:${opts.port}; use a port above 1023 or --port 0`)
    throw new GweIntError(`cannot listen on 127.0.0.1:${opts.port}: ${(error as Error).message}`, EXIT.invalid)
  }
  let sites: Site[]
  try {
    // URLs in the generated files depend on the port, so planning waits for it.
    sites = entries.map((e) => planSite(e, server.origin, file, patchSource))
  } catch (error) {
    await server.close()
    throw error
  }
  server.setSites(sites, file)
  return {
    url: `${server.origin}/`,
    configFile: file,
    integrations: sites.map((s) => ({name: s.name, media: s.medium.id, url: `${server.origin}${s.paths.page}`})),
    server,
    close: () => server.close(),
  }
}
