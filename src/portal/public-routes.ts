import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../errors.ts';
import { uuidParam } from '../web/params.ts';
import type { PortalPages } from './portal-pages.ts';
import { PORTAL_PAGE_SIZE } from './portal-pages.ts';
import { anonymousRateLimit, type AnonymousLimits } from './rate-limits.ts';

/** An organisation's slug from the path; anything else is a page that does not exist. */
export function slugParam(request: FastifyRequest): string {
  const value = (request.params as Record<string, unknown>).slug;
  if (typeof value !== 'string' || !/^[a-z0-9][a-z0-9-]{0,79}$/.test(value)) throw notFound('The page');
  return value;
}

export function sendEvidence(reply: FastifyReply, file: { file_name: string; content_type: string; data: Buffer }) {
  return reply
    .type(file.content_type)
    .header('content-disposition', `attachment; filename="${file.file_name.replace(/[^\w. -]/g, '_')}"`)
    .header('x-content-type-options', 'nosniff')
    .send(file.data);
}

/** The public pages: no sign-in, published plans and public fields only, rate-limited for anonymous use. */
export function publicRoutes(app: FastifyInstance, pages: PortalPages, limits: AnonymousLimits): void {
  const config = anonymousRateLimit(limits, (request) => request.actor !== null);

  app.get('/public/:slug', { config }, async (request, reply) => {
    const slug = slugParam(request);
    const page = await pages.organisation({ slug });
    return reply.render('portal/views/organisation.njk', { ...page, pageTitle: `${page.organisation.name}: improvement plans`, heading: 'Improvement plans', audience: 'public', base: `/public/${slug}` });
  });

  app.get('/public/:slug/plans/:planId', { config }, async (request, reply) => {
    const slug = slugParam(request);
    const page = await pages.plan({ slug }, uuidParam(request, 'planId'), 'public', request.query as Record<string, unknown>);
    return reply.render('portal/views/plan.njk', { ...page, pageTitle: `${page.plan.title} – ${page.organisation.name}`, audience: 'public', base: `/public/${slug}`, pageSize: PORTAL_PAGE_SIZE });
  });

  app.get('/public/:slug/plans/:planId/items/:itemId', { config }, async (request, reply) => {
    const slug = slugParam(request);
    const page = await pages.item({ slug }, uuidParam(request, 'planId'), uuidParam(request, 'itemId'), 'public');
    return reply.render('portal/views/item.njk', { ...page, pageTitle: `${page.heading} – ${page.plan.title}`, audience: 'public', base: `/public/${slug}` });
  });

  app.get('/public/:slug/plans/:planId/evidence/:fileId', { config }, async (request, reply) => {
    const file = await pages.evidence({ slug: slugParam(request) }, uuidParam(request, 'planId'), uuidParam(request, 'fileId'), 'public');
    return sendEvidence(reply, file);
  });
}
