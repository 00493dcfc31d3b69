// Loaded with --require by test/e2e/start-up.test.ts: at exit, writes the built-in modules the
// run loaded (after this file) to the file GWE_INT_TEST_MODULES names, one per line.
'use strict'
const fs = require('node:fs')
const before = new Set(process.moduleLoadList)
process.on('exit', () => {
  const loaded = process.moduleLoadList.filter((m) => !before.has(m) && m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length))
  fs.writeFileSync(process.env.GWE_INT_TEST_MODULES, `${loaded.join('\n')}\n`)
})
