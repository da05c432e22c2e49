import { format } from 'date-fns';
import type { Db } from '../db/connection.ts';
import type { Plan } from '../db/schema.ts';
import { findOrganisation } from '../organisations/organisation-repository.ts';
import { listCycles, listPeriods } from '../updates/period-repository.ts';
import type { ReleasedYet } from '../publishing/plan-wide-data.ts';
import type { Measure } from './domain/measure.ts';
import { listMeasureValues, listPlanMeasures, type MeasureListRow } from './measure-repository.ts';
import { toMeasure } from './measure-model.ts';
import { planMeasurePeriods, type MeasurePeriod } from './plan-periods.ts';

/** The periods the plan's measures report on (see planMeasurePeriods). */
export async function loadMeasurePeriods(db: Db, plan: Plan): Promise<MeasurePeriod[]> {
  const [organisation, cycles, reporting] = await Promise.all([
    findOrganisation(db, plan.organisation_id),
    listCycles(db, plan.organisation_id, plan.id),
    listPeriods(db, plan.organisation_id, plan.id),
  ]);
  return planMeasurePeriods({
    cycles,
    reporting,
    planStart: plan.period_start,
    planEnd: plan.period_end,
    fyStartMonth: organisation?.fy_start_month ?? 4,
    today: format(new Date(), 'yyyy-MM-dd'),
  });
}

export interface LoadedMeasure {
  row: MeasureListRow;
  measure: Measure;
}

/** Every measure of a plan as the domain sees it, with the periods they report on; only released actuals when asked. */
export async function loadPlanMeasures(db: Db, plan: Plan, releasedYet?: ReleasedYet): Promise<{ periods: MeasurePeriod[]; measures: LoadedMeasure[] }> {
  const [periods, rows] = await Promise.all([loadMeasurePeriods(db, plan), listPlanMeasures(db, plan.organisation_id, plan.id)]);
  const entered = await listMeasureValues(db, plan.organisation_id, rows.map((row) => row.id));
  const periodIds = new Map(periods.map((period) => [period.key, period.periodId]));
  const values = releasedYet ? entered.filter((value) => releasedYet({ periodId: periodIds.get(value.period_key) ?? null, at: new Date(value.entered_at) })) : entered;
  const measures = rows.map((row) => ({
    row,
    measure: toMeasure(row, values.filter((value) => value.measure_id === row.id), periods),
  }));
  return { periods, measures };
}
