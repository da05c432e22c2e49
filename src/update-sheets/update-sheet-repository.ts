import type { Db } from '../db/connection.ts';
import { listItemPeople, listPlanItems } from '../items/item-repository.ts';
import { buildTree, flatten } from '../plans/plan-tree.ts';
import { listPlanRevisions } from '../updates/revision-repository.ts';

export interface PlanAction {
  id: string;
  ref: string;
  title: string;
  leadIds: string[];
  leadNames: string;
  target: string;
}

/** A plan's actions and milestones in reading order, with their leads and current (latest agreed) target. */
export async function planActions(db: Db, organisationId: string, planId: string): Promise<PlanAction[]> {
  const [items, people, revisions] = await Promise.all([
    listPlanItems(db, organisationId, planId),
    listItemPeople(db, organisationId, planId),
    listPlanRevisions(db, organisationId, planId),
  ]);
  const leads = new Map<string, { id: string; name: string }[]>();
  for (const p of people) if (p.role === 'lead') leads.set(p.item_id, [...(leads.get(p.item_id) ?? []), { id: p.personId, name: p.name }]);
  const target = new Map<string, string>();
  for (const r of revisions) target.set(r.item_id, r.to_text);
  return flatten(buildTree(items))
    .map((node) => node.item)
    .filter((item) => item.kind === 'action' || item.kind === 'milestone')
    .map((item) => ({
      id: item.id,
      ref: item.ref ?? '',
      title: item.title,
      leadIds: (leads.get(item.id) ?? []).map((l) => l.id),
      leadNames: (leads.get(item.id) ?? []).map((l) => l.name).join(', '),
      target: target.get(item.id) ?? item.target_text ?? '',
    }));
}

/** The live plans in which any of these people lead an action or milestone, by title. */
export async function plansLedBy(db: Db, organisationId: string, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('plans as p')
    .where('p.organisation_id', '=', organisationId)
    .where('p.status', '=', 'live')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('item_people as ip')
          .innerJoin('items as i', 'i.id', 'ip.item_id')
          .select('ip.item_id')
          .whereRef('i.plan_id', '=', 'p.id')
          .where('ip.role', '=', 'lead')
          .where('ip.person_id', 'in', [...personIds])
          .where('i.kind', 'in', ['action', 'milestone']),
      ),
    )
    .orderBy('p.title')
    .selectAll('p')
    .execute();
}

/** Which of these items already have a draft update (the sheet replaces it). */
export async function itemsWithDrafts(db: Db, organisationId: string, itemIds: string[]): Promise<Set<string>> {
  if (itemIds.length === 0) return new Set();
  const rows = await db.selectFrom('updates').where('organisation_id', '=', organisationId).where('item_id', 'in', itemIds).where('state', '=', 'draft').select('item_id').distinct().execute();
  return new Set(rows.map((r) => r.item_id));
}
