import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, gzipAround, keepBody } from './kept-body.ts';

describe('a kept body sent with gzip', () => {
  it('is one gzip stream that opens to head, body and tail, however often it is sent', () => {
    const body = keepBody(`<table>${'<tr><td>Publish the allocations policy – 31 March 2026 ’quoted’</td></tr>\n'.repeat(5000)}</table>`);
    for (const nonce of ['abc', 'def']) {
      const head = Buffer.from(`<!DOCTYPE html><html><head><script nonce="${nonce}"></script></head><body>`);
      const tail = Buffer.from('</body></html>');
      const zipped = gzipAround(head, body, tail);
      expect(gunzipSync(zipped).toString()).toBe(`${head.toString()}${body.bytes.toString()}${tail.toString()}`);
      expect(zipped.length).toBeLessThan(body.bytes.length / 20);
    }
  });

  it('opens when a part is empty', () => {
    expect(gunzipSync(gzipAround(Buffer.alloc(0), keepBody(''), Buffer.from('x'))).toString()).toBe('x');
  });

  it('is sent only to a client that accepts gzip', () => {
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
