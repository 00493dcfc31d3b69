/**
 * bin/stdio.cjs, the writer of stdout and stderr that are not a terminal: all bytes in
 * order through partial writes and a descriptor left non-blocking, and a failure reported
 * as a Writable reports it (callback first, then one 'error'), after which nothing is written.
 */
import fs from 'node:fs'
import {createRequire} from 'node:module'
import os from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it, vi} from 'vitest'

interface Output extends NodeJS.EventEmitter {
  write(chunk: string | Uint8Array, callback?: (error: Error | null) => void): boolean
  destroyed: boolean
  _writableState: {errorEmitted: boolean}
}
const {PlainOutput, isPlainOutput} = createRequire(import.meta.url)('../../bin/stdio.cjs') as {
  PlainOutput: new (fd: number) => Output
  isPlainOutput: (fd: number) => boolean
}

const tick = () => new Promise((resolve) => setImmediate(resolve))
const errno = (code: string) => Object.assign(new Error(code), {code})

function tempFile(): {file: string; fd: number} {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gwe-int-stdio-')), 'out.txt')
  return {file, fd: fs.openSync(file, 'w')}
}

afterEach(() => vi.restoreAllMocks())

describe('PlainOutput', () => {
  it('writes strings and bytes in order and calls back without an error', async () => {
    const {file, fd} = tempFile()
    const out = new PlainOutput(fd)
    const done = vi.fn()
    expect(out.write('één ', done)).toBe(true)
    expect(out.write(Buffer.from('two\n'))).toBe(true)
    fs.closeSync(fd)
    await tick()
    expect(done).toHaveBeenCalledWith(null)
    expect(fs.readFileSync(file, 'utf8')).toBe('één two\n')
  })

  it('finishes a partial write and waits out EAGAIN and EINTR', () => {
    const {file, fd} = tempFile()
    const real = fs.writeSync
    const answers: (string | number)[] = ['EAGAIN', 3, 'EINTR', 'EAGAIN']
    vi.spyOn(fs, 'writeSync').mockImplementation(((descriptor: number, data: Uint8Array, offset: number, length: number) => {
      const next = answers.shift()
      if (typeof next === 'string') throw errno(next)
      return real(descriptor, data, offset, next === undefined ? length : Math.min(next, length))
    }) as typeof fs.writeSync)
    expect(new PlainOutput(fd).write('0123456789')).toBe(true)
    fs.closeSync(fd)
    expect(fs.readFileSync(file, 'utf8')).toBe('0123456789')
    expect(answers).toEqual([])
  })

  it('a failed write: callback with the error, then one error event; nothing written after', async () => {
    const {file, fd} = tempFile()
    const out = new PlainOutput(fd)
    vi.spyOn(fs, 'writeSync').mockImplementationOnce(() => {
      throw errno('EPIPE')
    })
    const order: string[] = []
    out.on('error', (error: NodeJS.ErrnoException) => order.push(`error ${error.code} ${out._writableState.errorEmitted}`))
    expect(out.write('lost', (error) => order.push(`callback ${(error as NodeJS.ErrnoException).code} ${out._writableState.errorEmitted}`))).toBe(false)
    expect(out.destroyed).toBe(true)
    await tick()
    expect(order).toEqual(['callback EPIPE false', 'error EPIPE true'])
    const after = vi.fn()
    expect(out.write('later', after)).toBe(false)
    await tick()
    expect(after.mock.calls[0][0]).toMatchObject({code: 'ERR_STREAM_DESTROYED'})
    expect(order).toHaveLength(2)
    fs.closeSync(fd)
    expect(fs.readFileSync(file, 'utf8')).toBe('')
  })
})

describe('isPlainOutput', () => {
  it('a file and /dev/null are; a descriptor that is not open is not', () => {
    const {fd} = tempFile()
    const nul = fs.openSync('/dev/null', 'w')
    expect(isPlainOutput(fd)).toBe(process.platform !== 'win32')
    expect(isPlainOutput(nul)).toBe(process.platform !== 'win32')
    fs.closeSync(fd)
    expect(isPlainOutput(fd)).toBe(false)
    fs.closeSync(nul)
  })
})
