import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { AppError, InvalidFields } from '../errors.ts';

/** An API error with its problem details (RFC 9457). */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: { path: string; message: string }[],
  ) {
    super(title);
  }
}

export const unauthorised = (detail: string) => new ApiProblem(401, 'unauthorised', 'Authentication failed', detail);
export const missingScope = (scope: string) => new ApiProblem(403, 'insufficient_scope', 'The token does not have the scope this needs', `This needs a token with the "${scope}" scope.`);

/** A zod error from a request as a 400 problem naming each field, unknown fields by name. */
export function invalidRequest(error: ZodError, where: 'body' | 'query'): ApiProblem {
  const errors = error.issues.flatMap((issue) => {
    const path = [where, ...issue.path.map(String)].join('.');
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: `${path}.${key}`, message: `Unknown field "${key}"` }));
    return [{ path, message: issue.message }];
  });
  const unknown = error.issues.flatMap((issue) => (issue.code === 'unrecognized_keys' ? issue.keys : []));
  const detail = unknown.length > 0 ? `Unknown ${where === 'body' ? 'field' : 'parameter'}${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}` : errors.map((e) => `${e.path}: ${e.message}`).join('; ');
  return new ApiProblem(400, 'invalid_request', where === 'body' ? 'The request body is not valid' : 'A query parameter is not valid', detail, errors);
}

function toProblem(error: FastifyError | Error): ApiProblem | null {
  if (error instanceof ApiProblem) return error;
  if (error instanceof InvalidFields) return new ApiProblem(400, 'invalid_input', 'The update is not valid', error.issues.map((i) => `${i.path}: ${i.message}`).join('; '), error.issues);
  if (error instanceof AppError) {
    if (error.code === 'not_signed_in') return unauthorised(error.message);
    return new ApiProblem(error.status, error.code, error.message, undefined, error.where ? [{ path: error.where, message: error.message }] : undefined);
  }
  if (error instanceof ZodError) return invalidRequest(error, 'body');
  const fastify = error as FastifyError;
  switch (fastify.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new ApiProblem(400, 'malformed_json', 'The request body is not valid JSON', fastify.message);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiProblem(400, 'malformed_json', 'The request body is empty', 'Send a JSON object.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiProblem(413, 'payload_too_large', 'The request body is too large', 'Send at most 64 KB.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiProblem(415, 'unsupported_media_type', 'The request body must be JSON', 'Send Content-Type: application/json.');
    default:
  }
  const status = fastify.statusCode ?? 500;
  if (status === 429) return new ApiProblem(429, 'rate_limited', 'Too many requests', 'Wait a minute and try again, or send a valid API token.');
  if (status === 400 && error instanceof SyntaxError) return new ApiProblem(400, 'malformed_json', 'The request body is not valid JSON', error.message);
  if (status >= 400 && status < 500) return new ApiProblem(status, 'bad_request', 'Bad request', fastify.message);
  return null;
}

/** The API's error handler: every error is problem+json; anything unexpected is logged and told apart from user errors. */
export function apiErrorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const problem = toProblem(error);
  if (!problem) request.log.error({ err: error }, 'unhandled API error');
  const p = problem ?? new ApiProblem(500, 'internal', 'Something went wrong', 'The error has been logged.');
  if (p.status === 401) reply.header('www-authenticate', 'Bearer realm="waymark"');
  return reply
    .status(p.status)
    .type('application/problem+json')
    .send({ type: `https://waymark.dev/problems/${p.code}`, title: p.title, status: p.status, ...(p.detail ? { detail: p.detail } : {}), ...(p.errors ? { errors: p.errors } : {}) });
}
