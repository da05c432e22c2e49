import { format, lastDayOfMonth, parseISO } from 'date-fns';
import type { ItemKind } from '../db/schema.ts';
import { dayNumber } from './domain/day-number.ts';
import type { KnockOnItem } from './domain/knock-on.ts';
import type { Relation, RelationType } from './domain/relation.ts';

/** An item as the schedule sees it: when it starts, when it was due, when it is due now, and whether it is done. */
export interface ScheduleItem extends KnockOnItem {
  parentId: string | null;
  kind: ItemKind;
  priority: string | null;
  targetText: string | null;
  /** The target date the plan gives, if any (`end` falls back to the last planned month). */
  targetEnd: string | null;
  plannedMonths: readonly string[];
}

export interface ScheduleItemRow {
  id: string;
  parent_id: string | null;
  kind: ItemKind;
  ref: string | null;
  title: string;
  priority: string | null;
  target_text: string | null;
  target_start: string | null;
  target_end: string | null;
  planned_months: string[];
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Items with the dates the knock-on and the timeline work from. Start: the first planned month (seed 003's ■), else
 * unknown: a month or quarter written as the target says when it is due, not when work starts. End: the target
 * date, else the end of the last planned month. Revised: the latest agreed revision (revisions in the order agreed).
 */
export function scheduleItems(
  rows: readonly ScheduleItemRow[],
  revisions: readonly { item_id: string; to_end: string | null }[],
  completeIds: ReadonlySet<string>,
): ScheduleItem[] {
  const revisedEnd = new Map<string, string | null>();
  for (const revision of revisions) revisedEnd.set(revision.item_id, revision.to_end);
  return rows.map((row) => {
    const months = row.planned_months.filter((month) => MONTH.test(month)).sort();
    const first = months[0];
    const last = months.at(-1);
    return {
      id: row.id,
      parentId: row.parent_id,
      kind: row.kind,
      ref: row.ref,
      title: row.title,
      priority: row.priority,
      targetText: row.target_text,
      targetEnd: row.target_end,
      plannedMonths: months,
      start: first ? `${first}-01` : null,
      end: row.target_end ?? (last ? format(lastDayOfMonth(parseISO(`${last}-01`)), 'yyyy-MM-dd') : null),
      revisedEnd: revisedEnd.get(row.id) ?? null,
      complete: completeIds.has(row.id),
    };
  });
}

export function domainRelations(
  rows: readonly { from_item_id: string; to_item_id: string; type: RelationType; lag_days: number }[],
): Relation[] {
  return rows.map((row) => ({ fromId: row.from_item_id, toId: row.to_item_id, type: row.type, lagDays: row.lag_days }));
}

/**
 * Days from the plan's start to its end, for checking a lag; without a period, the span of its items' dates; a year
 * when there is nothing to go by.
 */
export function planLengthDays(
  plan: { period_start: string | null; period_end: string | null },
  items: readonly { target_start: string | null; target_end: string | null }[],
): number {
  const dates = plan.period_start && plan.period_end
    ? [plan.period_start, plan.period_end]
    : items.flatMap((item) => [item.target_start, item.target_end]).filter((date): date is string => date !== null);
  if (dates.length < 2) return 365;
  const sorted = [...dates].sort();
  const days = dayNumber(sorted.at(-1) as string) - dayNumber(sorted[0] as string);
  return days > 0 ? days : 365;
}
