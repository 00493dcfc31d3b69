// @ts-check
/**
 * Fallback peak-memory probe when /usr/bin/time is missing: preloaded with
 * `node --import`, it writes the process's own max RSS (KiB) and CPU time (ms) on exit.
 */
import fs from 'node:fs'

process.on('exit', () => {
  const usage = process.resourceUsage()
  if (process.env.GWE_INT_BENCH_RSS) fs.writeFileSync(process.env.GWE_INT_BENCH_RSS, `${usage.maxRSS} ${(usage.userCPUTime + usage.systemCPUTime) / 1000}\n`)
})
