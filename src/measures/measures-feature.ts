import type { FastifyInstance } from 'fastify';
import type { CoreServices, Services } from '../services.ts';
import type { Actor } from '../auth/actor.ts';
import { createMeasureService } from './measure-service.ts';
import { createMeasureQueries } from './measure-queries.ts';
import { createActualsImportService } from './actuals-import-service.ts';
import { measureRoutes } from './measure-routes.ts';
import { createRiskService } from '../risks/risk-service.ts';
import { createRiskQueries } from '../risks/risk-queries.ts';
import { createRiskScaleService } from '../risks/risk-scale-service.ts';
import { createDueRiskReviews } from '../risks/due-risk-reviews.ts';
import { riskRoutes } from '../risks/risk-routes.ts';
import { createRecommendationService } from '../recommendations/recommendation-service.ts';
import { recommendationRoutes } from '../recommendations/recommendation-routes.ts';
import { createImplicationService } from '../implications/implication-service.ts';
import { implicationRoutes } from '../implications/implication-routes.ts';

/**
 * Measures of success, the risk register, recommendations coverage and wider implications (issue 8). For other
 * features: measuresFor, risksFor, recommendationsFor and implicationsFor (reports) and dueRiskReviews (scheduler).
 */
export function createMeasuresFeature(core: CoreServices) {
  const statuses = (actor: Actor, planId: string, asAt: Date | null) => core.status.statuses(actor, planId, asAt);
  const measureService = createMeasureService(core.db, core.plans);
  const measureQueries = createMeasureQueries(core.db, core.plans, measureService);
  const riskService = createRiskService(core.db, core.plans);
  const riskQueries = createRiskQueries(core.db, core.plans, riskService, statuses);
  const recommendations = createRecommendationService(core.db, core.plans, statuses);
  const implications = createImplicationService(core.db, core.plans);
  return {
    measures: { ...measureService, ...measureQueries, ...createActualsImportService(core.db, core.plans) },
    risks: { ...riskService, ...riskQueries, ...createRiskScaleService(core.db, core.plans) },
    recommendations,
    implications,
    /** Rows {ref, name, unit, baseline, target, latest, latestPeriod, rag, ragLabel, trend, trendLabel} per measure. */
    measuresFor: measureQueries.measuresFor,
    /** Rows {ref, title, owner, inherent, residual, target, rag, status, nextReviewDate, …} per risk. */
    risksFor: riskQueries.risksFor,
    /** Each recommendation with its group (no_action, ready_to_close, overdue, in_progress) and its actions. */
    recommendationsFor: recommendations.recommendationsFor,
    /** The filled-in sections of the plan's wider implications, in the usual order. */
    implicationsFor: implications.implicationsFor,
    /** For the scheduler: open risks whose next review date is before `today` (no actor needed). */
    dueRiskReviews: createDueRiskReviews(core.db),
    itemPageData: measureQueries.itemPageData,
  };
}

/** The routes of measures, risks, recommendations and implications. */
export function measuresRoutes(app: FastifyInstance, services: Services): void {
  measureRoutes(app, services);
  riskRoutes(app, services);
  recommendationRoutes(app, services);
  implicationRoutes(app, services);
}
