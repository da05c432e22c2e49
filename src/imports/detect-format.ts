import { decodeText, looksBinary } from './readers/detect-encoding.ts';
import { detectDelimiter, looksLikeCsv } from './readers/detect-delimiter.ts';
import { localEntryNames, readZipDirectory } from './readers/zip-directory.ts';

/**
 * What a file is, judged from its bytes alone (never its name: people rename files, and e-mail gateways too).
 * 'ole' is the container of old .doc/.xls files and also of password-protected .docx/.xlsx files.
 */
export type DetectedFormat =
  | 'text'
  | 'csv'
  | 'xlsx'
  | 'docx'
  | 'pdf'
  | 'rtf'
  | 'image'
  | 'zip'
  | 'ole'
  | 'binary'
  | 'empty';

export type ImageType = 'PNG' | 'JPEG' | 'GIF' | 'TIFF' | 'WebP';

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return prefix.every((byte, index) => bytes[at + index] === byte);
}

function ascii(text: string): number[] {
  return [...text].map((char) => char.charCodeAt(0));
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_SIGNATURES = [ascii('PK\x03\x04'), ascii('PK\x05\x06')];
const PDF_SIGNATURE = ascii('%PDF-');

export function detectImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'PNG';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'JPEG';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'GIF';
  if (startsWith(bytes, ascii('II*\x00')) || startsWith(bytes, ascii('MM\x00*'))) return 'TIFF';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'WebP';
  return null;
}

/** A PDF may carry up to 1 KB of junk before its "%PDF-" header; readers accept that, so do we. */
function isPdf(bytes: Uint8Array): boolean {
  const limit = Math.min(bytes.length - PDF_SIGNATURE.length, 1024);
  for (let at = 0; at <= limit; at += 1) if (startsWith(bytes, PDF_SIGNATURE, at)) return true;
  return false;
}

function zipKind(bytes: Uint8Array): 'docx' | 'xlsx' | 'zip' {
  const directory = readZipDirectory(bytes);
  const names = new Set(directory.ok ? directory.entries.map((entry) => entry.name) : localEntryNames(bytes));
  if (names.has('word/document.xml')) return 'docx';
  if (names.has('xl/workbook.xml')) return 'xlsx';
  return 'zip';
}

const MARKUP = [/<\/?(b|i|u|em|strong|sup|sub|ul|ol|li|br|p)\b[^>]*>/i, /\*\*[^*\s]/, /^#{1,6} \S/m];

/** Text laid out as the seeds are (tab-separated cells with emphasis markup) goes to the text reader. */
function textKind(text: string): 'text' | 'csv' {
  if (MARKUP.some((pattern) => pattern.test(text))) return 'text';
  const guess = detectDelimiter(text);
  return guess && looksLikeCsv(guess) ? 'csv' : 'text';
}

export function detectFormat(bytes: Uint8Array): DetectedFormat {
  if (bytes.length === 0) return 'empty';
  if (isPdf(bytes)) return 'pdf';
  if (ZIP_SIGNATURES.some((signature) => startsWith(bytes, signature))) return zipKind(bytes);
  if (startsWith(bytes, OLE_SIGNATURE)) return 'ole';
  if (detectImageType(bytes)) return 'image';
  if (startsWith(bytes, ascii('{\\rtf'))) return 'rtf';
  if (looksBinary(bytes)) return 'binary';
  const { text } = decodeText(bytes);
  if (text.trim() === '') return 'empty';
  return textKind(text);
}

/**
 * An OLE file holding an "EncryptedPackage" stream is a password-protected .docx/.xlsx; any other OLE file is an
 * old binary .doc/.xls. Stream names are stored in UTF-16LE in the OLE directory.
 */
export function isEncryptedOfficeFile(bytes: Uint8Array): boolean {
  const needle = Buffer.from('EncryptedPackage', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}
