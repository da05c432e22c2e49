import { inflateRawSync } from 'node:zlib';
import { ImportFileError } from '../import-file-error.ts';
import { entryStoredBytes, readZipDirectory, type ZipEntry } from './zip-directory.ts';

/**
 * Checks a .docx/.xlsx (both are zip files) before exceljs or the DOCX reader unpacks it: the declared sizes must stay
 * under a limit, no part may be compressed absurdly well (a zip bomb), and every part is then inflated here with an
 * output cap, so a file that lies about its sizes is caught too. Node's zlib does the inflating, fast and bounded.
 */
export const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;
/** Real Office parts compress 5–50 times; a run of zeros compresses about 1,000 times. */
export const MAX_COMPRESSION_RATIO = 200;
const RATIO_APPLIES_ABOVE_BYTES = 1024 * 1024;
export const MAX_ZIP_ENTRIES = 10_000;

const STORED = 0;
const DEFLATED = 8;

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

function bomb(fileName: string, why: string): ImportFileError {
  return new ImportFileError(
    'zip_bomb',
    `"${fileName}" was refused: ${why}. A plan document is never this large, so the file may be damaged or a "zip bomb". ` +
      'If it is genuine, remove large pictures or split it into smaller files, and try again.',
    fileName,
  );
}

function damaged(fileName: string, why: string): ImportFileError {
  return new ImportFileError(
    'corrupt',
    `"${fileName}" is damaged and cannot be opened: ${why}. Open it in Word or Excel, save it again, and try again.`,
    fileName,
  );
}

function checkDeclaredSizes(entries: ZipEntry[], fileName: string): void {
  if (entries.length > MAX_ZIP_ENTRIES) throw bomb(fileName, `it holds ${entries.length} parts`);
  const total = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (total > MAX_UNZIPPED_BYTES) {
    throw bomb(fileName, `it would unpack to ${megabytes(total)}, more than the ${megabytes(MAX_UNZIPPED_BYTES)} limit`);
  }
  for (const entry of entries) {
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > RATIO_APPLIES_ABOVE_BYTES && ratio > MAX_COMPRESSION_RATIO) {
      throw bomb(fileName, `its part "${entry.name}" is compressed ${Math.round(ratio)} times, which real documents never are`);
    }
  }
}

function assertInflatesWithinDeclaredSize(stored: Uint8Array, entry: ZipEntry, fileName: string): void {
  if (entry.method === STORED) {
    if (stored.length > entry.uncompressedSize) throw bomb(fileName, `its part "${entry.name}" is larger than it declares`);
    return;
  }
  if (entry.method !== DEFLATED) throw damaged(fileName, `its part "${entry.name}" uses an unknown compression method`);
  try {
    inflateRawSync(stored, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (error) {
    const tooBig = error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    if (tooBig) throw bomb(fileName, `its part "${entry.name}" unpacks to more than the size it declares`);
    throw damaged(fileName, `its part "${entry.name}" cannot be unpacked`);
  }
}

/** Throws an ImportFileError ('corrupt', 'encrypted' or 'zip_bomb') unless the zip is safe to hand to a library. */
export function assertSafeZip(bytes: Uint8Array, fileName: string): void {
  const directory = readZipDirectory(bytes);
  if (!directory.ok) throw damaged(fileName, directory.reason);
  checkDeclaredSizes(directory.entries, fileName);
  if (directory.entries.some((entry) => (entry.flags & 0x01) !== 0)) {
    throw new ImportFileError(
      'encrypted',
      `"${fileName}" is protected with a password. Open it, remove the password (File › Info › Protect), save it, and try again.`,
      fileName,
    );
  }
  for (const entry of directory.entries) {
    const stored = entryStoredBytes(bytes, entry);
    if (!stored) throw damaged(fileName, `its part "${entry.name}" is missing or cut short`);
    assertInflatesWithinDeclaredSize(stored, entry, fileName);
  }
}
