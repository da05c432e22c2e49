import type { FastifyInstance } from 'fastify';
import type { CoreServices, ItemPageContribution } from '../services.ts';
import type { Services } from '../services.ts';
import type { Actor } from '../auth/actor.ts';
import type { Item, Plan } from '../db/schema.ts';
import { createUpdateSheetService } from '../update-sheets/update-sheet-service.ts';
import { updateSheetRoutes } from '../update-sheets/update-sheet-routes.ts';
import { createReminderService } from './reminder-service.ts';
import type { DueRiskReviewsSource } from './risk-review-reminders.ts';
import { createScheduler } from './reminder-scheduler.ts';

/**
 * The reminders feature: e-mail reminders of updates due (`runOnce`), the in-process `scheduler` that runs them
 * (server.ts starts it), and the bulk update sheets (`sheets`).
 */
export function createRemindersFeature(core: CoreServices) {
  const reminders = createReminderService(core);
  const scheduler = createScheduler({ db: core.db, databaseKind: core.options.databaseKind ?? 'pglite', pass: (now) => reminders.runOnce(now), log: core.options.log });
  return {
    runOnce: reminders.runOnce,
    scheduler,
    sheets: createUpdateSheetService(core),
    /** Adds risk-review reminders to each pass when the measures feature offers `dueRiskReviews(now)`. */
    linkRiskReviews(measures: { dueRiskReviews?: DueRiskReviewsSource }): void {
      const list = measures.dueRiskReviews;
      reminders.useRiskReviews(typeof list === 'function' ? (now) => list(now) : null);
    },
    itemPageData: undefined as ((actor: Actor, plan: Plan, item: Item) => Promise<ItemPageContribution>) | undefined,
    knockOnReasons: undefined as ((actor: Actor, planId: string) => Promise<Map<string, string>>) | undefined,
  };
}

/**
 * The reminders feature's routes (the update sheets). createRemindersFeature sees only the core services, so the link
 * to the measures feature's risk reviews is made here, where every feature's services are at hand.
 */
export function remindersRoutes(app: FastifyInstance, services: Services): void {
  services.reminders.linkRiskReviews(services.measures);
  updateSheetRoutes(app, services);
}
