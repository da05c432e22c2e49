import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { anonymousRateLimit, type AnonymousLimits } from '../portal/rate-limits.ts';
import { fastifyPath, type Operation } from './api-operations.ts';
import { ApiProblem, invalidRequest, missingScope, unauthorised } from './api-problems.ts';
import type { ApiTokenService, TokenCaller } from './api-token-service.ts';

export const API_BODY_LIMIT = 64 * 1024;

const callers = new WeakMap<FastifyRequest, TokenCaller | null>();
const refusals = new WeakMap<FastifyRequest, ApiProblem>();

/** The token caller of an API request, or null for an anonymous one (or one whose token was refused). */
export const callerOf = (request: FastifyRequest): TokenCaller | null => callers.get(request) ?? null;

/**
 * Bearer tokens: none is anonymous; a malformed, unknown or revoked one is a 401 before the body is read or anything
 * else runs. The 401 is sent from preParsing, after the routes' onRequest rate limit, so a caller trying bad tokens is
 * counted (and stopped, 429) as an anonymous one; a valid token is not counted, as before.
 */
export function installApiAuth(api: FastifyInstance, tokens: ApiTokenService): void {
  api.addHook('onRequest', async (request) => {
    callers.set(request, null);
    const header = request.headers.authorization;
    if (header === undefined) return;
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match?.[1]) return void refusals.set(request, unauthorised('Send the token as "Authorization: Bearer <token>".'));
    const caller = await tokens.authenticate(match[1]);
    if (!caller) return void refusals.set(request, unauthorised('The token is not valid: it is unknown, or it has been revoked, or its user is disabled.'));
    callers.set(request, caller);
  });
  api.addHook('preParsing', (request, _reply, payload, done) => {
    const refused = refusals.get(request);
    if (refused) done(refused);
    else done(null, payload);
  });
  api.addHook('onResponse', async (request, reply) => {
    const caller = callers.get(request);
    if (caller && reply.statusCode < 400) await tokens.touch(caller);
  });
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

/** JSON already serialised (a page built from items serialised once per plan change). */
export class JsonText {
  constructor(readonly text: string) {}
}

/** JSON with a strong ETag; a GET whose If-None-Match matches gets 304 and no body. */
export function sendJson(request: FastifyRequest, reply: FastifyReply, body: unknown, status = 200) {
  const json = body instanceof JsonText ? body.text : JSON.stringify(body);
  if (request.method === 'GET') {
    const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 32)}"`;
    reply.header('etag', etag).header('cache-control', `${callerOf(request) ? 'private' : 'public'}, no-cache`).header('vary', 'Authorization');
    if (etagMatches(request.headers['if-none-match'], etag)) return reply.status(304).send();
  }
  return reply.status(status).type('application/json; charset=utf-8').send(json);
}

export interface ApiContext {
  request: FastifyRequest;
  caller: TokenCaller | null;
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  body: unknown;
}

function checkAccess(op: Operation, caller: TokenCaller | null): void {
  if (op.access === 'read') {
    if (caller && !caller.scopes.has('read')) throw missingScope('read');
    return;
  }
  if (!caller) throw unauthorised(op.access === 'write' ? 'Posting needs an API token with the "write" scope.' : 'This needs an API token.');
  if (op.access === 'write' && !caller.scopes.has('write')) throw missingScope('write');
}

const parseWith = (schema: z.ZodObject | undefined, value: unknown, where: 'query') => {
  const given = (value ?? {}) as Record<string, unknown>;
  if (!schema) {
    if (Object.keys(given).length > 0) throw new ApiProblem(400, 'invalid_request', 'A query parameter is not valid', `Unknown parameter${Object.keys(given).length > 1 ? 's' : ''}: ${Object.keys(given).join(', ')}`);
    return {};
  }
  const parsed = schema.safeParse(given);
  if (!parsed.success) throw invalidRequest(parsed.error, where);
  return parsed.data as Record<string, string | undefined>;
};

/** Registers one operation: access, path, query and body checked (nothing runs on a bad request), then JSON out. */
export function apiRoute(api: FastifyInstance, op: Operation, limits: AnonymousLimits, handler: (context: ApiContext) => Promise<unknown>): void {
  api.route({
    method: op.method === 'get' ? 'GET' : 'POST',
    url: fastifyPath(op.path),
    bodyLimit: API_BODY_LIMIT,
    config: { csrf: false, ...anonymousRateLimit(limits, (request) => callerOf(request) !== null) },
    handler: async (request, reply) => {
      const caller = callerOf(request);
      checkAccess(op, caller);
      const params = op.params ? op.params.safeParse(request.params) : { success: true as const, data: {} };
      if (!params.success) throw new ApiProblem(404, 'not_found', 'Not found', `No resource at ${request.url.split('?')[0]}`);
      const query = parseWith(op.query, request.query, 'query');
      let body: unknown;
      if (op.body) {
        if (!String(request.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
          throw new ApiProblem(415, 'unsupported_media_type', 'The request body must be JSON', 'Send Content-Type: application/json.');
        }
        const parsed = op.body.safeParse(request.body);
        if (!parsed.success) throw invalidRequest(parsed.error, 'body');
        body = parsed.data;
      }
      const result = await handler({ request, caller, params: params.data as Record<string, string>, query, body });
      return sendJson(request, reply, result, op.status);
    },
  });
}
