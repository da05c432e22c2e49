import type { Db } from '../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
import type { Plan } from '../db/schema.ts';
import type { PlanService } from '../plans/plan-service.ts';
import { loadPlanState, type PlanState } from '../plans/plan-state.ts';
import { isCompleteStatus, rulesOf } from '../updates/domain/plan-rules.ts';
import { computeKnockOn, type KnockOn } from './domain/knock-on.ts';
import { knockOnReason } from './domain/knock-on-reason.ts';
import type { Relation } from './domain/relation.ts';
import { domainRelations, scheduleItems, type ScheduleItem } from './plan-schedule.ts';

export interface PlanSchedule {
  plan: Plan;
  state: PlanState;
  items: ScheduleItem[];
  relations: Relation[];
  /** Worked out over the whole plan, in dependency order. */
  knockOn: KnockOn[];
}

export type ScheduleService = ReturnType<typeof createScheduleService>;

/**
 * A plan's schedule from its state: items with their effective dates (agreed revisions included) and completeness
 * (the latest approved update's status), its relations, and the knock-on of every slip.
 */
export function scheduleOf(plan: Plan, state: PlanState): Omit<PlanSchedule, 'plan' | 'state'> {
  const rules = rulesOf(plan.settings);
  const complete = new Set(state.approved.filter((update) => isCompleteStatus(rules, update.status)).map((update) => update.item_id));
  const items = scheduleItems(state.items, state.revisions, complete);
  const relations = domainRelations(state.relations);
  return { items, relations, knockOn: computeKnockOn(items, relations) };
}

/**
 * Reads the plan's state (one round trip) rather than asking the status service, which itself asks for the
 * knock-on. A caller that has the plan's state already passes it in.
 */
export function createScheduleService(db: Db, plans: PlanService) {
  /** For a plan the caller has already looked up (and so checked the actor may see). */
  async function loadFor(actor: Actor, plan: Plan, state?: PlanState): Promise<PlanSchedule> {
    const planState = state ?? (await loadPlanState(db, actor.organisationId, plan.id, null));
    return { plan, state: planState, ...scheduleOf(plan, planState) };
  }

  async function load(actor: Actor, planId: string, state?: PlanState): Promise<PlanSchedule> {
    return loadFor(actor, await plans.getPlan(actor, planId), state);
  }

  return {
    load,
    loadFor,

    /** Each dependent put at risk by a slip, with why: "At risk from 1.2: its revised date … is 45 days after …". */
    async knockOnReasons(actor: Actor, planId: string, state?: PlanState): Promise<Map<string, string>> {
      const { knockOn } = await load(actor, planId, state);
      return new Map(knockOn.map((entry) => [entry.itemId, knockOnReason(entry)]));
    },
  };
}
