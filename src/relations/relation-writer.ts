import type { Db } from '../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
import type { Plan, Relation as RelationRow } from '../db/schema.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import type { RelationType } from './domain/relation.ts';
import { validateRelation, type RelationProblem } from './domain/validate-relation.ts';
import { domainRelations, planLengthDays } from './plan-schedule.ts';
import { insertRelation, listPlanRelations, listRelatableItems, lockPlan } from './relation-repository.ts';

export const RELATION_TYPES: readonly RelationType[] = ['depends_on', 'follows_on_from', 'links_to', 'duplicates'];

export const isRelationType = (value: string): value is RelationType => (RELATION_TYPES as readonly string[]).includes(value);

/** A relation to add: `fromItemId` depends on (follows on from, links to, duplicates) `toItemId`. */
export interface NewRelation {
  fromItemId: string;
  toItemId: string;
  type: RelationType;
  /** Whole days after the other item finishes (depends_on only; ignored for the other types). */
  lagDays: number;
  note?: string | null;
}

export interface RefusedRelation {
  relation: NewRelation;
  problem: RelationProblem;
}

/** How a message names an item: its printed reference, or its title (shortened) when it has none. */
export const itemName = (item: { ref: string | null; title: string }) =>
  item.ref ?? (item.title.length > 60 ? `${item.title.slice(0, 59)}…` : item.title);

/**
 * Adds relations to a plan inside the caller's transaction (the importer calls this with its own): each is checked
 * against the plan's relations and those added before it (items of this plan and organisation only, no self
 * relation, no duplicate, no lag longer than the plan, no loop), then saved with an audit entry. Relations that fail
 * are returned with the reason and not saved. The caller checks the actor may change the plan.
 */
export async function addRelationsInTransaction(
  trx: Db,
  actor: Pick<Actor, 'organisationId' | 'userId' | 'name'>,
  plan: Pick<Plan, 'id' | 'period_start' | 'period_end'>,
  candidates: readonly NewRelation[],
): Promise<{ added: RelationRow[]; refused: RefusedRelation[] }> {
  await lockPlan(trx, actor.organisationId, plan.id);
  const [items, rows] = await Promise.all([
    listRelatableItems(trx, actor.organisationId, plan.id),
    listPlanRelations(trx, actor.organisationId, plan.id),
  ]);
  const byId = new Map(items.map((item) => [item.id, item]));
  const existing = domainRelations(rows);
  const context = {
    visibleItemIds: new Set(byId.keys()),
    existing,
    planLengthDays: planLengthDays(plan, items),
    labelOf: (id: string) => {
      const item = byId.get(id);
      return item ? itemName(item) : 'That item';
    },
  };
  const added: RelationRow[] = [];
  const refused: RefusedRelation[] = [];
  for (const relation of candidates) {
    const lagDays = relation.type === 'depends_on' ? relation.lagDays : 0;
    const candidate = { fromId: relation.fromItemId, toId: relation.toItemId, type: relation.type, lagDays };
    const problem = validateRelation(candidate, context);
    if (problem) {
      refused.push({ relation, problem });
      continue;
    }
    const row = await insertRelation(trx, {
      organisation_id: actor.organisationId,
      plan_id: plan.id,
      from_item_id: candidate.fromId,
      to_item_id: candidate.toId,
      type: candidate.type,
      lag_days: lagDays,
      note: relation.note ?? null,
    });
    existing.push(candidate);
    added.push(row);
    await recordAudit(trx, actor, { entityType: 'relation', entityId: row.id, planId: plan.id, action: 'create', after: row });
  }
  return { added, refused };
}
