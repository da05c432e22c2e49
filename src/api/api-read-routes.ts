import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connection.ts';
import type { Audience } from '../publishing/publishing-fields.ts';
import type { PublicationService } from '../publishing/publication-service.ts';
import type { ItemFilters } from '../publishing/item-filters.ts';
import type { AnonymousLimits } from '../portal/rate-limits.ts';
import { ApiProblem } from './api-problems.ts';
import { apiRoute, JsonText, type ApiContext } from './api-http.ts';
import { operation } from './api-operations.ts';
import { apiPlanOfScope, listApiPlans } from './api-plans.ts';
import { audienceOf, type TokenCaller } from './api-token-service.ts';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 200;

/** The caller's audience for an organisation's data: its own organisation by its roles, any other as the public. */
export const audienceFor = (caller: TokenCaller | null) => (organisationId: string): Audience =>
  caller && caller.actor.organisationId === organisationId ? audienceOf(caller.actor) : 'public';

const limitOf = (query: ApiContext['query']) => {
  const limit = query.limit === undefined ? DEFAULT_LIMIT : Number(query.limit);
  if (limit < 1 || limit > MAX_LIMIT) throw new ApiProblem(400, 'invalid_request', 'A query parameter is not valid', `limit must be from 1 to ${MAX_LIMIT}`, [{ path: 'query.limit', message: `Must be from 1 to ${MAX_LIMIT}` }]);
  return limit;
};

const filtersOf = (query: ApiContext['query']): ItemFilters => ({
  lead: query.lead ?? '',
  priority: query.priority ?? '',
  kind: query.kind ?? '',
  overdue: query.overdue === 'yes',
  q: query.q ?? '',
});

/** The read operations of /api/v1 (see api-operations.ts for what each one is). */
export function apiReadRoutes(api: FastifyInstance, db: Db, publication: PublicationService, limits: AnonymousLimits): void {
  const scopeOf = (context: ApiContext) => publication.scopeByPlan(context.params.planId as string, audienceFor(context.caller));
  const route = (id: string, handler: (context: ApiContext) => Promise<unknown>) => apiRoute(api, operation(id), limits, handler);

  route('getMe', ({ caller }) => {
    const actor = (caller as TokenCaller).actor;
    return Promise.resolve({
      user: { id: actor.userId, name: actor.name },
      organisation: { id: actor.organisationId, name: actor.organisationName },
      scopes: [...(caller as TokenCaller).scopes].sort(),
      audience: audienceOf(actor),
    });
  });

  route('listPlans', async ({ caller, query }) => ({
    data: await listApiPlans(db, { slug: query.organisation ?? null, ownOrganisationId: caller?.actor.organisationId ?? null }, audienceFor(caller)),
  }));

  route('getPlan', async (context) => {
    const scope = await scopeOf(context);
    return { data: apiPlanOfScope(scope), summary: await publication.summary(scope) };
  });

  route('listItems', async (context) => {
    const scope = await scopeOf(context);
    const page = await publication.itemsPage(scope, { filters: filtersOf(context.query), cursor: context.query.cursor ?? null, limit: limitOf(context.query) });
    const next = JSON.stringify(page.next ? nextUrl(context, page.next) : null);
    return new JsonText(`{"data":${page.itemsJson()},"total":${page.total},"links":{"next":${next}}}`);
  });

  route('getItemTree', async (context) => {
    const scope = await scopeOf(context);
    return { data: await publication.itemsTree(scope, { filters: filtersOf(context.query), rootId: context.query.root ?? null }) };
  });

  route('getItem', async (context) => {
    const scope = await scopeOf(context);
    const { item, ancestors, updates } = await publication.item(scope, context.params.itemId as string);
    return { data: item, ancestors, updates };
  });

  route('listItemUpdates', async (context) => {
    const scope = await scopeOf(context);
    const itemId = context.params.itemId as string;
    await publication.item(scope, itemId);
    const page = await publication.updatesPage(scope, { cursor: context.query.cursor ?? null, limit: limitOf(context.query), itemId });
    return { data: page.updates, links: { next: page.next ? nextUrl(context, page.next) : null } };
  });

  route('listUpdates', async (context) => {
    const scope = await scopeOf(context);
    const page = await publication.updatesPage(scope, { cursor: context.query.cursor ?? null, limit: limitOf(context.query) });
    return { data: page.updates, links: { next: page.next ? nextUrl(context, page.next) : null } };
  });

  route('listMeasures', async (context) => ({ data: (await publication.measures(await scopeOf(context))) ?? [] }));
  route('listRisks', async (context) => ({ data: (await publication.risks(await scopeOf(context))) ?? [] }));
}

/** The same request with the next page's cursor (a path with its query, relative to the server). */
function nextUrl(context: ApiContext, cursor: string): string {
  const [path] = context.request.url.split('?');
  const params = new URLSearchParams(Object.entries(context.query).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[0] !== 'cursor'));
  params.set('cursor', cursor);
  return `${path}?${params.toString()}`;
}
