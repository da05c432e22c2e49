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
import { createUpdateRulesService } from './updates/update-rules-service.ts';
import { createCycleService } from './updates/cycle-service.ts';
import { createRelationsFeature } from './relations/relations-feature.ts';
import { createMeasuresFeature } from './measures/measures-feature.ts';
import { createRemindersFeature } from './reminders/reminders-feature.ts';
import { createApiFeature } from './api/api-feature.ts';
import { createImportsFeature } from './imports/imports-feature.ts';
import { createReportsFeature } from './reports/reports-feature.ts';
import { createOrganisationService } from './organisations/organisation-service.ts';

export interface ServiceOptions {
  secret: string;
  baseUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** 'pglite' runs the scheduler unconditionally; 'postgres' takes an advisory lock so one node runs it. */
  databaseKind?: 'pglite' | 'postgres';
}

/** What an item page shows beyond the item itself: each feature adds data and the templates that render it. */
export interface ItemPageContribution {
  /** Template paths included on the item page, in order (e.g. 'relations/views/item-relations.njk'). */
  panels?: string[];
  [key: string]: unknown;
}

/** The services every feature builds on. */
export function createCoreServices(db: Db, options: ServiceOptions) {
  const plans = createPlanService(db);
  const items = createItemService(db, plans);
  const status = createStatusService(db, plans);
  const updates = createUpdateService(db, plans, items);
  const updatePanels = createUpdatePanelService(db, plans, status);
  const mail = createMailer(options.smtpUrl, options.mailFrom, options.log);
  return { db, options, plans, items, status, updates, updatePanels, mail };
}

export type CoreServices = ReturnType<typeof createCoreServices>;

/** The composition root: every service, built once from the database and the options. */
export function createServices(db: Db, options: ServiceOptions) {
  const core = createCoreServices(db, options);
  const relations = createRelationsFeature(core);
  const measures = createMeasuresFeature(core);
  const reminders = createRemindersFeature(core);
  const api = createApiFeature(core);
  const imports = createImportsFeature(core);
  const reports = createReportsFeature(core);
  if (relations.knockOnReasons) core.status.useKnockOn(relations.knockOnReasons);
  const statusProvider: StatusProvider = (actor, planId, asAt, state) => core.status.statuses(actor, planId, asAt, { state });
  const contributors: ((actor: Actor, plan: Plan, item: Item) => Promise<ItemPageContribution>)[] = [
    async (actor, plan, item) => ({ panel: await core.updatePanels.itemPanel(actor, plan, item) }),
    ...[relations, measures].flatMap((feature) => (feature.itemPageData ? [feature.itemPageData] : [])),
  ];
  return {
    ...core,
    auth: createAuthService(db, options.secret),
    setup: createSetupService(db),
    planPage: createPlanPageService(db, core.plans, statusProvider),
    itemFormData: createItemFormData(db),
    itemExtras: {
      async load(actor: Actor, plan: Plan, item: Item): Promise<ItemPageContribution> {
        const parts = await Promise.all(contributors.map((contribute) => contribute(actor, plan, item)));
        return parts.reduce<ItemPageContribution>((all, part) => ({ ...all, ...part, panels: [...(all.panels ?? []), ...(part.panels ?? [])] }), { panels: [] });
      },
    },
    myActions: createMyActionsService(db),
    cycles: createCycleService(db, core.plans),
    updateRules: createUpdateRulesService(db, core.plans),
    people: createPeopleService(db),
    organisations: createOrganisationService(db),
    users: createUsersService(db, options.secret, options.baseUrl),
    relations,
    measures,
    reminders,
    api,
    imports,
    reports,
  };
}

export type Services = ReturnType<typeof createServices>;
