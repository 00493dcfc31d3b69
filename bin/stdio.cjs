/**
 * process.stdout and process.stderr where they are not a terminal: a file, a pipe, a socket
 * or /dev/null, as in CI and scripts. On first use Node builds a stream for each, which
 * loads its stream library and, for a pipe or socket, its net module: ~2-5 ms of a run,
 * although on Linux it then writes to all of these synchronously anyway. Here each is an
 * event emitter whose write() is fs.writeSync, with a stream's failure behaviour: a write
 * that fails (EPIPE, ENOSPC, EBADF, ...) is an 'error' event on the next tick and its
 * callback's error, and nothing more is written after it (src/cli/streams.ts handles both
 * kinds alike). Writes are synchronous and in order, also between stdout and stderr.
 * A terminal, any other device, a descriptor that cannot be inspected, and Windows keep
 * Node's own stream: prompts and colours need a real terminal stream.
 */
'use strict'
const fs = require('node:fs')
const {EventEmitter} = require('node:events')

/** Whether descriptor `fd` is a file, pipe, socket or /dev/null. */
function isPlainOutput(fd) {
  if (process.platform === 'win32') return false
  try {
    const stat = fs.fstatSync(fd)
    if (stat.isFile() || stat.isFIFO() || stat.isSocket()) return true
    return stat.isCharacterDevice() && stat.rdev === fs.statSync('/dev/null').rdev
  } catch {
    return false
  }
}

/** Writes all of `data`; a descriptor another process left non-blocking is waited on when full. */
function writeAll(fd, data) {
  let offset = 0
  while (offset < data.length) {
    try {
      offset += fs.writeSync(fd, data, offset, data.length - offset)
    } catch (error) {
      if (error.code !== 'EAGAIN' && error.code !== 'EINTR') throw error
      if (error.code === 'EAGAIN') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5)
    }
  }
}

/** The part of a Writable that gwe-int and its libraries use of stdout and stderr. */
class PlainOutput extends EventEmitter {
  constructor(fd) {
    super()
    this.fd = fd
    this.isTTY = false
    this.writable = true
    this.destroyed = false
    this.writableLength = 0
    this.writableNeedDrain = false
    // Node's console reads this in a write's callback, to tell whether 'error' has been emitted.
    this._writableState = {errorEmitted: false}
  }

  write(chunk, encoding, callback) {
    if (typeof encoding === 'function') [callback, encoding] = [encoding, undefined]
    const done = typeof callback === 'function' ? callback : () => {}
    if (this.destroyed) {
      process.nextTick(done, Object.assign(new Error('write after the output failed'), {code: 'ERR_STREAM_DESTROYED'}))
      return false
    }
    try {
      writeAll(this.fd, typeof chunk === 'string' ? Buffer.from(chunk, encoding || 'utf8') : chunk)
    } catch (error) {
      this.destroy()
      // As a Writable does: the callback gets the error, then 'error' is emitted on the next tick.
      process.nextTick(() => {
        done(error)
        process.nextTick(() => {
          this._writableState.errorEmitted = true
          this.emit('error', error)
        })
      })
      return false
    }
    process.nextTick(done, null)
    return true
  }

  end(chunk, encoding, callback) {
    if (typeof chunk === 'function') [callback, chunk] = [chunk, undefined]
    if (typeof encoding === 'function') [callback, encoding] = [encoding, undefined]
    if (chunk !== undefined && chunk !== null) this.write(chunk, encoding)
    if (typeof callback === 'function') process.nextTick(callback)
    return this
  }

  destroy() {
    this.destroyed = true
    this.writable = false
    return this
  }

  cork() {}

  uncork() {}
}

/** Gives process.stdout and process.stderr a PlainOutput where their descriptor is one (see above). */
function installPlainOutput() {
  for (const [name, fd] of [
    ['stdout', 1],
    ['stderr', 2],
  ]) {
    if (!isPlainOutput(fd)) continue
    let output
    Object.defineProperty(process, name, {configurable: true, enumerable: true, get: () => (output ??= new PlainOutput(fd))})
  }
}

module.exports = {installPlainOutput, isPlainOutput, PlainOutput}
