import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { sameToken } from '../auth/session-token.ts';
import { invalidInput } from '../errors.ts';

/**
 * Opaque, signed cursors for lists: base64url JSON, then a dot, then an HMAC of it. A cursor is only ever read back
 * when its signature matches and it was made for the same list (plan, and item when there is one), so a tampered or
 * foreign cursor is refused with a clear message, never passed on to SQL as something else.
 */

const payloadSchema = z.strictObject({
  v: z.literal(1),
  list: z.string(),
  key: z.string().max(2000),
  at: z.string().max(40).optional(),
});

export type CursorPayload = z.infer<typeof payloadSchema>;

const sign = (secret: string, body: string) => createHmac('sha256', secret).update(`cursor|${body}`).digest('base64url');

export function encodeCursor(secret: string, payload: Omit<CursorPayload, 'v'>): string {
  const body = Buffer.from(JSON.stringify({ v: 1, ...payload })).toString('base64url');
  return `${body}.${sign(secret, body)}`;
}

export const badCursor = () => invalidInput('The cursor is not valid for this list: use the “next” link of the previous page, or start again without a cursor.', 'cursor');

/** The payload of a cursor made by encodeCursor for `list`; throws a 400 for anything else. */
export function decodeCursor(secret: string, cursor: string, list: string): CursorPayload {
  const [body, signature, ...rest] = cursor.split('.');
  if (!body || !signature || rest.length > 0 || cursor.length > 4000 || !sameToken(signature, sign(secret, body))) throw badCursor();
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success || parsed.data.list !== list) throw badCursor();
  return parsed.data;
}
