/**
 * Reads a zip file's central directory (names and declared sizes) without inflating anything. Used to tell a
 * Word document from an Excel workbook by its parts, and to refuse zip bombs before a library unpacks them.
 * jszip offers no way to see declared sizes or cap inflation, so this small reader follows the zip spec (APPNOTE
 * 4.3.12–4.3.16, including the Zip64 records) directly.
 */
export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export type ZipDirectory = { ok: true; entries: ZipEntry[] } | { ok: false; reason: string };

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX_32 = 0xffffffff;

const utf8 = new TextDecoder('utf-8');

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function findEndOfDirectory(data: DataView): number {
  const earliest = Math.max(0, data.byteLength - 22 - 0xffff);
  for (let at = data.byteLength - 22; at >= earliest; at -= 1) {
    if (data.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  return -1;
}

function directoryLocation(data: DataView, end: number): { offset: number; count: number } {
  const count = data.getUint16(end + 10, true);
  const offset = data.getUint32(end + 16, true);
  const locator = end - 20;
  if ((count !== 0xffff && offset !== MAX_32) || locator < 0 || data.getUint32(locator, true) !== ZIP64_LOCATOR) {
    return { offset, count };
  }
  const zip64End = Number(data.getBigUint64(locator + 8, true));
  if (zip64End + 56 > data.byteLength || data.getUint32(zip64End, true) !== ZIP64_END_OF_DIRECTORY) {
    return { offset: -1, count: 0 };
  }
  return { offset: Number(data.getBigUint64(zip64End + 48, true)), count: Number(data.getBigUint64(zip64End + 32, true)) };
}

/** Fills in the sizes and offset that a Zip64 "extra field" (id 1) carries when the 32-bit fields are full. */
function applyZip64Extra(data: DataView, extraStart: number, extraEnd: number, entry: ZipEntry): void {
  let at = extraStart;
  while (at + 4 <= extraEnd) {
    const id = data.getUint16(at, true);
    const size = data.getUint16(at + 2, true);
    if (id === 1) {
      let field = at + 4;
      const next = (): number => {
        const value = field + 8 <= extraEnd ? Number(data.getBigUint64(field, true)) : Number.MAX_SAFE_INTEGER;
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === MAX_32) entry.uncompressedSize = next();
      if (entry.compressedSize === MAX_32) entry.compressedSize = next();
      if (entry.localHeaderOffset === MAX_32) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + size;
  }
}

export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  const data = view(bytes);
  const end = data.byteLength >= 22 ? findEndOfDirectory(data) : -1;
  if (end < 0) return { ok: false, reason: 'the end of the zip directory is missing (the file is cut short)' };
  const { offset, count } = directoryLocation(data, end);
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let index = 0; index < count; index += 1) {
    if (at < 0 || at + 46 > data.byteLength || data.getUint32(at, true) !== DIRECTORY_ENTRY) {
      return { ok: false, reason: 'the zip directory is damaged' };
    }
    const nameLength = data.getUint16(at + 28, true);
    const extraLength = data.getUint16(at + 30, true);
    const commentLength = data.getUint16(at + 32, true);
    if (at + 46 + nameLength + extraLength > data.byteLength) return { ok: false, reason: 'the zip directory is damaged' };
    const entry: ZipEntry = {
      name: utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: data.getUint16(at + 8, true),
      method: data.getUint16(at + 10, true),
      compressedSize: data.getUint32(at + 20, true),
      uncompressedSize: data.getUint32(at + 24, true),
      localHeaderOffset: data.getUint32(at + 42, true),
    };
    applyZip64Extra(data, at + 46 + nameLength, at + 46 + nameLength + extraLength, entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries };
}

/** The stored (usually deflated) bytes of one entry, or null when its local header is not where it should be. */
export function entryStoredBytes(bytes: Uint8Array, entry: ZipEntry): Uint8Array | null {
  const data = view(bytes);
  const at = entry.localHeaderOffset;
  if (at + 30 > data.byteLength || data.getUint32(at, true) !== LOCAL_HEADER) return null;
  const start = at + 30 + data.getUint16(at + 26, true) + data.getUint16(at + 28, true);
  if (start + entry.compressedSize > data.byteLength) return null;
  return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * Names of the local headers found by scanning the whole file for their signature. Works on a zip whose end was cut
 * off, so a truncated Word document can still be recognised (and then reported as damaged, not as "not a document").
 * A chance match inside compressed data only yields a garbage name, which no caller looks for.
 */
export function localEntryNames(bytes: Uint8Array, limit = 200): string[] {
  const data = view(bytes);
  const names: string[] = [];
  for (let at = 0; at + 30 <= data.byteLength && names.length < limit; at += 1) {
    if (bytes[at] !== 0x50 || data.getUint32(at, true) !== LOCAL_HEADER) continue;
    const nameLength = data.getUint16(at + 26, true);
    names.push(utf8.decode(bytes.subarray(at + 30, Math.min(data.byteLength, at + 30 + nameLength))));
    at += 29 + nameLength;
  }
  return names;
}
