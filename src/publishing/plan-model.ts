import type { Db } from '../db/connection.ts';
import { buildTree, flatten } from '../plans/plan-tree.ts';
import type { PublicationScope } from './publication-scope.ts';
import { queryPlanItems, type PlanItem } from './plan-items-query.ts';
import { shapeItem, type PublishedItem } from './published-shape.ts';

export interface ModelEntry {
  raw: PlanItem;
  shown: PublishedItem;
  /** Sorts like the printed plan (depth first): zero-padded positions and ids joined by "/" (a cursor's key). */
  path: string;
  /** `shown` as JSON, made once when first asked for. */
  json?: string;
}

/** The entries' shown items as a JSON array, each serialised once per model. */
export function entriesJson(entries: readonly ModelEntry[]): string {
  return `[${entries.map((entry) => (entry.json ??= JSON.stringify(entry.shown))).join(',')}]`;
}

/** A plan as one audience sees it now: every item in the plan's order, shaped once, ready to filter and page. */
export interface PlanModel {
  scope: PublicationScope;
  entries: ModelEntry[];
  byId: Map<string, ModelEntry>;
  /** Entries matching a set of filters, kept for the next page (a few sets at most). */
  matches: Map<string, ModelEntry[]>;
}

const segment = (item: { position: number; id: string }) => `${String(Math.max(0, item.position)).padStart(10, '0')}${item.id}`;

export function buildPlanModel(scope: PublicationScope, items: PlanItem[]): PlanModel {
  const roots = buildTree(items);
  const paths = new Map<string, string>();
  const entries: ModelEntry[] = [];
  for (const node of flatten(roots)) {
    const parentPath = node.item.parent_id ? paths.get(node.item.parent_id) : undefined;
    const path = parentPath ? `${parentPath}/${segment(node.item)}` : segment(node.item);
    paths.set(node.item.id, path);
    const shown = shapeItem(scope, node.item);
    shown.depth = node.depth;
    entries.push({ raw: node.item, shown, path });
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { scope, entries, byId: new Map(entries.map((entry) => [entry.raw.id, entry])), matches: new Map() };
}

export async function loadPlanModel(db: Db, scope: PublicationScope): Promise<PlanModel> {
  return buildPlanModel(scope, await queryPlanItems(db, scope));
}

/** The index of the first entry after `path` (entries are in path order: the flattened tree order). */
export function indexAfter(entries: readonly ModelEntry[], path: string): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((entries[mid] as ModelEntry).path <= path) low = mid + 1;
    else high = mid;
  }
  return low;
}
