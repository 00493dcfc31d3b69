import os from 'node:os'
import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A bound on waiting, not a timing assertion. Tests that run the built binary several
    // times share two cores with two other files (maxWorkers below) and, on a busy
    // machine, with everything else: in CI passes under heavy load some took just over 30 s, one just over 60 s.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default, one worker per core but one, is a single worker on a 2-core
    // machine: the files then run one after another, though the browser and e2e files
    // spend most of their time waiting for child processes, Chromium and the widgets'
    // polling. Three files at a time keep two cores busy.
    maxWorkers: Math.max(3, os.availableParallelism() - 1),
  },
})
