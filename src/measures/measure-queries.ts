import type { Db } from '../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
import type { Item, Plan } from '../db/schema.ts';
import { canEditPlan } from '../auth/permissions.ts';
import type { PlanService } from '../plans/plan-service.ts';
import { listPlanItems } from '../items/item-repository.ts';
import { buildTree, flatten, itemLabel } from '../plans/plan-tree.ts';
import type { ItemPageContribution } from '../services.ts';
import { renderMeasureChartSvg } from './domain/measure-chart-svg.ts';
import { measureTableRows } from './domain/measure-table-rows.ts';
import { MEASURE_RAG_LABELS, summariseMeasure, toMeasure, type MeasureSummary } from './measure-model.ts';
import type { ReleasedYet } from '../publishing/plan-wide-data.ts';
import { loadMeasurePeriods, loadPlanMeasures } from './measure-plan-data.ts';
import { listItemMeasures, listMeasureValues, listRecentItemUpdates } from './measure-repository.ts';
import type { MeasureService } from './measure-service.ts';

/** Outcomes and measures of success a measure can belong to, in the plan's order. */
export async function linkableItems(db: Db, plan: Plan) {
  const rows = await listPlanItems(db, plan.organisation_id, plan.id);
  return flatten(buildTree(rows))
    .map((node) => node.item)
    .filter((item) => item.kind === 'measure' || item.kind === 'outcome')
    .map((item) => ({ id: item.id, label: itemLabel(item, 80) }));
}

/** What the measures pages and reports read. */
export function createMeasureQueries(db: Db, plans: PlanService, service: MeasureService) {
  return {
    async listPage(actor: Actor, planId: string) {
      const plan = await plans.getPlan(actor, planId);
      const { measures } = await loadPlanMeasures(db, plan);
      const rows = measures.map(({ row, measure }) => ({
        id: row.id,
        item: row.item_id ? { id: row.item_id, label: itemLabel({ ref: row.itemRef, title: row.itemTitle ?? '' }, 60) } : null,
        ...summariseMeasure(measure),
      }));
      return { plan, rows, canEdit: canEditPlan(actor, plan) };
    },

    /** For reports and published surfaces: one row per measure with its latest actual, target, RAG and trend (of released actuals only, when asked). */
    measuresFor: async (actor: Actor, planId: string, releasedYet?: ReleasedYet): Promise<MeasureSummary[]> => {
      const plan = await plans.getPlan(actor, planId);
      const { measures } = await loadPlanMeasures(db, plan, releasedYet);
      return measures.map(({ measure }) => summariseMeasure(measure));
    },

    async measurePage(actor: Actor, planId: string, measureId: string) {
      const { plan, row } = await service.getMeasure(actor, planId, measureId);
      const [periods, values, items] = await Promise.all([
        loadMeasurePeriods(db, plan),
        listMeasureValues(db, actor.organisationId, [row.id]),
        linkableItems(db, plan),
      ]);
      const measure = toMeasure(row, values, periods);
      const entered = new Map(values.map((value) => [value.period_key, value]));
      const tableRows = measureTableRows(measure).map((tableRow) => ({
        ...tableRow,
        ragLabel: MEASURE_RAG_LABELS[tableRow.rag],
        enteredBy: entered.get(tableRow.periodKey)?.entered_by_name ?? null,
        enteredAt: entered.get(tableRow.periodKey)?.entered_at ?? null,
        updateId: entered.get(tableRow.periodKey)?.update_id ?? null,
      }));
      return {
        plan,
        row,
        measure,
        periods,
        tableRows,
        summary: summariseMeasure(measure),
        svg: renderMeasureChartSvg(measure, { idPrefix: `measure-${row.id.slice(0, 8)}` }),
        item: items.find((item) => item.id === row.item_id) ?? null,
        updates: row.item_id ? await listRecentItemUpdates(db, actor.organisationId, row.item_id) : [],
        canEdit: canEditPlan(actor, plan),
        canEnter: await service.canEnterActuals(actor, plan, row.item_id),
      };
    },

    /** The item page's panel: the latest figures of the measures linked to an outcome or measure of success. */
    itemPageData: async (actor: Actor, plan: Plan, item: Item): Promise<ItemPageContribution> => {
      const rows = await listItemMeasures(db, actor.organisationId, item.id);
      if (rows.length === 0) return {};
      const [periods, values] = await Promise.all([loadMeasurePeriods(db, plan), listMeasureValues(db, actor.organisationId, rows.map((row) => row.id))]);
      const measures = rows.map((row) => ({
        id: row.id,
        ...summariseMeasure(toMeasure(row, values.filter((value) => value.measure_id === row.id), periods)),
      }));
      return { panels: ['measures/views/item-measures.njk'], measurePanel: { measures, canEnter: await service.canEnterActuals(actor, plan, item.id) } };
    },
  };
}
