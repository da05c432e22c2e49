import type { FastifyInstance } from 'fastify';
import type { CoreServices, ItemPageContribution } from '../services.ts';
import type { Services } from '../services.ts';
import type { Actor } from '../auth/actor.ts';
import type { Item, Plan } from '../db/schema.ts';
import type { PlanState } from '../plans/plan-state.ts';
import { createTimelineService } from '../timeline/timeline-service.ts';
import { timelineRoutes } from '../timeline/timeline-routes.ts';
import { createScheduleService } from './schedule-service.ts';
import { createRelationService } from './relation-service.ts';
import { createRelationPageService } from './relation-page-service.ts';
import { relationRoutes } from './relation-routes.ts';
import { addRelationsInTransaction } from './relation-writer.ts';

export { addRelationsInTransaction, isRelationType, type NewRelation, type RefusedRelation } from './relation-writer.ts';

/**
 * The relations feature (relations between items, the knock-on of a slip) and the timeline built on it: its
 * services, built from the core services (see src/services.ts).
 */
export function createRelationsFeature(core: CoreServices) {
  const schedule = createScheduleService(core.db, core.plans);
  const relations = createRelationService(core.db, core.plans, core.items);
  const pages = createRelationPageService(core.db, schedule);
  return {
    addRelation: relations.addRelation,
    removeRelation: relations.removeRelation,
    /** For the importer: add relations inside its own transaction; bad ones come back refused, with the reason. */
    addRelationsInTransaction,
    schedule,
    pages,
    timeline: createTimelineService(core.db, core.plans, schedule),

    itemPageData: async (actor: Actor, plan: Plan, item: Item): Promise<ItemPageContribution> => {
      const { panel } = await pages.panel(actor, plan.id, item.id);
      return { panels: ['relations/views/item-relations.njk'], relationForm: panel };
    },

    /** Feeds the suggested RAG: each item at risk from a slip elsewhere, with why. */
    knockOnReasons: (actor: Actor, planId: string, state?: PlanState): Promise<Map<string, string>> =>
      schedule.knockOnReasons(actor, planId, state),
  };
}

export type RelationsFeature = ReturnType<typeof createRelationsFeature>;

/** The relations feature's routes, and the timeline's. */
export function relationsRoutes(app: FastifyInstance, services: Services): void {
  relationRoutes(app, { relations: services.relations, pages: services.relations.pages });
  timelineRoutes(app, services.relations.timeline);
}
