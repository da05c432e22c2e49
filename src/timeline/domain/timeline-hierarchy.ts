interface Placed<T> { item: T; depth: number }

/**
 * Items in the order of the plan's tree (each parent, then its children in the order given), with their depth.
 * An item whose parent is missing (filtered out) starts a tree of its own; none is ever dropped, even in a loop.
 */
export function hierarchyOrder<T extends { id: string; parentId: string | null }>(items: readonly T[]): Placed<T>[] {
  const ids = new Set(items.map((item) => item.id));
  const children = new Map<string | null, T[]>();
  for (const item of items) {
    const parent = item.parentId !== null && ids.has(item.parentId) && item.parentId !== item.id ? item.parentId : null;
    const list = children.get(parent);
    if (list) list.push(item);
    else children.set(parent, [item]);
  }
  const ordered: Placed<T>[] = [];
  const seen = new Set<string>();
  const visit = (root: T) => {
    const stack: Placed<T>[] = [{ item: root, depth: 0 }];
    while (stack.length > 0) {
      const next = stack.pop() as Placed<T>;
      if (seen.has(next.item.id)) continue;
      seen.add(next.item.id);
      ordered.push(next);
      const kids = children.get(next.item.id) ?? [];
      for (let index = kids.length - 1; index >= 0; index -= 1) {
        stack.push({ item: kids[index] as T, depth: next.depth + 1 });
      }
    }
  };
  for (const root of children.get(null) ?? []) visit(root);
  for (const item of items) if (!seen.has(item.id)) visit(item);
  return ordered;
}
