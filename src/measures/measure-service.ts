import type { Db } from '../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
import type { Plan } from '../db/schema.ts';
import { canEditPlan, requireCanEditPlan } from '../auth/permissions.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import { conflict, forbidden, InvalidFields, notFound } from '../errors.ts';
import type { PlanService } from '../plans/plan-service.ts';
import { listItemPeople } from '../items/item-repository.ts';
import { canUpdateItem } from '../updates/update-permissions.ts';
import type { Measure } from './domain/measure.ts';
import { checkActual } from './actual-check.ts';
import { parseMeasureForm, type MeasureFormValues } from './measure-form.ts';
import { loadMeasurePeriods } from './measure-plan-data.ts';
import { linkableItems } from './measure-queries.ts';
import { toMeasure } from './measure-model.ts';
import {
  findMeasure,
  findMeasureValue,
  insertMeasure,
  listMeasureValues,
  listRecentItemUpdates,
  updateMeasureIfCurrent,
  upsertMeasureValue,
} from './measure-repository.ts';

export type MeasureService = ReturnType<typeof createMeasureService>;

export interface ActualEntry {
  period: string;
  value: string;
  updateId: string;
}

/** Measures and their actuals: plan editors define measures; they and the linked item's leads enter actuals. */
export function createMeasureService(db: Db, plans: PlanService) {
  async function getMeasure(actor: Actor, planId: string, measureId: string) {
    const plan = await plans.getPlan(actor, planId);
    const row = await findMeasure(db, actor.organisationId, planId, measureId);
    if (!row) throw notFound('The measure');
    return { plan, row };
  }

  async function canEnterActuals(actor: Actor, plan: Plan, itemId: string | null): Promise<boolean> {
    if (canEditPlan(actor, plan)) return true;
    if (!itemId) return false;
    const people = await listItemPeople(db, actor.organisationId, plan.id, [itemId]);
    return canUpdateItem(actor, plan, people.filter((person) => person.role === 'lead').map((person) => person.personId));
  }

  /** Creates (measureId null) or changes a measure; every problem at once, nothing saved. */
  async function saveMeasure(actor: Actor, planId: string, measureId: string | null, version: number, values: MeasureFormValues) {
    const plan = await plans.getPlan(actor, planId);
    requireCanEditPlan(actor, plan);
    const before = measureId ? await findMeasure(db, actor.organisationId, planId, measureId) : undefined;
    if (measureId && !before) throw notFound('The measure');
    const [periods, recorded, items] = await Promise.all([
      loadMeasurePeriods(db, plan),
      before ? listMeasureValues(db, actor.organisationId, [before.id]) : Promise.resolve([]),
      linkableItems(db, plan),
    ]);
    const actuals = recorded.filter((value) => periods.some((period) => period.key === value.period_key));
    const parsed = parseMeasureForm(values, periods, actuals.map((value) => ({ periodKey: value.period_key, value: value.value })));
    if (!parsed.ok) throw new InvalidFields(parsed.issues);
    const { itemId, measure } = parsed.form;
    if (itemId && !items.some((item) => item.id === itemId)) throw new InvalidFields([{ path: 'itemId', message: 'Choose an outcome or measure of success from this plan' }]);
    const columns = {
      item_id: itemId,
      ref: measure.ref,
      title: measure.title,
      unit: measure.unit,
      polarity: measure.polarity,
      baseline: measure.baseline === null ? null : JSON.stringify(measure.baseline),
      thresholds: JSON.stringify(measure.thresholds),
      targets: JSON.stringify(measure.targets),
    };
    return db.transaction().execute(async (trx) => {
      if (!before) {
        const created = await insertMeasure(trx, { organisation_id: actor.organisationId, plan_id: planId, updated_at: new Date(), ...columns });
        await recordAudit(trx, actor, { entityType: 'measure', entityId: created.id, planId, action: 'create', after: created });
        return created;
      }
      const after = await updateMeasureIfCurrent(trx, actor.organisationId, before.id, version, columns);
      if (!after) throw conflict('Someone else changed this measure while you were editing it. Your changes have not been saved.');
      await recordAudit(trx, actor, { entityType: 'measure', entityId: before.id, planId, action: 'update', before, after });
      return after;
    });
  }

  return {
    getMeasure,
    canEnterActuals,
    saveMeasure,

    /** Records (or corrects) the actual for one of the plan's periods, optionally with the update that reported it. */
    async enterActual(actor: Actor, planId: string, measureId: string, entry: ActualEntry) {
      const { plan, row } = await getMeasure(actor, planId, measureId);
      if (!(await canEnterActuals(actor, plan, row.item_id))) throw forbidden('enter actuals for this measure');
      const periods = await loadMeasurePeriods(db, plan);
      const checked = checkActual(row, periods, entry.period, entry.value);
      if (!checked.ok) throw new InvalidFields(checked.issues);
      const updates = row.item_id && entry.updateId ? await listRecentItemUpdates(db, actor.organisationId, row.item_id) : [];
      if (entry.updateId && !updates.some((update) => update.id === entry.updateId)) {
        throw new InvalidFields([{ path: 'updateId', message: 'Choose one of the updates on the linked item, or none' }]);
      }
      const period = periods.find((candidate) => candidate.key === entry.period);
      return db.transaction().execute(async (trx) => {
        const before = await findMeasureValue(trx, actor.organisationId, row.id, entry.period);
        const saved = await upsertMeasureValue(trx, {
          organisation_id: actor.organisationId,
          measure_id: row.id,
          period_key: entry.period,
          period_label: period?.label ?? entry.period,
          value: JSON.stringify(checked.value),
          entered_by_user_id: actor.userId,
          entered_by_name: actor.name,
          entered_at: new Date(),
          update_id: entry.updateId || null,
        });
        await recordAudit(trx, actor, { entityType: 'measure', entityId: row.id, planId, action: 'enter_actual', before: before ?? null, after: saved });
        return saved;
      });
    },

    /** The measure as the domain sees it, for the chart and its table. */
    async measureOf(actor: Actor, planId: string, measureId: string): Promise<Measure> {
      const { plan, row } = await getMeasure(actor, planId, measureId);
      const [periods, values] = await Promise.all([loadMeasurePeriods(db, plan), listMeasureValues(db, actor.organisationId, [row.id])]);
      return toMeasure(row, values, periods);
    },
  };
}
