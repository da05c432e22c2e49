import type { FastifyRequest } from 'fastify';

/** Requests a minute from one address for anonymous use of the public pages, open data and API. Settable (tests). */
export interface AnonymousLimits {
  perMinute: number;
}

export const DEFAULT_ANONYMOUS_PER_MINUTE = 300;

/**
 * The per-route rate limit of a public route (@fastify/rate-limit is registered with global: false). Signed-in users
 * and API callers with a token are not limited here: `isIdentified` says whether a request is one of those.
 */
export function anonymousRateLimit(limits: AnonymousLimits, isIdentified: (request: FastifyRequest) => boolean) {
  return {
    rateLimit: {
      max: () => limits.perMinute,
      timeWindow: '1 minute',
      allowList: (request: FastifyRequest) => isIdentified(request),
    },
  };
}
