import { endOfDay, format, isValid, parse } from 'date-fns';
import { formErrorsFromIssues } from '../web/form-errors.ts';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
import { LRUCache } from 'lru-cache';
import { loadPlanState, type PlanState } from './plan-state.ts';
import { changeStamp } from './change-stamp.ts';
import type { Plan } from '../db/schema.ts';
import { ITEM_KINDS, PRIORITIES } from '../items/item-form.ts';
import type { PlanService } from './plan-service.ts';
import { hasFilters, planPageGroups, type ItemStatus, type PlanFilters } from './plan-page-view-model.ts';
import { PLAN_SOURCES, PLAN_STATUSES } from './plan-form.ts';
import { listImplications } from '../implications/implication-repository.ts';

/** Supplies each item's latest reported status; the update cycle plugs in here. */
export type StatusProvider = (actor: Actor, planId: string, asAt: Date | null, state?: PlanState) => Promise<Map<string, ItemStatus>>;

const text = (query: Record<string, unknown>, key: string, max = 200) =>
  typeof query[key] === 'string' ? (query[key]).trim().slice(0, max) : '';

export function filtersFrom(query: Record<string, unknown>): PlanFilters {
  return {
    lead: text(query, 'lead', 40),
    priority: text(query, 'priority', 20),
    kind: text(query, 'kind', 20),
    overdue: query.overdue === 'yes',
    q: text(query, 'q'),
  };
}

/** `?asAt=yyyy-mm-dd`: the end of that day (today or earlier), or a message for the page. */
export function asAtFrom(query: Record<string, unknown>, now = new Date()): { day: string; at: Date } | { error: string; typed: string } | null {
  const typed = text(query, 'asAt', 40);
  if (!typed) return null;
  const day = parse(typed, 'yyyy-MM-dd', now);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(typed) || !isValid(day) || format(day, 'yyyy-MM-dd') !== typed) {
    return { error: 'Enter a real date to view the plan as at, for example 2026-03-31', typed };
  }
  if (typed > format(now, 'yyyy-MM-dd')) return { error: 'The date to view the plan as at must be today or in the past', typed };
  return { day: typed, at: endOfDay(day) };
}

async function computePlanPage(
  db: Db,
  statusProvider: StatusProvider,
  actor: Actor,
  plan: Plan,
  query: Record<string, unknown>,
  filters: PlanFilters,
  asAt: ReturnType<typeof asAtFrom>,
  cacheKey: string,
) {
      const planId = plan.id;
      const at = asAt && 'at' in asAt ? asAt : null;
      const state = await loadPlanState(db, actor.organisationId, planId, at ? at.at : null);
      const items = state.items;
      const [statusByItem, leaders, implications] = await Promise.all([
        statusProvider(actor, planId, at ? at.at : null, state),
        db
          .selectFrom('item_people as ip')
          .innerJoin('people as p', 'p.id', 'ip.person_id')
          .innerJoin('items as i', 'i.id', 'ip.item_id')
          .where('ip.organisation_id', '=', actor.organisationId)
          .where('i.plan_id', '=', planId)
          .where('ip.role', '=', 'lead')
          .select(['p.id', 'p.name'])
          .distinct()
          .execute(),
        // Saving implications records an audit entry, so the change stamp in the cache key moves with them.
        listImplications(db, actor.organisationId, planId),
      ]);
      const leadOptions = new Map(leaders.map((l) => [l.id, l.name]));
      const personItems = filters.lead
        ? new Set(
            (
              await db
                .selectFrom('item_people')
                .where('organisation_id', '=', actor.organisationId)
                .where('person_id', '=', filters.lead.match(/^[0-9a-f-]{36}$/i) ? filters.lead : '00000000-0000-0000-0000-000000000000')
                .select('item_id')
                .execute()
            ).map((r) => r.item_id),
          )
        : null;
      const today = at ? at.day : format(new Date(), 'yyyy-MM-dd');
      const { groups, matchCount } = planPageGroups({ plan, items, statusByItem, filters, today }, personItems);
      const counts = { items: items.length, actions: items.filter((i) => i.kind === 'action').length };
      return {
        cacheKey,
        plan,
        groups,
        counts,
        implications,
        matchCount,
        filtering: hasFilters(filters),
        filters,
        collapsed: query.view === 'collapsed',
        asAt: at ? { day: at.day } : null,
        asAtValue: asAt ? ('at' in asAt ? asAt.day : asAt.typed) : '',
        ...(asAt && 'error' in asAt ? { errors: formErrorsFromIssues([{ path: 'asAt', message: asAt.error }]) } : {}),
        sourceLabel: PLAN_SOURCES.find((s) => s.value === plan.source)?.text ?? plan.source,
        statusLabel: PLAN_STATUSES.find((s) => s.value === plan.status)?.text ?? plan.status,
        leadOptions: [{ value: '', text: 'Any lead' }, ...[...leadOptions].sort((a, b) => a[1].localeCompare(b[1])).map(([value, t]) => ({ value, text: t, selected: value === filters.lead }))],
        kindOptions: [{ value: '', text: 'Any kind' }, ...ITEM_KINDS.map((k) => ({ value: k.value, text: k.text, selected: k.value === filters.kind }))],
        priorityOptions: [{ value: '', text: 'Any priority' }, ...PRIORITIES.map((p) => ({ value: p, text: p, selected: p === filters.priority }))],
      };
}

export type PlanPage = Awaited<ReturnType<typeof computePlanPage>>;

export function createPlanPageService(db: Db, plans: PlanService, statusProvider: StatusProvider) {
  /**
   * Pages by plan, change stamp, day and filters: a plan page is read far more often than anything changes. The
   * promise is kept, so requests that arrive while a page is being built wait for that one build (after a change,
   * fifty users would otherwise each build the same page, one after another on PGlite's one connection).
   */
  const cache = new LRUCache<string, Promise<PlanPage>>({ max: 100 });
  return {
    /** The plan page's data; `cacheKey` identifies it (the route caches the rendered rows under the same key). */
    async build(actor: Actor, planId: string, query: Record<string, unknown>): Promise<PlanPage> {
      const plan = await plans.getPlan(actor, planId);
      const filters = filtersFrom(query);
      const asAt = asAtFrom(query);
      const day = asAt && 'at' in asAt ? asAt.day : format(new Date(), 'yyyy-MM-dd');
      const stamp = await changeStamp(db, actor.organisationId);
      const cacheKey = JSON.stringify([planId, stamp, day, filters, query.view === 'collapsed', asAt && 'error' in asAt ? asAt.typed : null]);
      const cached = cache.get(cacheKey);
      if (cached) return cached;
      const page = computePlanPage(db, statusProvider, actor, plan, query, filters, asAt, cacheKey);
      cache.set(cacheKey, page);
      page.catch(() => cache.delete(cacheKey));
      return page;
    },
  };
}

