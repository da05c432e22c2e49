import type { FastifyInstance, FastifyReply } from 'fastify';
import { uuidParam } from '../web/params.ts';
import type { OpenDataService } from './open-data-service.ts';
import { slugParam } from './public-routes.ts';
import { anonymousRateLimit, type AnonymousLimits } from './rate-limits.ts';

const stampOf = (iso: string) => iso.slice(0, 19).replace(/[-:]/g, '').replace('T', '-');

function attach(reply: FastifyReply, name: string, type: string, licenceUrl: string | undefined) {
  reply.type(type).header('content-disposition', `attachment; filename="${name}"`).header('access-control-allow-origin', '*');
  if (licenceUrl) reply.header('link', `<${licenceUrl}>; rel="license"`);
  return reply;
}

/** Open data downloads of published (public) data, per plan and per organisation: JSON and CSV. */
export function openDataRoutes(app: FastifyInstance, service: OpenDataService, limits: AnonymousLimits): void {
  const config = anonymousRateLimit(limits, (request) => request.actor !== null);

  const json = async (reply: FastifyReply, slug: string, planId: string | null) => {
    const data = await service.json(slug, planId);
    const name = `${slug}${planId ? `-plan-${planId.slice(0, 8)}` : ''}-${stampOf(data.generatedAt)}.json`;
    return attach(reply, name, 'application/json; charset=utf-8', data.licence.url).send(JSON.stringify(data, null, 1));
  };

  const csv = async (reply: FastifyReply, slug: string, planId: string | null, kind: 'actions' | 'updates') => {
    const data = await service.csv(slug, planId, kind);
    const name = `${slug}${planId ? `-plan-${planId.slice(0, 8)}` : ''}-${kind}-${stampOf(data.generatedAt)}.csv`;
    return attach(reply, name, 'text/csv; charset=utf-8', planId ? data.licence?.url : undefined).send(data.body);
  };

  app.get('/public/:slug/open-data.json', { config }, async (request, reply) => json(reply, slugParam(request), null));
  app.get('/public/:slug/actions.csv', { config }, async (request, reply) => csv(reply, slugParam(request), null, 'actions'));
  app.get('/public/:slug/updates.csv', { config }, async (request, reply) => csv(reply, slugParam(request), null, 'updates'));
  app.get('/public/:slug/plans/:planId/open-data.json', { config }, async (request, reply) => json(reply, slugParam(request), uuidParam(request, 'planId')));
  app.get('/public/:slug/plans/:planId/actions.csv', { config }, async (request, reply) => csv(reply, slugParam(request), uuidParam(request, 'planId'), 'actions'));
  app.get('/public/:slug/plans/:planId/updates.csv', { config }, async (request, reply) => csv(reply, slugParam(request), uuidParam(request, 'planId'), 'updates'));
}
