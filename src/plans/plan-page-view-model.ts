import type { Plan } from '../db/schema.ts';
import type { PlanStateItem as PlanItemRow } from './plan-state.ts';
import { buildTree, flatten, itemLabel, type TreeNode } from './plan-tree.ts';
import { ITEM_KINDS } from '../items/item-form.ts';

export interface ItemStatus {
  status: string | null;
  rag: string | null;
  ragLabel: string | null;
  direction: string | null;
  complete: boolean;
  slipCount: number;
}

export interface PlanFilters {
  lead: string;
  priority: string;
  kind: string;
  overdue: boolean;
  q: string;
}

export interface PlanRow {
  id: string;
  depth: number;
  kind: string;
  kindLabel: string;
  ref: string;
  title: string;
  leads: string;
  target: string;
  priority: string;
  status: string;
  rag: string | null;
  ragLabel: string;
  direction: string;
  overdue: boolean;
  slipCount: number;
  within: string;
}

export interface PlanGroup {
  id: string | null;
  heading: string;
  summary: string;
  rows: PlanRow[];
}

export interface PlanPageInput {
  plan: Plan;
  items: PlanItemRow[];
  statusByItem: Map<string, ItemStatus>;
  filters: PlanFilters;
  today: string;
}

const kindLabel = new Map(ITEM_KINDS.map((k) => [k.value, k.text]));

export const hasFilters = (f: PlanFilters) => Boolean(f.lead || f.priority || f.kind || f.overdue || f.q);

function toRow(node: TreeNode<PlanItemRow>, input: PlanPageInput, baseDepth: number, within = ''): PlanRow {
  const { item } = node;
  const status = input.statusByItem.get(item.id);
  return {
    id: item.id,
    depth: Math.min(node.depth - baseDepth, 4),
    kind: item.kind,
    kindLabel: kindLabel.get(item.kind) ?? item.kind,
    ref: item.ref ?? '',
    title: item.title,
    leads: item.leads.join(', '),
    target: item.target_text ?? '',
    priority: item.priority ?? '',
    status: status?.status ?? '',
    rag: status?.rag ?? null,
    ragLabel: status?.ragLabel ?? '',
    direction: status?.direction ?? '',
    overdue: isOverdue(item, status, input.today),
    slipCount: status?.slipCount ?? 0,
    within,
  };
}

export function isOverdue(item: Pick<PlanItemRow, 'kind' | 'target_end'>, status: ItemStatus | undefined, today: string) {
  return (item.kind === 'action' || item.kind === 'milestone') && Boolean(item.target_end && item.target_end < today) && !status?.complete;
}

function matches(node: TreeNode<PlanItemRow>, input: PlanPageInput, personItems: Set<string> | null): boolean {
  const { filters } = input;
  const item = node.item;
  if (filters.kind && item.kind !== filters.kind) return false;
  if (filters.priority && item.priority !== filters.priority) return false;
  if (personItems && !personItems.has(item.id)) return false;
  if (filters.overdue && !isOverdue(item, input.statusByItem.get(item.id), input.today)) return false;
  if (filters.q) {
    const haystack = `${item.ref ?? ''} ${item.title} ${item.leads.join(' ')}`.toLowerCase();
    if (!filters.q.toLowerCase().split(/\s+/).every((word) => haystack.includes(word))) return false;
  }
  return true;
}

/**
 * The plan page: without filters, one group per top-level item (a details/summary the reader can fold) holding
 * every row beneath it; with filters, one flat table of the matches, each saying where it sits.
 */
export function planPageGroups(input: PlanPageInput, personItems: Set<string> | null): { groups: PlanGroup[]; matchCount: number } {
  const roots = buildTree(input.items);
  if (hasFilters(input.filters)) {
    const parents = new Map(input.items.map((i) => [i.id, i]));
    const rows = flatten(roots)
      .filter((node) => matches(node, input, personItems))
      .map((node) => {
        const parent = node.item.parent_id ? parents.get(node.item.parent_id) : undefined;
        return toRow(node, input, node.depth, parent ? itemLabel(parent, 60) : '');
      });
    return { groups: [{ id: null, heading: 'Matching items', summary: '', rows }], matchCount: rows.length };
  }
  const groups: PlanGroup[] = [];
  const loose: PlanRow[] = [];
  for (const root of roots) {
    if (root.children.length === 0) {
      loose.push(toRow(root, input, 0));
      continue;
    }
    const rows = flatten(root.children).map((node) => toRow(node, input, 1));
    const actions = rows.filter((r) => r.kind === 'action').length;
    groups.push({
      id: root.item.id,
      heading: itemLabel(root.item, 200),
      summary: `${rows.length} item${rows.length === 1 ? '' : 's'}${actions ? `, ${actions} action${actions === 1 ? '' : 's'}` : ''}`,
      rows: [toRow(root, input, 0), ...rows],
    });
  }
  if (loose.length > 0) groups.push({ id: null, heading: 'Items', summary: `${loose.length} items`, rows: loose });
  return { groups, matchCount: input.items.length };
}
