import type { ItemKind } from '../db/schema.ts';

export interface TreeInput {
  id: string;
  parent_id: string | null;
  position: number;
  kind: ItemKind;
  ref: string | null;
  title: string;
}

export interface TreeNode<T extends TreeInput> {
  item: T;
  depth: number;
  children: TreeNode<T>[];
}

/** Builds the plan's tree from rows in any order; orphans (a parent outside the rows) become roots. */
export function buildTree<T extends TreeInput>(rows: readonly T[]): TreeNode<T>[] {
  const nodes = new Map<string, TreeNode<T>>();
  for (const item of rows) nodes.set(item.id, { item, depth: 0, children: [] });
  const roots: TreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.item.parent_id ? nodes.get(node.item.parent_id) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sortAndDepth = (list: TreeNode<T>[], depth: number) => {
    list.sort((a, b) => a.item.position - b.item.position);
    for (const node of list) {
      node.depth = depth;
      sortAndDepth(node.children, depth + 1);
    }
  };
  sortAndDepth(roots, 0);
  return roots;
}

/** Depth-first order: what a reader of the printed plan sees. */
export function flatten<T extends TreeInput>(nodes: readonly TreeNode<T>[]): TreeNode<T>[] {
  const out: TreeNode<T>[] = [];
  const walk = (list: readonly TreeNode<T>[]) => {
    for (const node of list) {
      out.push(node);
      walk(node.children);
    }
  };
  walk(nodes);
  return out;
}

/** The chain of items above an item, top first. */
export function ancestorsOf<T extends TreeInput>(rows: readonly T[], itemId: string): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const chain: T[] = [];
  let current = byId.get(itemId);
  const seen = new Set<string>();
  while (current?.parent_id && !seen.has(current.parent_id)) {
    seen.add(current.parent_id);
    const parent = byId.get(current.parent_id);
    if (!parent) break;
    chain.unshift(parent);
    current = parent;
  }
  return chain;
}

export const itemLabel = (item: { ref: string | null; title: string }, max = 80) => {
  const title = item.title.length > max ? `${item.title.slice(0, max - 1)}…` : item.title;
  return item.ref ? `${item.ref} ${title}` : title;
};
