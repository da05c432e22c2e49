import type { ScheduleItem } from '../relations/plan-schedule.ts';
import { isOverdue } from './domain/overdue.ts';
import { isFiltered, type TimelineQuery } from './timeline-query.ts';

export interface FilterContext {
  /** Lead officers and lead members by name, by item (searched by q). */
  names: ReadonlyMap<string, readonly string[]>;
  /** The items of the lead chosen in the filter; null when none is chosen. */
  leadItems: ReadonlySet<string> | null;
  /** The items the signed-in person leads; null unless "mine" is asked for. */
  mineItems: ReadonlySet<string> | null;
  today: string;
}

/**
 * The items that match the plan page's filters (and "mine"), with the items above them so the rows keep their place
 * in the plan's hierarchy; every item when nothing is filtered.
 */
export function filterTimelineItems<T extends ScheduleItem>(items: readonly T[], query: TimelineQuery, context: FilterContext): T[] {
  if (!isFiltered(query)) return [...items];
  const { filters } = query;
  const words = filters.q.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (item: T) => {
    if (filters.kind && item.kind !== filters.kind) return false;
    if (filters.priority && item.priority !== filters.priority) return false;
    if (context.leadItems && !context.leadItems.has(item.id)) return false;
    if (context.mineItems && !context.mineItems.has(item.id)) return false;
    if (filters.overdue && !isOverdue(item, context.today)) return false;
    if (words.length > 0) {
      const haystack = `${item.ref ?? ''} ${item.title} ${(context.names.get(item.id) ?? []).join(' ')}`.toLowerCase();
      if (!words.every((word) => haystack.includes(word))) return false;
    }
    return true;
  };
  const parentOf = new Map(items.map((item) => [item.id, item.parentId]));
  const keep = new Set<string>();
  for (const item of items) {
    if (!matches(item)) continue;
    for (let id: string | null | undefined = item.id; id && !keep.has(id); id = parentOf.get(id)) keep.add(id);
  }
  return items.filter((item) => keep.has(item.id));
}
