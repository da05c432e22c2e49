import type { RagCode } from '../../db/schema.ts';

const SCORE: Record<RagCode, number> = { red: 0, amber: 1, green: 2, blue: 3 };

/**
 * A parent's RAG from its children's: worst-of (one red child makes the parent red), or share-weighted (the average
 * of red 0, amber 1, green 2, blue 3: below 1 red, below 2 amber, otherwise green; all blue is blue).
 */
export function rollUpRag(children: RagCode[], mode: 'worst' | 'share'): RagCode | null {
  if (children.length === 0) return null;
  if (children.every((c) => c === 'blue')) return 'blue';
  if (mode === 'worst') return children.reduce((worst, c) => (SCORE[c] < SCORE[worst] ? c : worst));
  const average = children.reduce((sum, c) => sum + SCORE[c], 0) / children.length;
  return average < 1 ? 'red' : average < 2 ? 'amber' : 'green';
}

/** Fills in parents bottom-up; an item's own RAG wins over its children's roll-up. */
export function rollUpTree(
  items: { id: string; parent_id: string | null }[],
  own: Map<string, RagCode>,
  mode: 'worst' | 'share',
): Map<string, RagCode> {
  const children = new Map<string, string[]>();
  for (const item of items) {
    if (!item.parent_id) continue;
    const list = children.get(item.parent_id) ?? [];
    list.push(item.id);
    children.set(item.parent_id, list);
  }
  const result = new Map<string, RagCode>();
  const visit = (id: string, seen: Set<string>): RagCode | null => {
    if (result.has(id)) return result.get(id) ?? null;
    if (seen.has(id)) return null;
    seen.add(id);
    const mine = own.get(id);
    const kids = (children.get(id) ?? []).map((c) => visit(c, seen)).filter((r): r is RagCode => r !== null);
    const rag = mine ?? rollUpRag(kids, mode);
    if (rag) result.set(id, rag);
    return rag;
  };
  for (const item of items) visit(item.id, new Set());
  return result;
}
