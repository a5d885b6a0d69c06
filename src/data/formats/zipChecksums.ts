/**
 * The CRC-32 of every member of a zip archive, from its central directory (zip64 included, as numpy
 * writes for big arrays). fflate unzips without checking CRCs, so `.npz` members are verified against
 * these: a flipped bit in a stored (uncompressed) member would otherwise pass silently.
 */
import { DataFileError } from '../dataFileError.ts';

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_ENTRY = 0x02014b50;

/**
 * Member name → CRC-32 (unsigned) as the central directory records it. O(directory size).
 * @throws DataFileError naming the file when there is no end-of-central-directory record or the directory is cut.
 */
export function zipChecksums(bytes: Uint8Array, file: string): Map<string, number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new DataFileError(file, 'no zip central directory found: the archive is truncated or not a zip file; get a fresh copy');
  let entries = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if ((entries === 0xffff || offset === 0xffffffff) && eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR) {
    const at = Number(view.getBigUint64(eocd - 12, true));
    if (at + 56 > bytes.length || view.getUint32(at, true) !== ZIP64_EOCD) throw new DataFileError(file, 'corrupt zip64 directory; get a fresh copy');
    entries = Number(view.getBigUint64(at + 32, true));
    offset = Number(view.getBigUint64(at + 48, true));
  }
  const out = new Map<string, number>();
  const decoder = new TextDecoder();
  for (let k = 0, p = offset; k < entries; k++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL_ENTRY) throw new DataFileError(file, 'corrupt zip central directory; get a fresh copy');
    const crc = view.getUint32(p + 16, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    out.set(decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)), crc);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}
