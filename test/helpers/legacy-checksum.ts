/** Headers as gwe-int wrote them before its checksum was a CRC-32 (src/core/write/header.ts). */
import {createHash} from 'node:crypto'

/** The checksum earlier versions wrote: SHA-256 of the body, first 16 hex digits. */
export const sha16 = (body: string): string => createHash('sha256').update(body).digest('hex').slice(0, 16)

/** A generated file with its header's checksum as earlier versions wrote it for the same body. */
export function withLegacyChecksum(text: string): string {
  const lines = text.split('\n')
  const header = lines.findIndex((line) => line.includes('gwe-int checksum'))
  lines[header] = lines[header].replace(/checksum [0-9a-f]{8}\b/, `checksum ${sha16(lines.filter((_, k) => k !== header).join('\n'))}`)
  return lines.join('\n')
}
