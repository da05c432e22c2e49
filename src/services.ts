import type { Logger } from 'pino';
import type { Db } from './db/connection.ts';
import { createAuthService } from './auth/auth-service.ts';
import { createSetupService } from './auth/setup-service.ts';
import { createPlanService } from './plans/plan-service.ts';
import { createPlanPageService, type StatusProvider } from './plans/plan-page-service.ts';
import { createItemService } from './items/item-service.ts';
import { createItemFormData } from './items/item-form-data.ts';
import { createPeopleService } from './people/people-service.ts';
import { createUsersService } from './users/users-service.ts';
import { createMailer } from './mail/mailer.ts';
import type { Actor } from './auth/actor.ts';
import type { Item, Plan } from './db/schema.ts';
import { createUpdateService } from './updates/update-service.ts';
import { createStatusService } from './updates/status-service.ts';
import { createUpdatePanelService } from './updates/update-panel-service.ts';
import { createMyActionsService } from './updates/my-actions-service.ts';
import { createCycleService } from './updates/cycle-service.ts';

export interface ServiceOptions {
  secret: string;
  baseUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
}

/** The composition root: every service, built once from the database and the options. */
export function createServices(db: Db, options: ServiceOptions) {
  const plans = createPlanService(db);
  const items = createItemService(db, plans);
  const status = createStatusService(db, plans);
  const statusProvider: StatusProvider = (actor, planId, asAt) => status.statuses(actor, planId, asAt);
  const updatePanels = createUpdatePanelService(db, plans, status);
  return {
    db,
    auth: createAuthService(db, options.secret),
    setup: createSetupService(db),
    plans,
    planPage: createPlanPageService(db, plans, statusProvider),
    items,
    itemFormData: createItemFormData(db),
    itemExtras: {
      load: async (actor: Actor, plan: Plan, item: Item): Promise<Record<string, unknown>> => ({ panel: await updatePanels.itemPanel(actor, plan, item) }),
    },
    status,
    updates: createUpdateService(db, plans, items),
    updatePanels,
    myActions: createMyActionsService(db),
    cycles: createCycleService(db, plans),
    people: createPeopleService(db),
    users: createUsersService(db, options.secret, options.baseUrl),
    mail: createMailer(options.smtpUrl, options.mailFrom, options.log),
  };
}

export type Services = ReturnType<typeof createServices>;
