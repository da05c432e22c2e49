import { describe, expect, it } from 'vitest';
import { onePixelPng } from '../reports.test-support.ts';
import { checkLogo } from './logo-image.ts';


/** A JPEG's opening: SOI, an APP0 (JFIF) segment, then a baseline start-of-frame giving 64 × 32 pixels. */
const jpegHead = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
  0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x20, 0x00, 0x40, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
]);

describe('checkLogo', () => {
  it('reads a PNG’s and a JPEG’s size from their bytes', () => {
    expect(checkLogo(onePixelPng)).toEqual({ ok: true, mediaType: 'image/png', width: 1, height: 1 });
    expect(checkLogo(jpegHead)).toEqual({ ok: true, mediaType: 'image/jpeg', width: 64, height: 32 });
  });

  it('refuses other files, whatever they are called, and logos of 1 MB or more', () => {
    expect(checkLogo(Buffer.from('GIF89a\x01\x00\x01\x00'))).toEqual({ ok: false, message: 'The logo must be a PNG or JPEG image' });
    expect(checkLogo(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toMatchObject({ ok: false });
    expect(checkLogo(Buffer.alloc(0))).toEqual({ ok: false, message: 'The selected logo is empty' });
    expect(checkLogo(Buffer.concat([onePixelPng, Buffer.alloc(1024 * 1024)]))).toEqual({ ok: false, message: 'The logo must be smaller than 1 MB' });
  });

  it('refuses an image claiming to be enormous', () => {
    const huge = Buffer.from(onePixelPng);
    huge.writeUInt32BE(100_000, 16);
    expect(checkLogo(huge)).toMatchObject({ ok: false, message: 'The logo must be between 1 and 5,000 pixels wide and high' });
  });
});
