/**
 * On a Node.js that gwe-int does not support, bin/run.cjs answers with one line naming
 * the supported versions and exit 2, before it loads anything else. The old Node is
 * played by the current one with process.version overridden in a preloaded file, which
 * also records every module that was loaded.
 */
import {execa} from 'execa'
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {BIN, listFiles, tempDir} from '../helpers/cli.js'

const PRELOAD = `
const fs = require('node:fs')
const version = process.env.FAKE_NODE_VERSION
Object.defineProperty(process.versions, 'node', {value: version})
Object.defineProperty(process, 'version', {value: 'v' + version})
process.on('exit', () => fs.writeFileSync(process.env.LOADED_FILE, JSON.stringify(Object.keys(require.cache))))
`

describe('an unsupported Node.js', () => {
  for (const version of ['18.20.4', '20.18.3', '21.7.3', '22.11.0', '23.11.1']) {
    it(`${version}: one line naming the supported versions, exit 2, nothing loaded or written`, async () => {
      const cwd = tempDir('gwe-int-old-node-')
      const preload = path.join(cwd, 'fake-node.cjs')
      fs.writeFileSync(preload, PRELOAD)
      const loaded = path.join(cwd, 'loaded.json')
      const run = await execa('node', ['--require', preload, BIN, 'new', 'gms-chat', '--yes'], {
        cwd,
        reject: false,
        stdin: 'ignore',
        env: {FAKE_NODE_VERSION: version, LOADED_FILE: loaded},
      })
      expect(run.exitCode).toBe(2)
      expect(run.stdout).toBe('')
      expect(run.stderr).toBe(`error: gwe-int runs on Node.js 20 (20.19 or later), 22 (22.12 or later) or 24 and later; this is Node.js v${version}`)
      expect(JSON.parse(fs.readFileSync(loaded, 'utf8'))).toEqual([preload, BIN])
      expect(listFiles(cwd)).toEqual(['fake-node.cjs', 'loaded.json'])
    })
  }
})
