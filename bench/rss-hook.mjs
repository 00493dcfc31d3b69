/**
 * Fallback peak-memory probe when /usr/bin/time is missing: preloaded with
 * `node --import`, it writes the process's own max RSS (KiB) on exit.
 */
import fs from 'node:fs'

process.on('exit', () => {
  if (process.env.GWE_INT_BENCH_RSS) fs.writeFileSync(process.env.GWE_INT_BENCH_RSS, `${process.resourceUsage().maxRSS}\n`)
})
