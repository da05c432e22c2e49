import { describe, expect, it } from 'vitest';
import { matchExistingItems, type ExistingItem } from './match-items.ts';

const existing: ExistingItem[] = [
  { id: 'r1', parent_id: null, kind: 'section', ref_key: null, title: 'Recommendation 1' },
  { id: 'r1a', parent_id: 'r1', kind: 'action', ref_key: 'a', title: 'Cabinet to develop Council Actions' },
  { id: 'r2', parent_id: null, kind: 'section', ref_key: null, title: 'Recommendation 2' },
  { id: 'r2a', parent_id: 'r2', kind: 'action', ref_key: 'a', title: 'Publish the Improvement Plan' },
  { id: 'r2b', parent_id: 'r2', kind: 'action', ref_key: 'b', title: 'Move to Recommendation 1' },
];
const section = (title: string) => ({ kind: 'section', refKey: null, title, parentIndex: null });
const action = (refKey: string, parentIndex: number) => ({ kind: 'action', refKey, title: 'changed wording', parentIndex });

describe('matchExistingItems', () => {
  it('matches a reference under the item its parent matched, so letters restarting per section stay apart', () => {
    const incoming = [section('Recommendation 1'), action('a', 0), section('Recommendation 2'), action('a', 2)];
    expect(matchExistingItems(incoming, existing)).toEqual(['r1', 'r1a', 'r2', 'r2a']);
  });

  it('follows an item to a new parent when its reference is found once on each side, and adds the rest', () => {
    const incoming = [section('Recommendation 1'), action('b', 0), section('Recommendation 4'), action('a', 2)];
    expect(matchExistingItems(incoming, existing)).toEqual(['r1', 'r2b', null, null]);
  });
});
