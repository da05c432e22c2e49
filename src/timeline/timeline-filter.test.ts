import { describe, expect, it } from 'vitest';
import type { ItemKind } from '../db/schema.ts';
import type { ScheduleItem } from '../relations/plan-schedule.ts';
import { isOverdue } from './domain/overdue.ts';
import { buildTimelineModel } from './domain/timeline-model.ts';
import { filterTimelineItems } from './timeline-filter.ts';
import { timelineQuery } from './timeline-query.ts';

const today = '2026-01-20';
const item = (id: string, kind: ItemKind, parentId: string | null, extra: Partial<ScheduleItem> = {}): ScheduleItem => ({
  id, parentId, kind, ref: id, title: `${kind} ${id}`, priority: null, targetText: null, targetEnd: '2025-12-31',
  plannedMonths: [], start: null, end: '2025-12-31', revisedEnd: null, complete: false, ...extra,
});
// Every row is past its date and not complete; only the action and the milestone can be overdue.
const items: ScheduleItem[] = [
  item('1', 'section', null),
  item('1.1', 'outcome', '1'),
  item('1.1.1', 'measure', '1.1'),
  item('1.1.2', 'action', '1.1'),
  item('1.1.3', 'milestone', '1.1'),
  item('1.1.4', 'action', '1.1', { revisedEnd: '2026-03-31' }),
  item('1.1.5', 'action', '1.1', { complete: true }),
];

describe('overdue on the timeline', () => {
  it('is only an action or milestone not complete whose revised (else target) date has passed', () => {
    expect(items.filter((each) => isOverdue(each, today)).map((each) => each.id)).toEqual(['1.1.2', '1.1.3']);
    expect(isOverdue(item('x', 'action', null, { end: today }), today)).toBe(false);
    expect(isOverdue(item('x', 'action', null, { end: null }), today)).toBe(false);
    expect(isOverdue(item('x', 'milestone', null, { end: '2026-03-31', revisedEnd: '2026-01-19' }), today)).toBe(true);
  });

  it('means the same in the status column, the counts and the "Only overdue" filter', () => {
    const model = buildTimelineModel({
      title: 'Plan', period: { start: '2025-04-01', end: '2026-03-31' }, fyStartMonth: 4, today, zoom: 'month', items: items.map((each) => ({ ...each, lead: null })), relations: [],
    });
    const overdueRows = model.rows.filter((row) => row.overdue).map((row) => row.id);
    expect(overdueRows).toEqual(['1.1.2', '1.1.3']);
    expect(model.counts.overdue).toBe(2);
    expect(model.description).toContain('2 overdue');

    const context = { names: new Map<string, string[]>(), leadItems: null, mineItems: null, today };
    const shown = filterTimelineItems(items, timelineQuery({ overdue: 'yes' }), context);
    // The rows above them stay, for their place in the hierarchy, but are not overdue themselves.
    expect(shown.map((each) => each.id)).toEqual(['1', '1.1', '1.1.2', '1.1.3']);
    expect(shown.filter((each) => isOverdue(each, today)).map((each) => each.id)).toEqual(overdueRows);
  });
});
