import type { PlanState, PlanStateItem, PlanStateRelation } from './plan-state.ts';

/** One audit entry about an item or a relation of the plan, as the audit log keeps it. */
export interface PlanChange {
  entity_type: string;
  entity_id: string;
  action: string;
  before: unknown;
  after: unknown;
}

type Snapshot = Record<string, unknown>;

const ITEM_FIELDS = ['parent_id', 'position', 'kind', 'ref', 'title', 'priority', 'target_text', 'target_start', 'target_end', 'planned_months'] as const;

const isSnapshot = (value: unknown): value is Snapshot => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Lead officers then lead members, by name, from an item snapshot's `people` (as the audit log records them). */
function leadsOf(snapshot: Snapshot): string[] | undefined {
  if (!Array.isArray(snapshot.people)) return undefined;
  const people = snapshot.people.filter(isSnapshot);
  const named = (role: string) => people.filter((p) => p.role === role && typeof p.name === 'string').map((p) => p.name as string);
  return [...named('lead'), ...named('lead_member')];
}

/** The item as a snapshot describes it, over what is known of it now (a snapshot may hold only some fields). */
function restoreItem(id: string, snapshot: Snapshot, current: PlanStateItem | undefined): PlanStateItem | null {
  const base: PlanStateItem = current ?? {
    id, parent_id: null, position: 0, kind: 'action', ref: null, title: '', priority: null,
    target_text: null, target_start: null, target_end: null, planned_months: [], leads: [],
  };
  const restored: Record<string, unknown> = { ...base };
  for (const field of ITEM_FIELDS) if (field in snapshot) restored[field] = snapshot[field];
  const leads = leadsOf(snapshot);
  if (leads) restored.leads = leads;
  const item = restored as unknown as PlanStateItem;
  return current || typeof snapshot.title === 'string' ? item : null;
}

const relationKey = (r: Pick<PlanStateRelation, 'from_item_id' | 'to_item_id' | 'type'>) => `${r.from_item_id}|${r.to_item_id}|${r.type}`;

function asRelation(value: unknown): PlanStateRelation | null {
  if (!isSnapshot(value) || typeof value.from_item_id !== 'string' || typeof value.to_item_id !== 'string' || typeof value.type !== 'string') return null;
  return { from_item_id: value.from_item_id, to_item_id: value.to_item_id, type: value.type as PlanStateRelation['type'], lag_days: Number(value.lag_days ?? 0) };
}

/**
 * The plan's items and relations as they were before `changes` (its audit entries since the moment asked for, newest
 * first): each is undone in turn — an item created or imported since is taken away, an edit or move goes back to its
 * `before`, a deleted item comes back (its own fields; what was beneath it the audit log does not keep), a relation
 * added since is taken away and one removed since comes back. Updates and revisions are already dated by the query.
 */
export function planStateBefore(state: PlanState, changes: readonly PlanChange[]): PlanState {
  const items = new Map(state.items.map((item) => [item.id, item]));
  const relations = new Map(state.relations.map((relation) => [relationKey(relation), relation]));
  for (const change of changes) {
    if (change.entity_type === 'item') {
      if (change.action === 'create' || change.action === 'import') items.delete(change.entity_id);
      else if (isSnapshot(change.before)) {
        const restored = restoreItem(change.entity_id, change.before, items.get(change.entity_id));
        if (restored) items.set(change.entity_id, restored);
      }
    } else if (change.entity_type === 'relation') {
      const relation = asRelation(change.action === 'create' ? change.after : change.before);
      if (!relation) continue;
      if (change.action === 'create') relations.delete(relationKey(relation));
      else if (change.action === 'delete') relations.set(relationKey(relation), relation);
    }
  }
  const kept = [...items.values()].sort((a, b) => a.position - b.position);
  const ids = new Set(kept.map((item) => item.id));
  return {
    ...state,
    items: kept.map((item) => (item.parent_id !== null && !ids.has(item.parent_id) ? { ...item, parent_id: null } : item)),
    approved: state.approved.filter((update) => ids.has(update.item_id)),
    revisions: state.revisions.filter((revision) => ids.has(revision.item_id)),
    relations: [...relations.values()].filter((r) => ids.has(r.from_item_id) && ids.has(r.to_item_id)),
  };
}
