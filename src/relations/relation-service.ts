import type { Db } from '../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
import type { Relation as RelationRow } from '../db/schema.ts';
import { requireCanEditPlan } from '../auth/permissions.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import { InvalidFields, notFound } from '../errors.ts';
import type { PlanService } from '../plans/plan-service.ts';
import type { ItemService } from '../items/item-service.ts';
import { fieldOfProblem, type RelationForm } from './relation-form.ts';
import { deleteRelationRow, findRelation } from './relation-repository.ts';
import { addRelationsInTransaction } from './relation-writer.ts';

export type RelationService = ReturnType<typeof createRelationService>;

export function createRelationService(db: Db, plans: PlanService, items: ItemService) {
  async function editableItem(actor: Actor, planId: string, itemId: string) {
    const plan = await plans.getPlan(actor, planId);
    requireCanEditPlan(actor, plan);
    const item = await items.getItem(actor, planId, itemId);
    return { plan, item };
  }

  return {
    /**
     * The item at `itemId` depends on (follows on from, links to, duplicates) the chosen item. Refused, with the
     * field and a message a person can act on, when the relation would be wrong; nothing is saved then.
     */
    addRelation: async (actor: Actor, planId: string, itemId: string, form: RelationForm): Promise<RelationRow> => {
      const { plan } = await editableItem(actor, planId, itemId);
      const relation = { fromItemId: itemId, toItemId: form.toItemId, type: form.type, lagDays: form.lagDays };
      const { added, refused } = await db.transaction().execute((trx) => addRelationsInTransaction(trx, actor, plan, [relation]));
      const problem = refused[0]?.problem;
      if (problem) throw new InvalidFields([{ path: fieldOfProblem(problem), message: problem.message }]);
      return added[0] as RelationRow;
    },

    /** Removes a relation of the item (either way round). */
    removeRelation: async (actor: Actor, planId: string, itemId: string, relationId: string): Promise<void> => {
      await editableItem(actor, planId, itemId);
      await db.transaction().execute(async (trx) => {
        const relation = await findRelation(trx, actor.organisationId, planId, relationId);
        if (!relation || (relation.from_item_id !== itemId && relation.to_item_id !== itemId)) throw notFound('The relation');
        await recordAudit(trx, actor, { entityType: 'relation', entityId: relation.id, planId, action: 'delete', before: relation });
        await deleteRelationRow(trx, actor.organisationId, relation.id);
      });
    },
  };
}
