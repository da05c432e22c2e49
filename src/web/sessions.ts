import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/connection.ts';
import { findSessionUser, touchSession } from '../auth/session-repository.ts';
import { newToken, sameToken, tokenDigest } from '../auth/session-token.ts';
import { csrfFailed, notSignedIn } from '../errors.ts';
import type { Actor } from '../auth/actor.ts';
import { readMultipartForm } from './multipart.ts';

export const SESSION_COOKIE = 'waymark_session';
const PRE_SESSION_COOKIE = 'waymark_pre';
export const SESSION_DAYS = 14;
const TOUCH_AFTER_MS = 5 * 60 * 1000;

export interface SessionOptions {
  db: Db;
  secret: string;
  secureCookies: boolean;
}

export const cookieOptions = (secure: boolean, maxAgeSeconds?: number) => ({
  path: '/',
  httpOnly: true,
  sameSite: 'lax' as const,
  secure,
  ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
});

/**
 * Sessions live in the database (any app node can serve any request). The cookie holds a random token; the
 * database holds only its keyed digest. CSRF tokens are an HMAC of the session (or pre-session) token, so every
 * form can be checked without storing anything more. Every POST must carry its token as `_csrf`, whatever the
 * content type: a multipart form is read here, before the handler, so a route that ignores its body is still checked.
 */
export function installSessions(app: FastifyInstance, options: SessionOptions): void {
  const { db, secret, secureCookies } = options;
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', '');
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('multipartForm', null);

  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/assets/') || request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      request.actor = await loadActor(db, secret, token);
      if (request.actor) request.sessionToken = token;
      else reply.clearCookie(SESSION_COOKIE, cookieOptions(secureCookies));
    }
    let csrfBase = request.sessionToken;
    if (!csrfBase) {
      csrfBase = request.cookies[PRE_SESSION_COOKIE] ?? newToken();
      if (!request.cookies[PRE_SESSION_COOKIE]) reply.setCookie(PRE_SESSION_COOKIE, csrfBase, cookieOptions(secureCookies));
    }
    request.csrfToken = tokenDigest(secret, 'csrf', csrfBase);
  });

  app.addHook('preHandler', async (request) => {
    if (request.method !== 'POST' || request.routeOptions.config.csrf === false) return;
    if (request.isMultipart()) request.multipartForm = await readMultipartForm(request);
    const fields = request.multipartForm?.fields ?? (request.body as Record<string, unknown> | undefined);
    const sent = fields?._csrf;
    if (typeof sent !== 'string' || !sameToken(sent, request.csrfToken)) throw csrfFailed();
  });
}

async function loadActor(db: Db, secret: string, token: string): Promise<Actor | null> {
  const now = new Date();
  const session = await findSessionUser(db, tokenDigest(secret, 'session', token), now);
  if (!session) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await touchSession(db, session.sessionId, now, new Date(now.getTime() + SESSION_DAYS * 86_400_000));
  }
  return {
    userId: session.userId,
    organisationId: session.organisationId,
    organisationName: session.organisationName,
    name: session.name,
    email: session.email,
    roles: new Set(session.roles),
    personIds: session.personIds,
  };
}

/** The signed-in actor, or a 401 that the error handler turns into a redirect to the sign-in page. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw notSignedIn();
  return request.actor;
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(secure, SESSION_DAYS * 86_400));
}
