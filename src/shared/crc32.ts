/**
 * zlib's CRC-32 of a string's UTF-8 bytes, from bin/crc32.cjs (how it avoids loading
 * node:zlib is said there). The launcher has loaded that file already, for the code cache,
 * so this require costs nothing at run time. Two folders below the package root, as the
 * bundle's chunks are (scripts/bundle.mjs), so the same path works from src/ and dist/.
 */
import {createRequire} from 'node:module'

export const {crc32} = createRequire(import.meta.url)('../../bin/crc32.cjs') as {crc32: (data: string) => number}
