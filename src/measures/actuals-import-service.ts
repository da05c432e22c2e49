import type { Db } from '../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
import { requireCanEditPlan } from '../auth/permissions.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import { InvalidFields } from '../errors.ts';
import type { PlanService } from '../plans/plan-service.ts';
import { checkActual } from './actual-check.ts';
import { readActualsFile, type ActualsRow } from './actuals-file.ts';
import { loadPlanMeasures, type LoadedMeasure } from './measure-plan-data.ts';
import { upsertMeasureValue } from './measure-repository.ts';
import { findPeriod, type MeasurePeriod } from './plan-periods.ts';

const MAX_SHOWN = 30;
const normal = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

interface Checked {
  measure: LoadedMeasure;
  period: MeasurePeriod;
  value: string | number | boolean;
}

/** Matches a row's measure by its reference, else by its name; an error message when none or several match. */
function matchMeasure(measures: readonly LoadedMeasure[], name: string): LoadedMeasure | string {
  if (name === '') return 'enter the measure’s name or reference';
  const byRef = measures.filter((entry) => entry.row.ref && normal(entry.row.ref) === normal(name));
  const matches = byRef.length > 0 ? byRef : measures.filter((entry) => normal(entry.row.title) === normal(name));
  if (matches.length === 1 && matches[0]) return matches[0];
  return matches.length === 0 ? `there is no measure called “${name}” in this plan` : `${matches.length} measures are called “${name}”: use their references`;
}

function checkRows(rows: readonly ActualsRow[], measures: readonly LoadedMeasure[], periods: readonly MeasurePeriod[]) {
  const problems: string[] = [];
  const checked: Checked[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const measure = matchMeasure(measures, row.measure);
    if (typeof measure === 'string') {
      problems.push(`Row ${row.row}: ${measure}`);
      continue;
    }
    const key = findPeriod(periods, row.period)?.key ?? row.period;
    const result = checkActual(measure.row, periods, key, row.actual);
    if (!result.ok) {
      problems.push(...result.issues.map((issue) => `Row ${row.row}: ${issue.message}`));
      continue;
    }
    const twice = seen.get(`${measure.row.id} ${key}`);
    if (twice) problems.push(`Row ${row.row}: row ${twice} already gives the actual for ${measure.row.title} in ${row.period}`);
    seen.set(`${measure.row.id} ${key}`, row.row);
    const period = periods.find((candidate) => candidate.key === key);
    if (period) checked.push({ measure, period, value: result.value });
  }
  return { problems, checked };
}

/** Imports actuals from a CSV or XLSX file: every row is checked first and nothing is saved if any is wrong. */
export function createActualsImportService(db: Db, plans: PlanService) {
  return {
    async importActuals(actor: Actor, planId: string, fileName: string, data: Buffer): Promise<{ count: number }> {
      const plan = await plans.getPlan(actor, planId);
      requireCanEditPlan(actor, plan);
      const file = await readActualsFile(fileName, data);
      if (!file.ok) throw new InvalidFields([{ path: 'file', message: file.error }]);
      const { periods, measures } = await loadPlanMeasures(db, plan);
      const { problems, checked } = checkRows(file.rows, measures, periods);
      if (problems.length > 0) {
        const shown = problems.slice(0, MAX_SHOWN).map((message) => ({ path: 'file', message }));
        if (problems.length > MAX_SHOWN) shown.push({ path: 'file', message: `And ${problems.length - MAX_SHOWN} more problems` });
        throw new InvalidFields(shown);
      }
      await db.transaction().execute(async (trx) => {
        const now = new Date();
        for (const entry of checked) {
          await upsertMeasureValue(trx, {
            organisation_id: actor.organisationId,
            measure_id: entry.measure.row.id,
            period_key: entry.period.key,
            period_label: entry.period.label,
            value: JSON.stringify(entry.value),
            entered_by_user_id: actor.userId,
            entered_by_name: actor.name,
            entered_at: now,
            update_id: null,
          });
        }
        const byMeasure = new Map<string, Checked[]>();
        for (const entry of checked) byMeasure.set(entry.measure.row.id, [...(byMeasure.get(entry.measure.row.id) ?? []), entry]);
        for (const [measureId, entries] of byMeasure) {
          const periodKeys = new Set(entries.map((entry) => entry.period.key));
          const before = entries[0]?.measure.measure.actuals.filter((actual) => periodKeys.has(actual.periodKey)) ?? [];
          const after = { file: fileName, actuals: entries.map((entry) => ({ periodKey: entry.period.key, value: entry.value })) };
          await recordAudit(trx, actor, { entityType: 'measure', entityId: measureId, planId, action: 'import_actuals', before: { actuals: before }, after });
        }
      });
      return { count: checked.length };
    },
  };
}
