import { dayNumber } from '../../relations/domain/day-number.ts';

/** What the overdue test needs of an item: its kind, whether it is done, and its (revised) date as an ISO date. */
export interface OverdueFacts {
  kind: string;
  complete: boolean;
  end: string | null;
  revisedEnd: string | null;
}

/**
 * The timeline's one meaning of overdue (status column, counts, description and the "Only overdue" filter), as on
 * the plan page: an action or milestone not complete whose revised date, else its target date, has passed. Sections,
 * outcomes and measures are never overdue: they are done through the actions and milestones under them.
 */
export function isOverdue(item: OverdueFacts, today: string): boolean {
  if (item.kind !== 'action' && item.kind !== 'milestone') return false;
  const due = item.revisedEnd ?? item.end;
  return !item.complete && due !== null && dayNumber(due) < dayNumber(today);
}
