/** An item of the plan being imported into, as matching needs it. */
export interface ExistingItem {
  id: string;
  parent_id: string | null;
  kind: string;
  ref_key: string | null;
  title: string;
}

/** An item of the document, as matching needs it: its saved title and its parent's index in the document. */
export interface IncomingItem {
  kind: string;
  refKey: string | null;
  title: string;
  parentIndex: number | null;
}

/** How an item is known among its siblings: its kind and reference, or its title when it has none. */
const keyOf = (kind: string, refKey: string | null, title: string) =>
  refKey ? `${kind}|ref:${refKey}` : `${kind}|title:${title.trim().replace(/\s+/g, ' ').toLowerCase()}`;

function groupBy<T>(values: readonly T[], key: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    const list = groups.get(key(value));
    if (list) list.push(value);
    else groups.set(key(value), [value]);
  }
  return groups;
}

/**
 * The existing item each document item updates, or null for a new one. An item matches the existing item with its
 * kind and reference (or title) under the item its parent matched, so "A" under Recommendation 2 is not "A" under
 * Recommendation 1. An item whose parent is new or changed still matches when its key is found once in the plan and
 * once in the document (a numbered action moved to another theme). No existing item is matched twice.
 */
export function matchExistingItems(incoming: readonly IncomingItem[], existing: readonly ExistingItem[]): (string | null)[] {
  const underParent = groupBy(existing, (e) => `${e.parent_id ?? 'root'}#${keyOf(e.kind, e.ref_key, e.title)}`);
  const inPlan = groupBy(existing, (e) => keyOf(e.kind, e.ref_key, e.title));
  const inDocument = groupBy(incoming, (i) => keyOf(i.kind, i.refKey, i.title));
  const claimed = new Set<string>();
  const matched = new Map<number, string | null>();

  const claim = (candidates: readonly ExistingItem[] | undefined): string | null => {
    const found = candidates?.find((candidate) => !claimed.has(candidate.id));
    if (!found) return null;
    claimed.add(found.id);
    return found.id;
  };

  const resolve = (index: number, depth: number): string | null => {
    if (matched.has(index)) return matched.get(index) ?? null;
    const item = incoming[index];
    if (!item) return null;
    const key = keyOf(item.kind, item.refKey, item.title);
    const hasParent = item.parentIndex !== null && item.parentIndex !== index && depth < incoming.length;
    const parentId = hasParent ? resolve(item.parentIndex as number, depth + 1) : null;
    let id = hasParent && parentId === null ? null : claim(underParent.get(`${parentId ?? 'root'}#${key}`));
    if (id === null && inPlan.get(key)?.length === 1 && inDocument.get(key)?.length === 1) id = claim(inPlan.get(key));
    matched.set(index, id);
    return id;
  };

  return incoming.map((_, index) => resolve(index, 0));
}
