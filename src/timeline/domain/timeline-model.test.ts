import { describe, expect, it } from 'vitest';
import type { Relation } from '../../relations/domain/relation.ts';
import { buildTimelineModel, type TimelineInput, type TimelineItem } from './timeline-model.ts';

// Rows 7.1.1–7.1.5 of seed 003, whose ■ marks fall on a July 2007 – June 2008 grid.
const months = (...list: string[]) => list.map((month) => (month < '07' ? `2008-${month}` : `2007-${month}`));
const action = (ref: string, planned: string[], extra: Partial<TimelineItem> = {}): TimelineItem => ({
  id: ref,
  parentId: '7.1',
  ref,
  title: `Action ${ref}`,
  kind: 'action',
  lead: 'HB',
  start: null,
  end: null,
  revisedEnd: null,
  complete: false,
  plannedMonths: planned,
  ...extra,
});
const items: TimelineItem[] = [
  action('7.1.1', months('07', '08', '09', '10', '11'), { end: '2007-11-30', complete: true }),
  action('7.1.2', months('10'), { start: '2007-10-01', end: '2007-10-31', revisedEnd: '2008-01-15' }),
  action('7.1.4', months('11', '12', '01', '02'), { start: '2007-11-01', end: '2008-02-29' }),
  action('7.1.5', months('03', '04', '05', '06'), { end: '2008-06-30' }),
  { ...action('7.1', []), parentId: null, kind: 'measure', title: 'Roll out & review <PACT>' },
];
const relations: Relation[] = [{ fromId: '7.1.4', toId: '7.1.2', type: 'depends_on', lagDays: 0 }];
const input: TimelineInput = {
  title: 'Improvement Plan 2007/08',
  period: { start: '2007-07-01', end: '2008-06-30' },
  fyStartMonth: 7,
  today: '2008-01-20',
  zoom: 'month',
  items,
  relations,
};

describe('buildTimelineModel', () => {
  const model = buildTimelineModel(input);

  it('lays out seed 003’s July–June months with quarter and year headers', () => {
    expect(model.columns.map((column) => column.label)).toEqual([
      'Jul 2007', 'Aug 2007', 'Sep 2007', 'Oct 2007', 'Nov 2007', 'Dec 2007',
      'Jan 2008', 'Feb 2008', 'Mar 2008', 'Apr 2008', 'May 2008', 'Jun 2008',
    ]);
    expect(model.groupRows[0]?.groups).toEqual([{ label: '2007/08', startIndex: 0, span: 12 }]);
    expect(model.groupRows[1]?.groups.map((group) => group.label)).toEqual([
      'Q1 2007/08', 'Q2 2007/08', 'Q3 2007/08', 'Q4 2007/08',
    ]);
    expect(model.todayColumn).toBe(6);
  });

  it('puts parents before children and marks the planned months cell by cell', () => {
    expect(model.rows.map((row) => [row.ref, row.depth])).toEqual([
      ['7.1', 0], ['7.1.1', 1], ['7.1.2', 1], ['7.1.4', 1], ['7.1.5', 1],
    ]);
    const row = model.rows[1];
    expect(row?.cells.map((cell) => (cell.planned ? '■' : '.')).join('')).toBe('■■■■■.......');
    expect(row?.plannedRuns).toEqual([[0, 4]]);
    expect(model.rows[2]?.cells[3]?.label).toBe('Planned; target date');
    expect(model.rows[2]?.cells[6]?.label).toBe('Revised date');
  });

  it('flags the dependent of a slipped action, with the reason, and draws the arrow', () => {
    const dependent = model.rows.find((row) => row.ref === '7.1.4');
    expect(dependent?.atRisk).toBe(true);
    expect(dependent?.atRiskReason).toBe(
      "At risk from 7.1.2: its revised date 15/01/2008 is 75 days after this action's start",
    );
    expect(model.arrows).toMatchObject([{ fromRow: 2, toRow: 3, fromRef: '7.1.2', toRef: '7.1.4', atRisk: true }]);
    expect(model.arrows[0]?.fromPosition).toBeCloseTo(6 + 15 / 31);
    expect(model.arrows[0]?.toPosition).toBe(4);
  });

  it('knows what is overdue today and what is complete', () => {
    const overdue = model.rows.filter((row) => row.overdue).map((row) => row.ref);
    expect(overdue).toEqual(['7.1.2']);
    const later = buildTimelineModel({ ...input, today: '2008-03-01' });
    expect(later.rows.filter((row) => row.overdue).map((row) => row.ref)).toEqual(['7.1.2', '7.1.4']);
    expect(later.counts).toEqual({ rows: 5, atRisk: 1, overdue: 2, dependencies: 1 });
  });

  it('zooms out to quarters and in to ISO weeks', () => {
    const quarters = buildTimelineModel({ ...input, zoom: 'quarter' });
    expect(quarters.columns.map((column) => column.key)).toEqual(['2007-Q1', '2007-Q2', '2007-Q3', '2007-Q4']);
    expect(quarters.rows[2]?.cells.map((cell) => cell.label)).toEqual([
      '', 'Planned; target date', 'Revised date', '',
    ]);
    const weeks = buildTimelineModel({ ...input, zoom: 'week' });
    expect(weeks.columns[0]).toMatchObject({ key: '2007-W26', label: 'w/c 25 Jun 2007' });
    expect(weeks.columns.at(-1)).toMatchObject({ key: '2008-W27', label: 'w/c 30 Jun 2008' });
    expect(weeks.groupRows[0]?.groups).toEqual([{ label: '2007/08', startIndex: 0, span: weeks.columns.length }]);
    expect(weeks.groupRows[1]?.groups[0]).toEqual({ label: 'Jul 2007', startIndex: 0, span: 6 });
    expect(weeks.groupRows[1]?.groups.at(-1)).toMatchObject({ label: 'Jun 2008', span: 5 });
  });

  it('plans an item with dates but no planned months from its start to its target', () => {
    const dated = action('9.9', [], { start: '2007-09-10', end: '2007-12-05' });
    const row = buildTimelineModel({ ...input, items: [dated] }).rows[0];
    expect(row?.plannedRuns).toEqual([[2, 5]]);
  });
});
