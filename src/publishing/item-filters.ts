import type { PlanItem } from './plan-items-query.ts';
import type { PublishedItem } from './published-shape.ts';

/** The plan page's filters (see src/plans/plan-page-service.ts), applied only to fields the audience may see. */
export interface ItemFilters {
  lead: string;
  priority: string;
  kind: string;
  overdue: boolean;
  q: string;
}

export const NO_FILTERS: ItemFilters = { lead: '', priority: '', kind: '', overdue: false, q: '' };

export const hasItemFilters = (f: ItemFilters) => Boolean(f.lead || f.priority || f.kind || f.overdue || f.q);

/** Filters that would reveal a field the audience may not see (so they are refused, never applied). */
export function unavailableFilters(filters: ItemFilters, sees: (key: string) => boolean): string[] {
  const out: string[] = [];
  if (filters.lead && !sees('leads')) out.push('lead');
  if (filters.priority && !sees('priority')) out.push('priority');
  if (filters.overdue && !(sees('target') && sees('status'))) out.push('overdue');
  return out;
}

/**
 * Whether an item matches: `raw` for ids, `shown` for everything a person can search, so a search never matches on a
 * field the audience may not see. Call only with available filters (see unavailableFilters).
 */
export function matchesFilters(raw: PlanItem, shown: PublishedItem, filters: ItemFilters): boolean {
  if (filters.kind && shown.kind !== filters.kind) return false;
  if (filters.priority && shown.priority !== filters.priority) return false;
  if (filters.lead) {
    const wanted = filters.lead.toLowerCase();
    const leads = shown.leads ?? [];
    const byId = raw.leadIds.some((id) => id === wanted) && leads.length > 0;
    if (!byId && !leads.some((name) => name.toLowerCase() === wanted)) return false;
  }
  if (filters.overdue && !shown.overdue) return false;
  const words = filters.q.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length > 0) {
    const haystack = [shown.ref ?? '', shown.title ?? '', ...(shown.leads ?? [])].join(' ').toLowerCase();
    if (!words.every((word) => haystack.includes(word))) return false;
  }
  return true;
}
