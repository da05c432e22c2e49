import { format } from 'date-fns';
import { LRUCache } from 'lru-cache';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
import type { Plan } from '../db/schema.ts';
import { isUuid } from '../web/params.ts';
import { changeStamp } from '../plans/change-stamp.ts';
import type { PlanService } from '../plans/plan-service.ts';
import { findOrganisation } from '../organisations/organisation-repository.ts';
import type { ScheduleService } from '../relations/schedule-service.ts';
import type { ScheduleItem } from '../relations/plan-schedule.ts';
import { isScheduling, type Relation } from '../relations/domain/relation.ts';
import { itemName } from '../relations/relation-writer.ts';
import { buildTimelineModel, type TimelineModel } from './domain/timeline-model.ts';
import { planYearStartMonth } from './domain/financial-year-months.ts';
import { filterTimelineItems } from './timeline-filter.ts';
import { timelineQuery, type TimelineQuery } from './timeline-query.ts';
import { itemsOfPeople, listPlanLeads } from './timeline-repository.ts';

export interface TimelineData {
  plan: Plan;
  query: TimelineQuery;
  model: TimelineModel;
  /** Lead officers to filter by. */
  leads: { id: string; name: string }[];
  /** Items at risk from a slip, over the whole plan (not only the rows shown). */
  atRiskInPlan: number;
  /** What each item depends on or follows on from, by reference (or title). */
  predecessors: Map<string, string[]>;
  /** Something made from this data (the table, the SVG), made once and kept with the data in the cache. */
  derived<T>(name: string, make: () => T): T;
}

export type TimelineService = ReturnType<typeof createTimelineService>;

/** The period the grid covers: the plan's, else the span of its items' dates, else this year. */
export function periodOf(plan: Pick<Plan, 'period_start' | 'period_end'>, items: readonly ScheduleItem[], today: string) {
  const dates = items.flatMap((item) => [item.start, item.end, item.revisedEnd]).filter((date): date is string => date !== null);
  const sorted = dates.sort();
  return {
    start: plan.period_start ?? sorted[0] ?? plan.period_end ?? today,
    end: plan.period_end ?? sorted.at(-1) ?? plan.period_start ?? today,
  };
}

function predecessorsOf(items: readonly ScheduleItem[], relations: readonly Relation[]): Map<string, string[]> {
  const byId = new Map(items.map((item) => [item.id, item]));
  const result = new Map<string, string[]>();
  for (const relation of relations) {
    const predecessor = byId.get(relation.toId);
    if (!isScheduling(relation.type) || !predecessor) continue;
    result.set(relation.fromId, [...(result.get(relation.fromId) ?? []), itemName(predecessor)]);
  }
  return result;
}

function withDerived(data: Omit<TimelineData, 'derived'>): TimelineData {
  const made = new Map<string, unknown>();
  const derived = <T>(name: string, make: () => T): T => {
    if (!made.has(name)) made.set(name, make());
    return made.get(name) as T;
  };
  return { ...data, derived };
}

export function createTimelineService(db: Db, plans: PlanService, schedule: ScheduleService) {
  async function compute(actor: Actor, plan: Plan, query: TimelineQuery, today: string): Promise<TimelineData> {
    const { state, items, relations, knockOn } = await schedule.loadFor(actor, plan);
    const { filters } = query;
    const [organisation, leads, leadItems, mineItems] = await Promise.all([
      findOrganisation(db, actor.organisationId),
      listPlanLeads(db, actor.organisationId, plan.id),
      filters.lead ? itemsOfPeople(db, actor.organisationId, plan.id, isUuid(filters.lead) ? [filters.lead] : []) : null,
      query.mine ? itemsOfPeople(db, actor.organisationId, plan.id, actor.personIds, 'lead') : null,
    ]);
    const names = new Map(state.items.map((item) => [item.id, item.leads]));
    const shown = filterTimelineItems(items, query, { names, leadItems, mineItems, today });
    const model = buildTimelineModel({
      title: plan.title,
      period: periodOf(plan, items, today),
      fyStartMonth: planYearStartMonth(plan, organisation?.fy_start_month ?? 4),
      today,
      zoom: query.zoom,
      // The chart marks the target date the plan gives; the knock-on was worked out with the planned end too.
      items: shown.map((item) => ({ ...item, end: item.targetEnd, lead: names.get(item.id)?.join(', ') || null })),
      relations,
      knockOn,
    });
    const predecessors = predecessorsOf(items, relations);
    return withDerived({ plan, query, model, leads, atRiskInPlan: knockOn.length, predecessors });
  }

  /**
   * Timelines by plan, change stamp (src/plans/change-stamp.ts), day and query: a big plan's timeline is read far
   * more often than anything in it changes. Bounded by the cells held.
   */
  const cache = new LRUCache<string, TimelineData>({
    maxSize: 500_000,
    sizeCalculation: (data) => 1 + data.model.rows.length * Math.max(1, data.model.columns.length),
  });

  return {
    /** The plan's timeline at the zoom and with the filters the query asks for. */
    async build(actor: Actor, planId: string, rawQuery: Record<string, unknown>, now = new Date()): Promise<TimelineData> {
      const query = timelineQuery(rawQuery);
      const plan = await plans.getPlan(actor, planId);
      const today = format(now, 'yyyy-MM-dd');
      const stamp = await changeStamp(db, actor.organisationId);
      const key = JSON.stringify([plan.id, stamp, today, query, query.mine ? actor.personIds : null]);
      const cached = cache.get(key);
      if (cached) return cached;
      const data = await compute(actor, plan, query, today);
      cache.set(key, data);
      return data;
    },
  };
}
