import type { Db } from '../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
import { requireCanEditPlan } from '../auth/permissions.ts';
import { latestChange, listAuditForEntities, recordAudit } from '../audit/audit-repository.ts';
import { conflict, invalidInput, notFound } from '../errors.ts';
import type { Item, ItemPersonRole } from '../db/schema.ts';
import { parseFuzzyDate } from '../dates/fuzzy-date.ts';
import { findOrganisation } from '../organisations/organisation-repository.ts';
import type { PlanService } from '../plans/plan-service.ts';
import type { ItemForm } from './item-form.ts';
import { refKey } from './ref-key.ts';
import {
  deleteItemRow,
  findItem,
  insertItem,
  listItemPeople,
  listItemsById,
  listPlanItems,
  listRelationsOf,
  listRelationsTouching,
  nextPosition,
  replaceItemPeople,
  setPositions,
  siblings,
  subtreeIds,
  updateItemIfCurrent,
} from './item-repository.ts';

export type ItemService = ReturnType<typeof createItemService>;

const peopleOf = (form: ItemForm): { personId: string; role: ItemPersonRole }[] => [
  ...form.leads.map((personId) => ({ personId, role: 'lead' as const })),
  ...(form.leadMember ? [{ personId: form.leadMember, role: 'lead_member' as const }] : []),
];

export function createItemService(db: Db, plans: PlanService) {
  async function editablePlan(actor: Actor, planId: string) {
    const plan = await plans.getPlan(actor, planId);
    requireCanEditPlan(actor, plan);
    return plan;
  }

  async function getItem(actor: Actor, planId: string, itemId: string): Promise<Item> {
    const item = await findItem(db, actor.organisationId, planId, itemId);
    if (!item) throw notFound('The item');
    return item;
  }

  async function checkPeople(actor: Actor, form: ItemForm): Promise<void> {
    const ids = peopleOf(form).map((p) => p.personId);
    if (ids.length === 0) return;
    const found = await db.selectFrom('people').where('organisation_id', '=', actor.organisationId).where('id', 'in', ids).select('id').execute();
    if (found.length !== new Set(ids).size) throw invalidInput('Select lead officers and lead members from the list', 'leads');
  }

  async function fieldsFrom(actor: Actor, form: ItemForm) {
    const organisation = await findOrganisation(db, actor.organisationId);
    const target = form.targetText ? parseFuzzyDate(form.targetText, { fyStartMonth: organisation?.fy_start_month ?? 4 }) : null;
    return {
      kind: form.kind,
      ref: form.ref,
      ref_key: refKey(form.ref),
      title: form.title,
      detail: form.detail,
      priority: form.priority,
      corporate_priorities: form.corporatePriorities,
      target_text: form.targetText,
      target_start: target?.start ?? null,
      target_end: target?.end ?? null,
      target_precision: target?.precision ?? 'unknown',
      resources: form.resources,
    };
  }

  const snapshot = async (trx: Db, actor: Actor, planId: string, item: Item) => ({
    ...item,
    people: (await listItemPeople(trx, actor.organisationId, planId, [item.id])).map((p) => ({ role: p.role, name: p.name })),
  });

  return {
    getItem,

    async getItemPage(actor: Actor, planId: string, itemId: string) {
      const plan = await plans.getPlan(actor, planId);
      const item = await getItem(actor, planId, itemId);
      const [all, people, relations, history] = await Promise.all([
        listPlanItems(db, actor.organisationId, planId),
        listItemPeople(db, actor.organisationId, planId, [itemId]),
        listRelationsOf(db, actor.organisationId, itemId),
        listAuditForEntities(db, actor.organisationId, [itemId]),
      ]);
      return { plan, item, all, people, relations, history };
    },

    async createItem(actor: Actor, planId: string, form: ItemForm): Promise<Item> {
      await editablePlan(actor, planId);
      await checkPeople(actor, form);
      if (form.parentId && !(await findItem(db, actor.organisationId, planId, form.parentId))) {
        throw invalidInput('Select where this item belongs from the list', 'parentId');
      }
      const fields = await fieldsFrom(actor, form);
      return db.transaction().execute(async (trx) => {
        const item = await insertItem(trx, {
          organisation_id: actor.organisationId,
          plan_id: planId,
          parent_id: form.parentId,
          position: await nextPosition(trx, planId, form.parentId),
          planned_months: [],
          custom_values: '{}',
          updated_at: new Date(),
          ...fields,
        });
        await replaceItemPeople(trx, actor.organisationId, item.id, peopleOf(form));
        await recordAudit(trx, actor, { entityType: 'item', entityId: item.id, planId, action: 'create', after: await snapshot(trx, actor, planId, item) });
        return item;
      });
    },

    async updateItem(actor: Actor, planId: string, itemId: string, version: number, form: ItemForm): Promise<Item> {
      await editablePlan(actor, planId);
      await checkPeople(actor, form);
      const current = await getItem(actor, planId, itemId);
      const fields = await fieldsFrom(actor, form);
      return db.transaction().execute(async (trx) => {
        const before = await snapshot(trx, actor, planId, current);
        const after = await updateItemIfCurrent(trx, actor.organisationId, itemId, version, fields);
        if (!after) {
          const change = await latestChange(trx, actor.organisationId, itemId);
          const who = change?.user_name ? `${change.user_name} changed this item` : 'Someone else changed this item';
          throw conflict(`${who} while you were editing it. Your changes have not been saved: check the item and make them again.`);
        }
        await replaceItemPeople(trx, actor.organisationId, itemId, peopleOf(form));
        await recordAudit(trx, actor, { entityType: 'item', entityId: itemId, planId, action: 'update', before, after: await snapshot(trx, actor, planId, after) });
        return after;
      });
    },

    /** Moves an item (with everything beneath it) under a new parent, at a position among its new siblings. */
    async moveItem(actor: Actor, planId: string, itemId: string, parentId: string | null, position: number): Promise<void> {
      await editablePlan(actor, planId);
      const item = await getItem(actor, planId, itemId);
      if (parentId) {
        await getItem(actor, planId, parentId);
        if ((await subtreeIds(db, itemId)).includes(parentId)) {
          throw invalidInput('An item cannot be moved under itself or one of the items beneath it', 'parentId');
        }
      }
      await db.transaction().execute(async (trx) => {
        const order = (await siblings(trx, planId, parentId)).map((s) => s.id).filter((id) => id !== itemId);
        order.splice(Math.max(0, Math.min(position, order.length)), 0, itemId);
        await trx.updateTable('items').set({ parent_id: parentId, updated_at: new Date() }).where('id', '=', itemId).execute();
        await setPositions(trx, order);
        await recordAudit(trx, actor, {
          entityType: 'item',
          entityId: itemId,
          planId,
          action: 'move',
          before: { parent_id: item.parent_id, position: item.position },
          after: { parent_id: parentId, position: order.indexOf(itemId) },
        });
      });
    },

    async deleteItem(actor: Actor, planId: string, itemId: string): Promise<number> {
      await editablePlan(actor, planId);
      const item = await getItem(actor, planId, itemId);
      const ids = await subtreeIds(db, itemId);
      await db.transaction().execute(async (trx) => {
        // What goes with the item is audited too (the items beneath it and every relation to or from them), so the
        // audit trail — and the plan as at an earlier date — keeps them.
        const beneath = ids.filter((id) => id !== itemId);
        const rows = await listItemsById(trx, actor.organisationId, beneath);
        const people = await listItemPeople(trx, actor.organisationId, planId, beneath);
        const relations = await listRelationsTouching(trx, actor.organisationId, ids);
        for (const relation of relations) {
          await recordAudit(trx, actor, { entityType: 'relation', entityId: relation.id, planId, action: 'delete', before: relation, after: { reason: 'Deleted with its item' } });
        }
        for (const row of rows) {
          const rowPeople = people.filter((p) => p.item_id === row.id).map((p) => ({ role: p.role, name: p.name }));
          await recordAudit(trx, actor, { entityType: 'item', entityId: row.id, planId, action: 'delete', before: { ...row, people: rowPeople }, after: { deletedWith: itemId } });
        }
        await recordAudit(trx, actor, {
          entityType: 'item',
          entityId: itemId,
          planId,
          action: 'delete',
          before: { ...(await snapshot(trx, actor, planId, item)), removedBeneath: ids.length - 1 },
        });
        await deleteItemRow(trx, actor.organisationId, itemId);
      });
      return ids.length;
    },
  };
}
