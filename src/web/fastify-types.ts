import type { Actor } from '../auth/actor.ts';
import type { KeptBody } from './kept-body.ts';
import type { MultipartForm } from './multipart.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, or null. Set by the session hook. */
    actor: Actor | null;
    /** The token every form on the page must send back as `_csrf`. */
    csrfToken: string;
    sessionToken: string | null;
    /** A multipart POST's fields and files, read by the session hook to check its token (see readForm). */
    multipartForm: MultipartForm | null;
  }
  interface FastifyReply {
    render(template: string, context?: Record<string, unknown>): FastifyReply;
    /** The page around a body rendered once and kept, spliced in where the template has `{{ bodyHtml | safe }}`. */
    renderAround(template: string, context: Record<string, unknown>, body: KeptBody): FastifyReply;
  }
  interface FastifyInstance {
    /** Every route as registered, for the tests that walk them all. */
    routeList: { method: string; url: string }[];
    /** Renders a template to a string (for fragments a route caches). */
    renderFragment(template: string, context: Record<string, unknown>): string;
  }
  interface FastifyContextConfig {
    /** false for routes that do not take cookie-authenticated forms (the JSON API, /health). */
    csrf?: boolean;
  }
}

export {};
