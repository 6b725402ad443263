// Reads a ZIP's central directory (without inflating anything) to refuse zip bombs before a
// library unpacks them: the declared uncompressed sizes must stay within a budget.
import { ExtractError } from './errors.ts';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

export function checkZipBudget(bytes: Uint8Array, name: string, maxUnpacked: number): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 64 KB (22 bytes + comment).
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ExtractError('unreadable', name, `the Word file is truncated or damaged (no ZIP directory).`);
  const entries = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== CENTRAL) {
      throw new ExtractError('unreadable', name, `the Word file is damaged (broken ZIP directory).`);
    }
    total += buf.readUInt32LE(offset + 24);
    if (total > maxUnpacked) {
      throw new ExtractError('too_large', name, `the Word file would unpack to more than ${Math.round(maxUnpacked / 1048576)} MB; refusing it as a zip bomb.`);
    }
    offset += 46 + buf.readUInt16LE(offset + 28) + buf.readUInt16LE(offset + 30) + buf.readUInt16LE(offset + 32);
  }
}
