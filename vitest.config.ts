import os from 'node:os'
import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
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
    projects: [
      // In-process: the source itself, and the test helpers that stand in for a library's
      // own code (checked against it here, in the full run; `npm run test:fast` selects
      // test/unit and test/golden, whose outcome a change to src/ or templates/ can alter).
      {extends: true, test: {name: 'source', include: ['test/unit/**/*.test.ts', 'test/golden/**/*.test.ts', 'test/helpers/**/*.test.ts']}},
      // The built CLI in dist/: refused when dist/ is older than what it is built from.
      // Vitest runs a project's global setup only when some of its files are selected.
      {extends: true, test: {name: 'dist', include: ['test/e2e/**/*.test.ts', 'test/browser/**/*.test.ts'], globalSetup: ['test/setup/fresh-dist.ts']}},
    ],
  },
})
