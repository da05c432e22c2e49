import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh random token for a cookie or a link. */
export const newToken = () => randomBytes(32).toString('base64url');

/** What the database keeps of a token: a keyed hash, so a copy of the database cannot sign anyone in. */
export const tokenDigest = (secret: string, purpose: string, token: string) =>
  createHmac('sha256', secret).update(`${purpose}|${token}`).digest('base64url');

export function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
