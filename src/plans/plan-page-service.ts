import { format } from 'date-fns';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
import { listItemPeople, listPlanItems } from '../items/item-repository.ts';
import { ITEM_KINDS, PRIORITIES } from '../items/item-form.ts';
import type { PlanService } from './plan-service.ts';
import { hasFilters, planPageGroups, type ItemStatus, type PlanFilters } from './plan-page-view-model.ts';
import { PLAN_SOURCES, PLAN_STATUSES } from './plan-form.ts';

/** Supplies each item's latest reported status; the update cycle plugs in here. */
export type StatusProvider = (actor: Actor, planId: string, asAt: Date | null) => Promise<Map<string, ItemStatus>>;

const text = (query: Record<string, unknown>, key: string, max = 200) =>
  typeof query[key] === 'string' ? (query[key] as string).trim().slice(0, max) : '';

export function filtersFrom(query: Record<string, unknown>): PlanFilters {
  return {
    lead: text(query, 'lead', 40),
    priority: text(query, 'priority', 20),
    kind: text(query, 'kind', 20),
    overdue: query.overdue === 'yes',
    q: text(query, 'q'),
  };
}

export function createPlanPageService(db: Db, plans: PlanService, statusProvider: StatusProvider) {
  return {
    async build(actor: Actor, planId: string, query: Record<string, unknown>) {
      const plan = await plans.getPlan(actor, planId);
      const filters = filtersFrom(query);
      const [items, people, statusByItem] = await Promise.all([
        listPlanItems(db, actor.organisationId, planId),
        listItemPeople(db, actor.organisationId, planId),
        statusProvider(actor, planId, null),
      ]);
      const leadsByItem = new Map<string, string[]>();
      const leadOptions = new Map<string, string>();
      for (const p of people) {
        if (p.role === 'support') continue;
        const list = leadsByItem.get(p.item_id) ?? [];
        list.push(p.initials && p.name === p.initials ? p.initials : p.name);
        leadsByItem.set(p.item_id, list);
        if (p.role === 'lead') leadOptions.set(p.personId, p.name);
      }
      const personItems = filters.lead ? new Set(people.filter((p) => p.personId === filters.lead).map((p) => p.item_id)) : null;
      const today = format(new Date(), 'yyyy-MM-dd');
      const { groups, matchCount } = planPageGroups({ plan, items, leadsByItem, statusByItem, filters, today }, personItems);
      const counts = { items: items.length, actions: items.filter((i) => i.kind === 'action').length };
      return {
        plan,
        groups,
        counts,
        matchCount,
        filtering: hasFilters(filters),
        filters,
        collapsed: query.view === 'collapsed',
        sourceLabel: PLAN_SOURCES.find((s) => s.value === plan.source)?.text ?? plan.source,
        statusLabel: PLAN_STATUSES.find((s) => s.value === plan.status)?.text ?? plan.status,
        leadOptions: [{ value: '', text: 'Any lead' }, ...[...leadOptions].sort((a, b) => a[1].localeCompare(b[1])).map(([value, t]) => ({ value, text: t, selected: value === filters.lead }))],
        kindOptions: [{ value: '', text: 'Any kind' }, ...ITEM_KINDS.map((k) => ({ value: k.value, text: k.text, selected: k.value === filters.kind }))],
        priorityOptions: [{ value: '', text: 'Any priority' }, ...PRIORITIES.map((p) => ({ value: p, text: p, selected: p === filters.priority }))],
      };
    },
  };
}
