import type { FastifyInstance } from 'fastify';
import type { CoreServices, ItemPageContribution } from '../services.ts';
import type { Services } from '../services.ts';
import type { Actor } from '../auth/actor.ts';
import type { Item, Plan } from '../db/schema.ts';

/** The reports feature: its services, built from the core services (see src/services.ts). */
export function createReportsFeature(core: CoreServices) {
  void core;
  return {
    itemPageData: undefined as ((actor: Actor, plan: Plan, item: Item) => Promise<ItemPageContribution>) | undefined,
    knockOnReasons: undefined as ((actor: Actor, planId: string) => Promise<Map<string, string>>) | undefined,
  };
}

/** The reports feature's routes. */
export function reportsRoutes(app: FastifyInstance, services: Services): void {
  void app;
  void services;
}
