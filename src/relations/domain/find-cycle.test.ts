import { describe, expect, it } from 'vitest';
import { describeCycle, findCycle } from './find-cycle.ts';
import type { Relation } from './relation.ts';

const dependsOn = (fromId: string, toId: string): Relation => ({ fromId, toId, type: 'depends_on', lagDays: 0 });

describe('findCycle', () => {
  it('names the loop A→B→C→A when A would depend on B', () => {
    const existing = [dependsOn('B', 'C'), dependsOn('C', 'A')];
    const cycle = findCycle(existing, dependsOn('A', 'B'));
    expect(cycle).toEqual(['A', 'B', 'C']);
    expect(describeCycle(cycle ?? [], (id) => id)).toBe('A depends on B, B on C, C on A');
  });

  it('counts follows_on_from as scheduling but not links_to or duplicates', () => {
    const viaFollows: Relation = { fromId: 'B', toId: 'A', type: 'follows_on_from', lagDays: 0 };
    expect(findCycle([viaFollows], dependsOn('A', 'B'))).toEqual(['A', 'B']);
    const viaLink: Relation = { fromId: 'B', toId: 'A', type: 'links_to', lagDays: 0 };
    expect(findCycle([viaLink], dependsOn('A', 'B'))).toBeNull();
    expect(findCycle([dependsOn('B', 'A')], { ...dependsOn('A', 'B'), type: 'duplicates' })).toBeNull();
  });

  it('finds no loop in a diamond and names the shortest loop when there are several', () => {
    const diamond = [dependsOn('D', 'B'), dependsOn('D', 'C'), dependsOn('B', 'A'), dependsOn('C', 'A')];
    expect(findCycle(diamond, dependsOn('E', 'D'))).toBeNull();
    const long = [dependsOn('B', 'C'), dependsOn('C', 'D'), dependsOn('D', 'A'), dependsOn('B', 'A')];
    expect(findCycle(long, dependsOn('A', 'B'))).toEqual(['A', 'B']);
  });

  it('uses the labels it is given', () => {
    const labels: Record<string, string> = { a: '1.1', b: '1.2', c: '2.1' };
    const message = describeCycle(['a', 'b', 'c'], (id) => labels[id] ?? id);
    expect(message).toBe('1.1 depends on 1.2, 1.2 on 2.1, 2.1 on 1.1');
  });
});
