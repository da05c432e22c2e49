import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * A large part of a page rendered once and kept (the rows of a plan): its UTF-8 bytes, and the same compressed as a
 * raw deflate segment, made the first time a browser asks for gzip.
 */
export interface KeptBody {
  bytes: Buffer;
  deflated?: Buffer;
}

export function keepBody(html: string): KeptBody {
  return { bytes: Buffer.from(html) };
}

/** Whether the request's Accept-Encoding allows gzip (any q above 0). */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  return (acceptEncoding ?? '').split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff]);

/**
 * One gzip member of head + body + tail, compressing only the small head and tail per request. Each part is its own
 * raw deflate stream: head and body end with a full flush (byte-aligned, no final block, nothing referred back across
 * the join) and the tail ends the stream, so the three segments in a row are one valid deflate stream (RFC 1951).
 * The trailer's CRC-32 and length are of all three parts.
 */
export function gzipAround(head: Buffer, body: KeptBody, tail: Buffer): Buffer {
  body.deflated ??= deflateRawSync(body.bytes, { finishFlush: constants.Z_FULL_FLUSH });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(tail, crc32(body.bytes, crc32(head))), 0);
  trailer.writeUInt32LE((head.length + body.bytes.length + tail.length) % 2 ** 32, 4);
  return Buffer.concat([
    GZIP_HEADER,
    deflateRawSync(head, { finishFlush: constants.Z_FULL_FLUSH }),
    body.deflated,
    deflateRawSync(tail),
    trailer,
  ]);
}
