import { describe, expect, it } from 'vitest';
import type { Relation } from './relation.ts';
import { validateRelation, type RelationContext } from './validate-relation.ts';

const labels: Record<string, string> = { a: 'A', b: 'B', c: 'C', d: 'D' };
const rel = (fromId: string, toId: string, type: Relation['type'] = 'depends_on', lagDays = 0): Relation => ({
  fromId,
  toId,
  type,
  lagDays,
});
const context = (existing: Relation[] = []): RelationContext => ({
  visibleItemIds: new Set(['a', 'b', 'c', 'd']),
  existing,
  planLengthDays: 365,
  labelOf: (id) => labels[id] ?? id,
});

describe('validateRelation', () => {
  it('accepts a fresh dependency', () => {
    expect(validateRelation(rel('a', 'b', 'depends_on', 10), context())).toBeNull();
  });

  it('refuses a cycle with the message the issue asks for', () => {
    const problem = validateRelation(rel('a', 'b'), context([rel('b', 'c'), rel('c', 'a')]));
    expect(problem?.code).toBe('cycle');
    expect(problem?.message).toContain('A depends on B, B on C, C on A');
  });

  it('refuses a self-relation', () => {
    const problem = validateRelation(rel('a', 'a', 'links_to'), context());
    expect(problem).toMatchObject({ code: 'self_relation', message: 'A cannot be related to itself' });
  });

  it('refuses an item the user cannot see, without naming it', () => {
    const problem = validateRelation(rel('a', 'secret-item'), context());
    expect(problem).toMatchObject({ code: 'not_visible', field: 'toId' });
    expect(problem?.message).toBe('A cannot be related to an item outside this plan, or one you cannot see');
  });

  it('refuses the same relation twice, either way round for links', () => {
    expect(validateRelation(rel('a', 'b'), context([rel('a', 'b')]))?.message).toBe('A already depends on B');
    const link = validateRelation(rel('b', 'a', 'links_to'), context([rel('a', 'b', 'links_to')]));
    expect(link?.message).toBe('A already links to B');
    expect(validateRelation(rel('a', 'b', 'follows_on_from'), context([rel('a', 'b')]))?.code).toBe(
      'duplicate_relation',
    );
    expect(validateRelation(rel('a', 'b', 'links_to'), context([rel('a', 'b')]))).toBeNull();
  });

  it('refuses a negative lag longer than the plan, and a lag in part days', () => {
    const problem = validateRelation(rel('a', 'b', 'depends_on', -400), context());
    expect(problem).toMatchObject({ code: 'lag_beyond_plan', field: 'lagDays' });
    expect(problem?.message).toBe('A negative lag of -400 days is longer than the plan itself (365 days)');
    expect(validateRelation(rel('a', 'b', 'depends_on', -365), context())).toBeNull();
    expect(validateRelation(rel('a', 'b', 'depends_on', 1.5), context())?.code).toBe('lag_not_whole_days');
  });
});
