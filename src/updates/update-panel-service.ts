import type { Db } from '../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
import type { Item, Plan } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import type { PlanService } from '../plans/plan-service.ts';
import { listItemPeople, listPlanItems } from '../items/item-repository.ts';
import { listItemUpdates, submittedForReview } from './update-repository.ts';
import { listItemRevisions, listPlanRevisions } from './revision-repository.ts';
import { revisionSentence, updateRow } from './update-view-model.ts';
import { canReview, canUpdateItem } from './update-permissions.ts';
import type { createStatusService } from './status-service.ts';

/** What the item page, the review queue and the slippage list show of updates. */
export function createUpdatePanelService(db: Db, plans: PlanService, status: ReturnType<typeof createStatusService>) {
  return {
    async itemPanel(actor: Actor, plan: Plan, item: Item) {
      const [updates, revisions, people, statuses] = await Promise.all([
        listItemUpdates(db, actor.organisationId, item.id),
        listItemRevisions(db, actor.organisationId, item.id),
        listItemPeople(db, actor.organisationId, plan.id, [item.id]),
        status.statuses(actor, plan.id, null),
      ]);
      const current = statuses.get(item.id) ?? null;
      const leads = people.filter((p) => p.role === 'lead').map((p) => p.personId);
      return {
        current,
        updates: updates.map(updateRow),
        revisions: revisions.map((r) => ({ ...r, sentence: revisionSentence(r) })),
        canUpdate: (item.kind === 'action' || item.kind === 'milestone' || item.kind === 'measure') && canUpdateItem(actor, plan, leads),
        canReview: canReview(actor, plan),
      };
    },

    async evidenceOf(actor: Actor, updateId: string) {
      return db
        .selectFrom('evidence_files')
        .where('organisation_id', '=', actor.organisationId)
        .where('update_id', '=', updateId)
        .select(['id', 'file_name', 'size_bytes', 'content_type'])
        .execute();
    },

    async evidenceFile(actor: Actor, updateId: string, fileId: string) {
      const file = await db
        .selectFrom('evidence_files')
        .where('organisation_id', '=', actor.organisationId)
        .where('update_id', '=', updateId)
        .where('id', '=', fileId)
        .selectAll()
        .executeTakeFirst();
      if (!file) throw notFound('The file');
      return file;
    },

    async reviewQueue(actor: Actor) {
      const rows = await submittedForReview(db, actor.organisationId);
      return rows.filter((r) => canReview(actor, { owner_user_id: r.owner_user_id }));
    },

    /** Every agreed date revision in a plan, and per item the slip count and days slipped. */
    async slippage(actor: Actor, planId: string) {
      const plan = await plans.getPlan(actor, planId);
      const [items, revisions] = await Promise.all([listPlanItems(db, actor.organisationId, planId), listPlanRevisions(db, actor.organisationId, planId)]);
      const byId = new Map(items.map((i) => [i.id, i]));
      const perItem = new Map<string, typeof revisions>();
      for (const r of revisions) perItem.set(r.item_id, [...(perItem.get(r.item_id) ?? []), r]);
      const rows = [...perItem.entries()].map(([itemId, list]) => {
        const item = byId.get(itemId);
        const last = list.at(-1);
        const original = item?.target_end ?? null;
        const days = last?.to_end && original ? Math.round((Date.parse(last.to_end) - Date.parse(original)) / 86_400_000) : null;
        return {
          itemId,
          ref: item?.ref ?? '',
          title: item?.title ?? '(deleted item)',
          original: item?.target_text ?? '',
          current: last?.to_text ?? '',
          count: list.length,
          days,
          sentences: list.map(revisionSentence),
        };
      });
      rows.sort((a, b) => (b.days ?? 0) - (a.days ?? 0));
      return { plan, rows };
    },
  };
}
