import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

const wantsJson = (request: FastifyRequest) => request.url.startsWith('/api/');

function problem(reply: FastifyReply, status: number, code: string, title: string, detail?: string) {
  return reply
    .status(status)
    .type('application/problem+json')
    .send({ type: `https://waymark.dev/problems/${code}`, title, status, ...(detail ? { detail } : {}) });
}

function page(reply: FastifyReply, status: number, heading: string, message: string) {
  return reply.status(status).render('web/views/error.njk', { pageTitle: heading, heading, message });
}

/** User errors get their own message and status; anything else is logged and shown as a plain 500 page, never a stack. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => {
    if (wantsJson(request)) return problem(reply, 404, 'not_found', 'Not found', `No resource at ${request.url}`);
    return page(reply, 404, 'Page not found', 'If you typed the web address, check it is correct. If you pasted it, check you copied the whole address.');
  });

  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.code === 'not_signed_in' && !wantsJson(request)) {
        return reply.redirect(`/sign-in?returnTo=${encodeURIComponent(request.url)}`);
      }
      if (wantsJson(request)) return problem(reply, error.status, error.code, error.message, error.where);
      const heading = error.status === 404 ? 'Page not found' : error.status === 403 ? 'You cannot do that' : 'There is a problem';
      return page(reply, error.status, heading, error.message);
    }
    const status = error.statusCode ?? 500;
    if (status === 429) {
      if (wantsJson(request)) return problem(reply, 429, 'rate_limited', 'Too many requests', 'Wait a minute and try again.');
      return page(reply, 429, 'Too many attempts', 'You have tried too many times. Wait a minute and try again.');
    }
    if (status === 413) {
      if (wantsJson(request)) return problem(reply, 413, 'payload_too_large', 'Request body too large');
      return page(reply, 413, 'The file or form is too large', 'Choose a smaller file and try again.');
    }
    if (status >= 400 && status < 500) {
      if (wantsJson(request)) return problem(reply, status, 'bad_request', 'Bad request', error.message);
      return page(reply, status, 'There is a problem', 'The request could not be understood. Go back and try again.');
    }
    request.log.error({ err: error }, 'unhandled error');
    if (wantsJson(request)) return problem(reply, 500, 'internal', 'Something went wrong', 'The error has been logged.');
    return page(reply, 500, 'Sorry, there is a problem with the service', 'Try again later. The error has been logged.');
  });
}
