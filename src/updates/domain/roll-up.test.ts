import { describe, expect, it } from 'vitest';
import { rollUpRag, rollUpTree } from './roll-up.ts';
import { suggestRag } from './suggested-rag.ts';
import { rulesOf } from './plan-rules.ts';

describe('RAG roll-up', () => {
  it('worst-of makes a parent red when one child is red', () => {
    expect(rollUpRag(['green', 'red', 'blue'], 'worst')).toBe('red');
  });
  it('share-weighted averages the children', () => {
    expect(rollUpRag(['green', 'green', 'red'], 'share')).toBe('amber');
    expect(rollUpRag(['blue', 'blue'], 'share')).toBe('blue');
  });
  it('rolls up a tree, keeping an item’s own RAG', () => {
    const items = [
      { id: 'theme', parent_id: null },
      { id: 'area', parent_id: 'theme' },
      { id: 'a1', parent_id: 'area' },
      { id: 'a2', parent_id: 'area' },
    ];
    const result = rollUpTree(items, new Map([['a1', 'green'], ['a2', 'amber']]), 'worst');
    expect(result.get('area')).toBe('amber');
    expect(result.get('theme')).toBe('amber');
  });
});

describe('suggested RAG', () => {
  const rules = rulesOf({ amberDays: 30 });
  it('is red when overdue, amber when close, green otherwise, blue when complete', () => {
    expect(suggestRag({ targetEnd: '2025-01-31', complete: false, today: '2025-02-10' }, rules)?.rag).toBe('red');
    expect(suggestRag({ targetEnd: '2025-02-20', complete: false, today: '2025-02-10' }, rules)?.rag).toBe('amber');
    expect(suggestRag({ targetEnd: '2025-06-30', complete: false, today: '2025-02-10' }, rules)?.rag).toBe('green');
    expect(suggestRag({ targetEnd: '2025-01-31', complete: true, today: '2025-02-10' }, rules)?.rag).toBe('blue');
    expect(suggestRag({ targetEnd: null, complete: false, today: '2025-02-10' }, rules)).toBeNull();
  });
});
