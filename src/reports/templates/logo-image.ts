export const maxLogoBytes = 1024 * 1024;
const maxSide = 5000;

export type LogoCheck =
  | { ok: true; mediaType: 'image/png' | 'image/jpeg'; width: number; height: number }
  | { ok: false; message: string };

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(pngSignature) || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Start-of-frame markers carry the image's size; the others are skipped by their length. */
const startOfFrame = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpegSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) { at += 1; continue; }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { at += 2; continue; }
    if (marker === 0xd9 || marker === 0xda) return null;
    const length = bytes.readUInt16BE(at + 2);
    if (startOfFrame.has(marker)) {
      if (at + 9 > bytes.length) return null;
      return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    }
    at += 2 + length;
  }
  return null;
}

/** A logo upload checked by its bytes, not its name: a PNG or JPEG of at most 1 MB and 5,000 pixels a side. */
export function checkLogo(bytes: Buffer): LogoCheck {
  if (bytes.length === 0) return { ok: false, message: 'The selected logo is empty' };
  if (bytes.length > maxLogoBytes) return { ok: false, message: 'The logo must be smaller than 1 MB' };
  const png = pngSize(bytes);
  const jpeg = png === null ? jpegSize(bytes) : null;
  const size = png ?? jpeg;
  if (size === null) return { ok: false, message: 'The logo must be a PNG or JPEG image' };
  if (size.width < 1 || size.height < 1 || size.width > maxSide || size.height > maxSide) {
    return { ok: false, message: 'The logo must be between 1 and 5,000 pixels wide and high' };
  }
  return { ok: true, mediaType: png ? 'image/png' : 'image/jpeg', ...size };
}
