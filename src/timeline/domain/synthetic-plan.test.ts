import { describe, expect, it } from 'vitest';
import { findCycle } from '../../relations/domain/find-cycle.ts';
import { buildSyntheticPlan } from './synthetic-plan.ts';

describe('buildSyntheticPlan', () => {
  it('gives the number of actions asked for, on four levels, with one dependency per ten actions', () => {
    const plan = buildSyntheticPlan(2000);
    const kinds = new Map<string, number>();
    for (const item of plan.items) kinds.set(item.kind, (kinds.get(item.kind) ?? 0) + 1);
    expect(kinds.get('action')).toBe(2000);
    expect([...kinds.keys()]).toEqual(['section', 'outcome', 'measure', 'action']);
    expect(plan.relations).toHaveLength(200);
  });

  it('is the same every time and has no dependency loop', () => {
    const [first, second] = [buildSyntheticPlan(300, 0.2), buildSyntheticPlan(300, 0.2)];
    expect(second).toEqual(first);
    const [last, ...rest] = first.relations.slice().reverse();
    expect(last && findCycle(rest, last)).toBeNull();
  });
});
