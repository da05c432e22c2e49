import { describe, expect, it } from 'vitest';
import { computeKnockOn, type KnockOnItem } from './knock-on.ts';
import { knockOnReason } from './knock-on-reason.ts';
import type { Relation } from './relation.ts';

const item = (id: string, start: string | null, end: string | null, extra: Partial<KnockOnItem> = {}): KnockOnItem => ({
  id,
  ref: id,
  title: `Action ${id}`,
  start,
  end,
  revisedEnd: null,
  complete: false,
  ...extra,
});
const dependsOn = (fromId: string, toId: string, lagDays = 0): Relation => ({
  fromId,
  toId,
  type: 'depends_on',
  lagDays,
});

describe('computeKnockOn', () => {
  it('flags a dependent whose start falls before the predecessor’s revised date, with the days of overlap', () => {
    const items = [
      item('1.2', '2015-01-01', '2015-05-16', { revisedEnd: '2015-06-30' }),
      item('1.3', '2015-05-16', '2015-09-30'),
    ];
    const [knockOn, ...rest] = computeKnockOn(items, [dependsOn('1.3', '1.2')]);
    expect(rest).toEqual([]);
    expect(knockOn).toMatchObject({
      itemId: '1.3',
      sourceRef: '1.2',
      overlapDays: 45,
      finishKind: 'revised',
      projectedFinish: '2015-11-14',
      label: 'at risk from 1.2',
    });
    expect(knockOnReason(knockOn!)).toBe(
      "At risk from 1.2: its revised date 30/06/2015 is 45 days after this action's start",
    );
  });

  it('does not flag a dependent that starts on or after the finish plus lag', () => {
    const items = [item('A', null, '2015-06-30'), item('B', '2015-07-10', '2015-08-30')];
    expect(computeKnockOn(items, [dependsOn('B', 'A', 10)])).toEqual([]);
    const flagged = computeKnockOn(items, [dependsOn('B', 'A', 11)]);
    expect(flagged.map((k) => [k.itemId, k.overlapDays])).toEqual([['B', 1]]);
    expect(knockOnReason(flagged[0]!)).toBe(
      "At risk from A: its target date 30/06/2015 with a lag of 11 days is 1 day after this action's start",
    );
  });

  it('propagates a slip down a chain and records the route', () => {
    const items = [
      item('1.4', '2015-09-01', '2015-10-31'),
      item('1.3', '2015-06-01', '2015-08-31'),
      item('1.2', '2015-03-01', '2015-05-31', { revisedEnd: '2015-07-15' }),
    ];
    const relations = [dependsOn('1.3', '1.2'), dependsOn('1.4', '1.3')];
    const result = computeKnockOn(items, relations);
    expect(result.map((k) => [k.itemId, k.label, k.overlapDays])).toEqual([
      ['1.3', 'at risk from 1.2', 44],
      ['1.4', 'at risk from 1.2 via 1.3', 43],
    ]);
    expect(result[1]?.predecessorFinish).toBe('2015-10-14');
    expect(knockOnReason(result[1]!)).toBe(
      "At risk from 1.2 via 1.3: 1.3 is now expected to finish 14/10/2015, 43 days after this action's start",
    );
  });

  it('compares the end of an item with no start, and ignores complete items and non-scheduling links', () => {
    const items = [
      item('A', null, '2015-06-30'),
      item('B', null, '2015-06-01'),
      item('C', '2015-06-01', '2015-07-01', { complete: true }),
      item('D', null, '2015-03-31', { complete: true }),
      item('E', '2015-01-01', '2015-02-01'),
    ];
    const relations: Relation[] = [
      dependsOn('B', 'A'),
      dependsOn('C', 'A'),
      dependsOn('E', 'D'),
      { fromId: 'E', toId: 'A', type: 'links_to', lagDays: 0 },
    ];
    const result = computeKnockOn(items, relations);
    expect(result.map((k) => [k.itemId, k.comparedWith, k.overlapDays])).toEqual([['B', 'end', 29]]);
    expect(knockOnReason(result[0]!)).toContain("29 days after this action's target date");
  });

  it('names the predecessor that pushes hardest when there are several', () => {
    const items = [
      item('A', null, '2015-06-10'),
      item('B', null, '2015-06-20'),
      item('C', '2015-06-01', '2015-06-30'),
    ];
    const [knockOn] = computeKnockOn(items, [dependsOn('C', 'A'), dependsOn('C', 'B')]);
    expect(knockOn).toMatchObject({ sourceRef: 'B', overlapDays: 19 });
  });
});
