import iconv from 'iconv-lite';

/**
 * Turns the bytes of a text or CSV file into a string. Excel and Notepad on Windows write UTF-8 (with or without a
 * byte-order mark), UTF-16 with a mark ("Unicode text"), or Windows-1252 ("CSV" in older Excel). Bytes that are not
 * valid UTF-8 are read as Windows-1252 through iconv-lite, which maps ’ – — £ correctly (Node's TextDecoder does not).
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** UTF-16 without a mark still shows itself: in Latin text every other byte is zero. */
function unmarkedUtf16(bytes: Uint8Array): TextEncodingName | null {
  const pairs = Math.min(256, Math.floor(bytes.length / 2));
  if (pairs < 2) return null;
  let zeroFirst = 0;
  let zeroSecond = 0;
  for (let index = 0; index < pairs; index += 1) {
    if (bytes[2 * index] === 0 && bytes[2 * index + 1] !== 0) zeroFirst += 1;
    if (bytes[2 * index + 1] === 0 && bytes[2 * index] !== 0) zeroSecond += 1;
  }
  if (zeroSecond >= pairs * 0.75) return 'utf-16le';
  return zeroFirst >= pairs * 0.75 ? 'utf-16be' : null;
}

export function byteOrderMark(bytes: Uint8Array): TextEncodingName | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return unmarkedUtf16(bytes);
}

const lenientUtf8 = new TextDecoder('utf-8');

/**
 * Bytes that are not valid UTF-8: Windows-1252, unless they are mostly UTF-8 with a few damaged bytes (then reading
 * them as Windows-1252 would garble every ’ into â€™, so the damaged bytes alone become U+FFFD).
 */
function decodeInvalidUtf8(body: Uint8Array): DecodedText {
  const lenient = lenientUtf8.decode(body);
  let damaged = 0;
  let multibyte = 0;
  for (const char of lenient) {
    if (char === '\uFFFD') damaged += 1;
    else if (char.charCodeAt(0) > 0x7f) multibyte += 1;
  }
  if (multibyte > damaged * 4) return { text: lenient, encoding: 'utf-8' };
  return { text: iconv.decode(asBuffer(body), 'win1252'), encoding: 'windows-1252' };
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const mark = byteOrderMark(bytes);
  if (mark === 'utf-16le' || mark === 'utf-16be') {
    return { text: iconv.decode(asBuffer(bytes), mark, { stripBOM: true }), encoding: mark };
  }
  const body = mark === 'utf-8' ? bytes.subarray(3) : bytes;
  try {
    return { text: strictUtf8.decode(body), encoding: 'utf-8' };
  } catch {
    return decodeInvalidUtf8(body);
  }
}

/**
 * True when the bytes are not text in any encoding we read: NUL bytes (outside UTF-16) or many control characters.
 * Only the first 64 KB are looked at.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const mark = byteOrderMark(bytes);
  if (mark === 'utf-16le' || mark === 'utf-16be') return false;
  const sample = bytes.subarray(0, 65_536);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    const isLayout = byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d;
    if (byte < 0x20 && !isLayout) controls += 1;
  }
  return controls > sample.length * 0.01;
}
