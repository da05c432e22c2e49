import type { Db } from '../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
import type { Plan } from '../db/schema.ts';
import { canEditPlan } from '../auth/permissions.ts';
import { notFound } from '../errors.ts';
import type { FormErrors } from '../web/form-errors.ts';
import { ukDate } from './domain/day-number.ts';
import { knockOnReason } from './domain/knock-on-reason.ts';
import type { RelationFormValues } from './relation-form.ts';
import { relationPanel } from './relation-panel-view-model.ts';
import type { ScheduleService } from './schedule-service.ts';
import { listItemRelations } from './relation-repository.ts';

const label = (item: { ref: string | null; title: string } | undefined) =>
  item ? (item.ref ? `${item.ref} ${item.title}` : item.title) : '';

/** What the item page's relations panel, the relation form and the knock-on list show. */
export function createRelationPageService(db: Db, schedule: ScheduleService) {
  return {
    async panel(actor: Actor, planId: string, itemId: string, form: { values?: RelationFormValues; errors?: FormErrors } = {}) {
      const { plan, items, knockOn } = await schedule.load(actor, planId);
      const item = items.find((candidate) => candidate.id === itemId);
      if (!item) throw notFound('The item');
      const relations = await listItemRelations(db, actor.organisationId, planId, itemId);
      const panel = relationPanel({
        planId,
        itemId,
        items,
        relations,
        knockOn: knockOn.find((entry) => entry.itemId === itemId),
        canEdit: canEditPlan(actor, plan),
        ...form,
      });
      return { plan, item, panel };
    },

    /** Every dependent a slip puts at risk, in dependency order, with the reason and how far it is pushed. */
    async knockOnList(actor: Actor, planId: string): Promise<{ plan: Plan; rows: KnockOnRow[] }> {
      const { plan, items, knockOn } = await schedule.load(actor, planId);
      const byId = new Map(items.map((item) => [item.id, item]));
      const rows = knockOn.map((entry) => ({
        itemId: entry.itemId,
        item: label(byId.get(entry.itemId)),
        sourceId: entry.sourceId,
        source: label(byId.get(entry.sourceId)),
        via: entry.viaRefs.join(', '),
        label: entry.label.replace(/^a/, 'A'),
        reason: knockOnReason(entry),
        days: entry.overlapDays,
        projectedFinish: entry.projectedFinish ? ukDate(entry.projectedFinish) : '',
      }));
      return { plan, rows };
    },
  };
}

export interface KnockOnRow {
  itemId: string;
  item: string;
  sourceId: string;
  source: string;
  via: string;
  label: string;
  reason: string;
  days: number;
  projectedFinish: string;
}
