import type { FastifyInstance } from 'fastify';
import type { CoreServices, ItemPageContribution } from '../services.ts';
import type { Services } from '../services.ts';
import type { Actor } from '../auth/actor.ts';
import type { Item, Plan } from '../db/schema.ts';
import { createPublishingService } from '../publishing/publishing-service.ts';
import { publishingRoutes } from '../publishing/publishing-routes.ts';
import { createPublicationService } from '../publishing/publication-service.ts';
import type { PlanWideSources } from '../publishing/plan-wide-data.ts';
import { createFollowService } from '../portal/follow-service.ts';
import { createPortalPages } from '../portal/portal-pages.ts';
import { createOpenDataService } from '../portal/open-data-service.ts';
import { publicRoutes } from '../portal/public-routes.ts';
import { membersRoutes } from '../portal/members-routes.ts';
import { openDataRoutes } from '../portal/open-data-routes.ts';
import { DEFAULT_ANONYMOUS_PER_MINUTE, type AnonymousLimits } from '../portal/rate-limits.ts';
import { createApiTokenService } from './api-token-service.ts';
import { apiTokenRoutes } from './api-token-routes.ts';
import { installApiAuth } from './api-http.ts';
import { apiErrorHandler } from './api-problems.ts';
import { apiReadRoutes } from './api-read-routes.ts';
import { apiWriteRoutes } from './api-write-routes.ts';
import { apiDocsRoutes } from './api-docs-routes.ts';
import { apiPackRoutes, type PackLister } from './api-pack-routes.ts';

/**
 * Publishing, the public and members' portal, open data and the REST API (issue 9). For other features:
 * `publication` reads published data for an audience; `follows.notifyDue(now)` sends members' follow e-mails (the server's
 * background jobs run it every five minutes, on nodes where SCHEDULER is on; publishing a plan runs it too); `limits.perMinute` is the anonymous
 * rate limit.
 */
export function createApiFeature(core: CoreServices) {
  const sources: PlanWideSources = {};
  const limits: AnonymousLimits = { perMinute: DEFAULT_ANONYMOUS_PER_MINUTE };
  const publication = createPublicationService(core.db, core.options.secret, sources);
  return {
    limits,
    publication,
    publishing: createPublishingService(core.db, core.plans),
    tokens: createApiTokenService(core.db, core.options.secret),
    follows: createFollowService(core.db, publication, core.mail, core.options.baseUrl, core.options.log),
    pages: createPortalPages(core.db, publication),
    openData: createOpenDataService(core.db, publication),
    /** Plan-wide published lists come from the measures feature when it is there. */
    linkPlanWide(measures: unknown): void {
      const feature = measures as PlanWideSources | undefined;
      if (typeof feature?.measuresFor === 'function') sources.measuresFor = feature.measuresFor;
      if (typeof feature?.risksFor === 'function') sources.risksFor = feature.risksFor;
    },
    itemPageData: undefined as ((actor: Actor, plan: Plan, item: Item) => Promise<ItemPageContribution>) | undefined,
    knockOnReasons: undefined as ((actor: Actor, planId: string) => Promise<Map<string, string>>) | undefined,
  };
}

/** The publishing page, public and members' pages, open data, API tokens and /api/v1. */
export function apiRoutes(app: FastifyInstance, services: Services): void {
  const feature = services.api;
  feature.linkPlanWide(services.measures);
  const notify = () => feature.follows.notifyDue().then(() => undefined);
  publishingRoutes(app, feature.publishing, notify);
  publicRoutes(app, feature.pages, feature.limits);
  membersRoutes(app, feature.pages, feature.follows);
  openDataRoutes(app, feature.openData, feature.limits);
  apiTokenRoutes(app, feature.tokens);
  void app.register((api, _options, done) => {
    api.setErrorHandler(apiErrorHandler);
    installApiAuth(api, feature.tokens);
    apiReadRoutes(api, services.db, feature.publication, feature.limits);
    apiWriteRoutes(api, services.updates, feature.limits);
    const packs = services.reports?.packs;
    const listPacks: PackLister | undefined = packs ? (actor, planId) => packs.listPacks(actor, planId) : undefined;
    apiPackRoutes(api, listPacks, feature.limits);
    apiDocsRoutes(api, services.options.baseUrl, feature.limits);
    done();
  });
}
