/**
 * Reading a text file a user points gwe-int at (a patch source, a config): a regular
 * file (a FIFO, socket or device is refused without a blocking open), not larger than a limit (checked with stat before anything is read), UTF-8 and
 * not binary. Each refusal is one line naming the file (exit 2), never a crash or a
 * silently mangled decode.
 */
import fs from 'node:fs'
import {GweIntError, describeFsError, exitForFsError, invalid} from './errors.js'

/** Default limit for a patch source: far above any real invite.html or GMS sample page. */
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024

export interface ReadTextOptions {
  /** Refuse files larger than this many bytes (default MAX_SOURCE_BYTES). */
  maxBytes?: number
  /** What the file is, for messages: "config", "source" (default). */
  what?: string
}

const kib = (n: number) => (n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MiB` : `${Math.round(n / 1024)} KiB`)

/**
 * UTF-16 or UTF-32 text, by its byte order mark or, without one, by where an ASCII
 * character's zero bytes fall: named as such rather than as "binary".
 */
function wideEncoding(b: Uint8Array): string | undefined {
  if (b.length < 2) return undefined
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return 'UTF-32 (little-endian)'
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return 'UTF-32 (big-endian)'
  if (b[0] === 0xff && b[1] === 0xfe) return 'UTF-16 (little-endian)'
  if (b[0] === 0xfe && b[1] === 0xff) return 'UTF-16 (big-endian)'
  // Without a mark: the first characters (a config or page starts with ASCII) all have their zeros in one place.
  const units = (size: number, at: number) => {
    const n = Math.min(4, Math.floor(b.length / size))
    if (n < 2) return false
    for (let k = 0; k < n; k += 1) for (let j = 0; j < size; j += 1) if ((b[k * size + j] === 0) !== (j !== at)) return false
    return true
  }
  if (units(4, 0)) return 'UTF-32 (little-endian)'
  if (units(4, 3)) return 'UTF-32 (big-endian)'
  if (units(2, 0)) return 'UTF-16 (little-endian)'
  if (units(2, 1)) return 'UTF-16 (big-endian)'
  return undefined
}

/** Bytes to text: UTF-8 only (a BOM is kept, it is part of the text), no NUL bytes. */
export function decodeText(bytes: Uint8Array, file: string, what = 'source'): string {
  const wide = wideEncoding(bytes)
  if (wide) throw invalid(`${file}: ${what} is ${wide} text; save it as UTF-8 and try again`)
  const nul = bytes.indexOf(0)
  if (nul >= 0) throw invalid(`${file}: ${what} looks binary (NUL byte at offset ${nul}); expected a UTF-8 text file`)
  try {
    return new TextDecoder('utf-8', {fatal: true, ignoreBOM: true}).decode(bytes)
  } catch {
    throw invalid(`${file}: ${what} is not valid UTF-8 (at byte ${firstInvalidUtf8(bytes)}); save it as UTF-8 and try again`)
  }
}

/**
 * Opens `file` for reading if it is a regular file, else undefined (a folder, a pipe, a
 * socket, a device). O_NONBLOCK: opening a FIFO for reading would otherwise wait for a
 * writer forever; with it the open returns at once and fstat tells what it is. On a
 * regular file the flag changes nothing.
 */
export function openRegularFile(file: string): {fd: number; stat: fs.Stats} | undefined {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0))
  const stat = fs.fstatSync(fd)
  if (stat.isFile()) return {fd, stat}
  fs.closeSync(fd)
  return undefined
}

/** Read `file` as UTF-8 text after checking it is a regular file within the size limit. */
export function readTextFile(file: string, opts: ReadTextOptions = {}): string {
  const what = opts.what ?? 'source'
  const max = opts.maxBytes ?? MAX_SOURCE_BYTES
  const refuse = (stat: fs.Stats): never => {
    if (stat.isDirectory()) throw invalid(`${file}: is a directory, not a ${what} file`)
    throw invalid(`${file}: is not a regular file (a device, pipe or socket); give a ${what} file`)
  }
  let opened: ReturnType<typeof openRegularFile>
  try {
    // stat first: a pipe, socket or device is refused without being opened at all.
    const stat = fs.statSync(file)
    if (!stat.isFile()) refuse(stat)
    opened = openRegularFile(file)
  } catch (error) {
    if (error instanceof GweIntError) throw error
    throw new GweIntError(`${file}: cannot read ${what} (${describeFsError(error)})`, exitForFsError(error))
  }
  // Replaced by something else between the stat and the open.
  if (!opened) return refuse(fs.statSync(file))
  const {fd, stat} = opened
  try {
    // fstat on the opened descriptor: what is checked is what is read.
    if (stat.size > max) throw invalid(`${file}: ${what} is ${kib(stat.size)}, larger than the ${kib(max)} gwe-int reads; refusing to read it`)
    const bytes = Buffer.alloc(stat.size)
    let off = 0
    while (off < bytes.length) {
      const n = fs.readSync(fd, bytes, off, bytes.length - off, off)
      if (n === 0) break
      off += n
    }
    return decodeText(bytes.subarray(0, off), file, what)
  } finally {
    fs.closeSync(fd)
  }
}

/** Offset of the first byte that breaks UTF-8, for the message. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0
    if (len === 0 || i + len > bytes.length) return i
    try {
      new TextDecoder('utf-8', {fatal: true}).decode(bytes.subarray(i, i + len))
    } catch {
      return i
    }
    i += len
  }
  return i
}
