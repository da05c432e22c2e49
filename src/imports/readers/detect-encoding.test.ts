import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, looksBinary } from './detect-encoding.ts';
import { utf16le, utf8, windows1252 } from './fixtures/text-fixtures.ts';

const SAMPLE = 'Council’s plan – phase 2 — costs £500 “agreed”';

describe('decodeText', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    expect(decodeText(utf8(SAMPLE))).toEqual({ text: SAMPLE, encoding: 'utf-8' });
    expect(decodeText(utf8(SAMPLE, true))).toEqual({ text: SAMPLE, encoding: 'utf-8' });
  });

  it('reads Windows-1252 through iconv-lite, so ’ – — £ “ ” come out right', () => {
    expect(decodeText(windows1252(SAMPLE))).toEqual({ text: SAMPLE, encoding: 'windows-1252' });
  });

  it('reads UTF-16 with a mark, and without one', () => {
    expect(decodeText(utf16le(SAMPLE)).text).toBe(SAMPLE);
    expect(decodeText(new Uint8Array(iconv.encode(SAMPLE, 'utf-16be')))).toEqual({ text: SAMPLE, encoding: 'utf-16be' });
    expect(looksBinary(new Uint8Array(iconv.encode(SAMPLE, 'utf-16le')))).toBe(false);
  });

  it('keeps mostly-UTF-8 text readable when a few bytes are damaged', () => {
    const bytes = new Uint8Array([...utf8(`${SAMPLE} `), 0xff, ...utf8(' end')]);
    expect(decodeText(bytes)).toEqual({ text: `${SAMPLE} \uFFFD end`, encoding: 'utf-8' });
  });
});

describe('looksBinary', () => {
  it('is true for NUL bytes or many control characters, false for text', () => {
    expect(looksBinary(new Uint8Array([0x50, 0x4b, 0x00, 0x01]))).toBe(true);
    expect(looksBinary(new Uint8Array(200).fill(0x07))).toBe(true);
    expect(looksBinary(utf8('Ref\tAction\r\n1\tDo it\r\n'))).toBe(false);
  });
});
