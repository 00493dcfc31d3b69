#!/usr/bin/env node
// @ts-check
/**
 * The I/O floor of `gwe-int generate`: a plain node:fs script that writes the bytes
 * gwe-int wrote (recorded by the bench, outside the timed runs) into the same folders,
 * with the same modes. No templates, no checks: what writing the files alone costs.
 *
 *   node bench/baseline-io.mjs <files.json> <out-dir>
 */
import fs from 'node:fs'
import path from 'node:path'

const [filesJson, outDir] = process.argv.slice(2)
const files = JSON.parse(fs.readFileSync(filesJson, 'utf8'))
for (const {file, content, mode} of files) {
  const to = path.join(outDir, file)
  fs.mkdirSync(path.dirname(to), {recursive: true})
  fs.writeFileSync(to, content, {mode})
}
